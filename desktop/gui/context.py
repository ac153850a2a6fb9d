"""What every window and page gets: the app context, the task runner and the change bus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.gui.worker import TaskRunner
from desktop.services.context import AppContext


class ChangeBus(QObject):
    """Every write announces the record kinds it touched; each view refreshes only what it shows."""

    changed = Signal(object)  # frozenset[str] of record kinds, e.g. {"resident"}

    def announce(self, *kinds: str) -> None:
        self.changed.emit(frozenset(kinds))


@dataclass
class GuiContext:
    app: AppContext
    tasks: TaskRunner
    bus: ChangeBus

    def write(self, fn, *args, kinds: tuple[str, ...] = (), on_done=None, on_error=None, **kwargs) -> int:
        """Run a service write on the writer thread, then announce the kinds it changed."""

        def done(result):
            if on_done:
                on_done(result)
            if kinds:
                self.bus.announce(*kinds)

        return self.tasks.write(fn, self.app, *args, on_done=done, on_error=on_error, **kwargs)

    def read(self, fn, *args, on_done=None, on_error=None, key: str | None = None, **kwargs) -> int:
        return self.tasks.read(fn, self.app, *args, on_done=on_done, on_error=on_error, key=key, **kwargs)
