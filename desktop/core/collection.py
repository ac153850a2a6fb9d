"""Python's automatic cycle collection, held off by whoever needs it off; back on when the last lets go.

Two needs share it. The GUI's background tasks (desktop/gui/garbage.py): a collection set off inside a
task could free a Qt object there and deadlock with the UI thread, so while tasks can run only the UI
thread collects, on a timer. A resident import and a sync's push and pull (`quiet()`): millions of
short-lived rows, cells, XML elements, batches and pages, freed by their reference counts, so no cycle
hunting at all while they run, the UI thread's timer included. Nothing Qt here.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_holds = 0
_quiet_runs = 0
_was_enabled = True


def hold_off() -> None:
    """Automatic collection off until the matching `give_back()`."""
    global _holds, _was_enabled
    with _lock:
        if _holds == 0:
            _was_enabled = gc.isenabled()
        _holds += 1
        gc.disable()


def give_back() -> None:
    """Release one hold; the last one turns automatic collection back on if it was on before the first."""
    global _holds
    with _lock:
        _holds -= 1
        if _holds == 0 and _was_enabled:
            gc.enable()


@contextmanager
def quiet() -> Iterator[None]:
    """No collection at all while the block runs (automatic or the UI thread's timer)."""
    global _quiet_runs
    hold_off()
    with _lock:
        _quiet_runs += 1
    try:
        yield
    finally:
        with _lock:
            _quiet_runs -= 1
        give_back()


def quiet_now() -> bool:
    """A `quiet()` block is running somewhere: collections on demand wait."""
    return _quiet_runs > 0
