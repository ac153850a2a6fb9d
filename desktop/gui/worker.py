"""One API for background work: a pool for reads and network, one serialised writer.

    tasks.read(fn, *args, on_done=..., on_error=..., key="search")
    tasks.write(fn, *args, on_done=...)
    tasks.job(fn, *args, on_progress=..., on_done=...)  # fn(control, *args); control.report()/cancelled

Results come back to the UI thread by signal. Submitting again under the same `key`
makes earlier results with that key stale: they are dropped, never delivered.

One lifetime rule: a task is bound to the widget that asked for it (`owner`, or the object whose
bound method `on_done`/`on_error` is); once that widget is deleted its result, error and progress
are dropped. Callers never check `shiboken6.isValid` themselves.
The writer pool has one thread, so database writes never race each other.

Every task gathers the record kinds its commits touched (desktop.store.touched, told by the data
layer); after its result (or error) is delivered, `changed` carries them, and the GUI's change bus
passes them on to the views. No caller declares what it changed.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.gui.garbage import UiThreadCollector
from desktop.store import touched

log = logging.getLogger(__name__)


class JobControl:
    """Handed to long jobs: report progress, notice a cancel request."""

    def __init__(self, runner: "TaskRunner", task_id: int):
        self._runner = runner
        self._task_id = task_id
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._runner._progress.emit(self._task_id, done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


@dataclass
class _Pending:
    key: str | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    control: JobControl | None
    owner: QObject | None = None

    def gone(self) -> bool:
        """The widget this task was for has been deleted: its result goes nowhere."""
        return self.owner is not None and not shiboken6.isValid(self.owner)


def _owner_of(*callbacks) -> QObject | None:
    """The QObject whose bound method a callback is (the widget that asked)."""
    for fn in callbacks:
        target = getattr(fn, "__self__", None)
        if isinstance(target, QObject):
            return target
    return None


class _Task(QRunnable):
    def __init__(self, runner: "TaskRunner", task_id: int, fn: Callable, args: tuple, kwargs: dict):
        super().__init__()
        self.setAutoDelete(True)
        self._runner, self._id, self._fn, self._args, self._kwargs = runner, task_id, fn, args, kwargs

    def run(self) -> None:
        with touched.collecting() as kinds:
            try:
                result = self._fn(*self._args, **self._kwargs)
            except BaseException as exc:  # delivered to the UI thread, never lost
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                self._runner._failed.emit(self._id, exc, frozenset(kinds))
                return
        self._runner._finished.emit(self._id, result, frozenset(kinds))


class TaskRunner(QObject):
    _finished = Signal(int, object, object)
    _failed = Signal(int, object, object)
    _progress = Signal(int, int, int, str)
    # Any task error nobody handled: the app shows it (crash dialog) and logs it.
    unhandled_error = Signal(object)
    busy_changed = Signal(int)  # number of tasks running or queued
    # The record kinds a task's commits touched (frozenset[str]), after its result was delivered;
    # also for a task whose result was dropped (stale, or its widget closed): the data changed anyway.
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, read_threads: int = 3):
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(read_threads)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._closed = False
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)
        self._collector = UiThreadCollector(self)  # no cycle collection inside a task (see garbage.py)

    # -- submitting -------------------------------------------------------------------
    def read(self, fn: Callable, *args, on_done=None, on_error=None, key: str | None = None,
             owner: QObject | None = None, **kwargs) -> int:
        """Queries and network calls, run concurrently."""
        return self._submit(self._reads, fn, args, kwargs, on_done, on_error, None, key, None, owner)

    def write(self, fn: Callable, *args, on_done=None, on_error=None, key: str | None = None,
              owner: QObject | None = None, **kwargs) -> int:
        """Database writes, run one at a time in submission order."""
        return self._submit(self._writer, fn, args, kwargs, on_done, on_error, None, key, None, owner)

    def job(self, fn: Callable, *args, on_done=None, on_error=None, on_progress=None, writer: bool = True,
            key: str | None = None, owner: QObject | None = None, **kwargs) -> JobControl:
        """A long job called as fn(control, *args); returns the control to cancel it."""
        task_id = next(self._ids)
        control = JobControl(self, task_id)
        pool = self._writer if writer else self._reads
        self._submit(pool, fn, (control, *args), kwargs, on_done, on_error, on_progress, key, control, owner, task_id)
        return control

    def _submit(self, pool, fn, args, kwargs, on_done, on_error, on_progress, key, control, owner,
                task_id=None) -> int:
        task_id = task_id or next(self._ids)
        owner = owner if owner is not None else _owner_of(on_done, on_error, on_progress)
        if self._closed:
            # After shutdown (the app is closing; its store may be closed): nothing more runs.
            log.warning("task %s submitted after shutdown: not run", getattr(fn, "__name__", fn))
            return task_id
        if key is not None:
            self._latest[key] = task_id
        self._pending[task_id] = _Pending(key, on_done, on_error, on_progress, control, owner)
        pool.start(_Task(self, task_id, fn, args, kwargs))
        self.busy_changed.emit(len(self._pending))
        return task_id

    def drop(self, key: str) -> None:
        """Make every outstanding result under `key` stale."""
        self._latest[key] = -1

    # -- results (UI thread) ----------------------------------------------------------
    def _take(self, task_id: int) -> _Pending | None:
        pending = self._pending.pop(task_id, None)
        self.busy_changed.emit(len(self._pending))
        if pending is None:
            return None
        if pending.key is not None and self._latest.get(pending.key) != task_id:
            return None  # stale: a newer task with the same key exists
        if pending.gone():
            log.debug("task result dropped: its widget was closed")
            return None
        return pending

    @Slot(int, object, object)
    def _on_finished(self, task_id: int, result: object, kinds: frozenset) -> None:
        pending = self._take(task_id)
        try:
            if pending and pending.on_done:
                pending.on_done(result)
        finally:
            self._announce(kinds)

    @Slot(int, object, object)
    def _on_failed(self, task_id: int, exc: object, kinds: frozenset) -> None:
        pending = self._take(task_id)
        try:
            if pending is not None and pending.on_error:
                # The caller expects this (a refusal, a bad row): it shows the message; one line in the log.
                log.info("background task refused: %s", type(exc).__name__)
                pending.on_error(exc)  # type: ignore[arg-type]
                return
            log.error("background task failed: %s", getattr(exc, "__traceback_text__", repr(exc)))
            if pending is not None:
                self.unhandled_error.emit(exc)
        finally:
            self._announce(kinds)

    def _announce(self, kinds: frozenset) -> None:
        if kinds and not self._closed:
            self.changed.emit(kinds)

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        pending = self._pending.get(task_id)
        if pending and pending.on_progress and not pending.gone():
            pending.on_progress(done, total, text)

    # -- lifecycle --------------------------------------------------------------------
    def pending_count(self) -> int:
        return len(self._pending)

    def wait_for_writes(self, msecs: int = 30000) -> bool:
        """Block until every queued write has run (on close: nothing typed is lost)."""
        return self._writer.waitForDone(msecs)

    def shutdown(self, msecs: int = 30000) -> None:
        """Cancel long jobs, wait for running tasks; later submissions are not run."""
        self._closed = True
        for pending in self._pending.values():
            if pending.control:
                pending.control.cancel()
        self._writer.waitForDone(msecs)
        self._reads.waitForDone(msecs)
        self._collector.stop()
