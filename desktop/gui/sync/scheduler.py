"""Background sync: periodic, notices connectivity returning, backs off after failures.

One scheduler per app (`gui.sync_scheduler`); the main window starts it, the sync
page shows what it reports. Work runs on the task runner's read pool (network + its
own short write transactions), never on the UI thread.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.gui.context import GuiContext
from desktop.sync.connectivity import reachable_with

# The sync client (requests, pydantic) is imported on first use, not at start-up:
# the main window starts this scheduler and must open fast on a slow laptop.


def _sync_now(control, ctx, server_url, enroll_code, trigger):
    """The run as a long job: the service's progress goes to the page (stage is the job's text)."""
    from desktop.services.sync import service as sync_service

    return sync_service.sync_now(ctx, server_url, enroll_code, trigger=trigger,
                                 progress=lambda stage, done, total: control.report(done, total, stage))


def backoff_delay(failures: int) -> float:
    from desktop.sync.transport import backoff_delay as delay

    return delay(failures)

log = logging.getLogger(__name__)

PROBE_MS = 20_000
PERIOD_S = 300.0


class SyncScheduler(QObject):
    started = Signal()
    finished = Signal(object)  # the sync_now result dict
    failed = Signal(str, str)  # message for people, kind
    online_changed = Signal(bool)
    progress = Signal(str, int, int)  # stage ("push", "pull"), done, total (0: not known)

    def __init__(self, gui: GuiContext, parent: QObject | None = None, probe_ms: int = PROBE_MS,
                 period_s: float = PERIOD_S):
        super().__init__(parent)
        self.gui = gui
        self.period_s = period_s
        self.running = False
        self.online: bool | None = None
        self.failures = 0
        self.last_attempt = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(probe_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        """Probe the server; sync when it just came back, or when the period (or backoff) is over."""
        url = self.gui.app.settings.get("sync_server_url")
        if not url or self.running:
            return
        self.gui.tasks.read(reachable_with, self.gui.app.settings, on_done=self._probed, key="sync.probe")

    def _probed(self, online: bool) -> None:
        came_back = online and self.online is False
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)
        if not online or self.running:
            return
        wait = max(self.period_s, backoff_delay(self.failures)) if self.failures else self.period_s
        due = time.monotonic() - self.last_attempt >= wait
        if came_back or due or not self.last_attempt:
            log.info("background sync (%s)", "connectivity back" if came_back else "due")
            self.sync_now(trigger="background")

    def sync_now(self, enroll_code: str | None = None, *, trigger: str = "manual") -> bool:
        """Start a run. "manual" (the button) needs a signed-in operator allowed to sync; the
        timer's "background" runs go on the device's enrolment, even while the screen is locked."""
        if self.running:
            return False
        self.running = True
        self.last_attempt = time.monotonic()
        self.started.emit()
        self.gui.tasks.job(_sync_now, self.gui.app, None, enroll_code, trigger, writer=False, on_done=self._done,
                           on_error=self._error, on_progress=lambda done, total, stage: self.progress.emit(stage, done, total))
        return True

    def _done(self, result: dict) -> None:
        self.running = False
        self.failures = 0
        if self.online is not True:
            self.online = True
            self.online_changed.emit(True)
        self.finished.emit(result)

    def _error(self, exc: BaseException) -> None:
        self.running = False
        self.failures += 1
        from desktop.services.sync import service as sync_service

        if isinstance(exc, sync_service.SyncFailed):
            if exc.kind == "transport" and self.online is not False:
                self.online = False
                self.online_changed.emit(False)
            self.failed.emit(exc.message, exc.kind)
        else:
            log.error("sync crashed: %r", exc)
            self.failed.emit(str(exc), "error")


def scheduler_for(gui: GuiContext) -> SyncScheduler:
    """The app's one scheduler (made on first use)."""
    sched = gui.sync_scheduler
    if sched is None:
        sched = SyncScheduler(gui, gui.tasks)
        gui.sync_scheduler = sched
    return sched
