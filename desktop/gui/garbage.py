"""While background tasks can run, Python's cycle collector runs on the UI thread only.

Left automatic, the collector runs in whichever thread happens to allocate. When it frees a Qt
object inside a background task, PySide lets go of the GIL inside ~QObject while it holds Qt's
signal lock, then asks for the GIL again; a UI thread that holds the GIL and wants that lock (any
signal connection, e.g. a combo box building its list) waits forever, and so does the task. CI hung
on exactly that in the outreach page. So each TaskRunner holds automatic collection off, and a
timer on the UI thread collects with Python's own thresholds; the last runner to shut down gives
automatic collection back (desktop/core/collection.py keeps the count).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from desktop.core import collection

CHECK_EVERY_MS = 200


class UiThreadCollector(QObject):
    """Created on the UI thread by a TaskRunner; `stop()` when the runner shuts down."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        collection.hold_off()
        self._holding = True
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    def stop(self) -> None:
        """Collect what is left and let go of the hold (automatic collection comes back with the last one)."""
        self._timer.stop()
        if not self._holding:
            return
        self._holding = False
        gc.collect()
        collection.give_back()


def collect_due() -> int:
    """Collect the generations whose counts passed Python's thresholds, as Python itself would (not while
    an import or a sync's batches and pages asked for no collection at all)."""
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if threshold0 <= 0 or count0 <= threshold0 or collection.quiet_now():
        return 0
    generation = 0
    if count1 > threshold1:
        generation = 2 if count2 > threshold2 else 1
    return gc.collect(generation)
