"""People, roles and privacy in the GUI: sign-in, idle lock, operators, audit viewer, backups."""

from __future__ import annotations

from typing import Callable

import shiboken6


def alive(widget, fn: Callable) -> Callable:  # noqa: ANN001
    """Wrap a background result callback so it is dropped once `widget` is deleted."""

    def run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if shiboken6.isValid(widget):
            return fn(*args, **kwargs)
        return None

    return run
