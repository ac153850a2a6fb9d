"""What every window and page gets: the app context, the task runner and the change bus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from desktop.gui.worker import TaskRunner
from desktop.services.context import AppContext

if TYPE_CHECKING:
    from desktop.gui.appearance import Appearance
    from desktop.gui.sync.scheduler import SyncScheduler


class ChangeBus(QObject):
    """The record kinds each background task's commits touched (the task runner's `changed`, from
    the data layer); each view refreshes only what it shows."""

    changed = Signal(object)  # frozenset[str] of record kinds, e.g. {"resident"}

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._watchers: list[tuple[QObject, object]] = []
        self.changed.connect(self._deliver)

    def watch(self, owner: QObject, fn) -> None:
        """Call `fn(kinds)` on every change while `owner` lives (the task runner's lifetime rule, for the
        bus): a view's handler never runs on a deleted widget, and is forgotten with it."""
        self._watchers.append((owner, fn))

    def _deliver(self, kinds: frozenset) -> None:
        self._watchers = [(owner, fn) for owner, fn in self._watchers if shiboken6.isValid(owner)]
        for owner, fn in list(self._watchers):
            if shiboken6.isValid(owner):
                fn(kinds)


@dataclass
class GuiContext:
    """The typed context of the GUI (git-cola's ApplicationContext): the services' context, the task
    runner, the change bus, and the app-wide objects made on first use."""

    app: AppContext
    tasks: TaskRunner
    bus: ChangeBus
    appearance: Appearance | None = None  # appearance.appearance_for
    sync_scheduler: SyncScheduler | None = None  # sync.scheduler.scheduler_for

    def __post_init__(self) -> None:
        # What a task's commits touched, told by the data layer (desktop.store.touched), reaches the views.
        self.tasks.changed.connect(self.bus.changed, Qt.ConnectionType.UniqueConnection)

    def write(self, fn, *args, on_done=None, on_error=None, owner=None, **kwargs) -> int:
        """Run a service write on the writer thread; the kinds it changed are announced after `on_done`.
        `owner`: the widget the result is for (default: the object of a bound `on_done`/`on_error`);
        once it is deleted the result is dropped (the task runner's one lifetime rule)."""
        return self.tasks.write(fn, self.app, *args, on_done=on_done, on_error=on_error, owner=owner, **kwargs)

    def read(self, fn, *args, on_done=None, on_error=None, key: str | None = None, owner=None, **kwargs) -> int:
        return self.tasks.read(fn, self.app, *args, on_done=on_done, on_error=on_error, key=key, owner=owner,
                               **kwargs)
