"""What every window and page gets: the app context, the task runner and the change bus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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
