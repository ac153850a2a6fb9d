"""What every window and page gets: the app context, the task runner and the change bus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal

from desktop.gui.worker import TaskRunner
from desktop.services.context import AppContext


class ChangeBus(QObject):
    """The record kinds each background task's commits touched (the task runner's `changed`, from
    the data layer); each view refreshes only what it shows."""

    changed = Signal(object)  # frozenset[str] of record kinds, e.g. {"resident"}


@dataclass
class GuiContext:
    app: AppContext
    tasks: TaskRunner
    bus: ChangeBus

    def __post_init__(self) -> None:
        # What a task's commits touched, told by the data layer (desktop.store.touched), reaches the views.
        self.tasks.changed.connect(self.bus.changed, Qt.ConnectionType.UniqueConnection)

    def write(self, fn, *args, on_done=None, on_error=None, **kwargs) -> int:
        """Run a service write on the writer thread; the kinds it changed are announced after `on_done`."""
        return self.tasks.write(fn, self.app, *args, on_done=on_done, on_error=on_error, **kwargs)

    def read(self, fn, *args, on_done=None, on_error=None, key: str | None = None, **kwargs) -> int:
        return self.tasks.read(fn, self.app, *args, on_done=on_done, on_error=on_error, key=key, **kwargs)
