"""The serving process's cycle collector, set for pushes (#19).

A push of 2,000 items makes some hundred thousand short-lived objects (the parsed batch, the stored payloads,
the rows written out), nearly all freed by their reference counts. With Python's default thresholds the
collector ran every 700 allocations and, every few batches, went through the whole heap: the modules, the
app and its models, a hundred thousand objects that live as long as the process. Measured in one process on
PostgreSQL (40,000 edits in batches of 2,000): 17-20 us an item of collection in ~110, a sixth of a push's
server CPU; with the process's own objects frozen and young ones collected every 10,000 allocations,
2 us. Cycles are still collected, only less often and without walking what never goes away.
"""

from __future__ import annotations

import gc

YOUNG_OBJECTS = 10_000  # allocations between two collections of the youngest generation (Python's: 700)


def settle() -> None:
    """Call once a serving process has built its app: everything it holds by then stays out of every later
    collection (`gc.freeze`), and the youngest generation is collected every `YOUNG_OBJECTS` allocations."""
    gc.collect()  # garbage made while starting is not frozen with the rest
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, middle, old)
