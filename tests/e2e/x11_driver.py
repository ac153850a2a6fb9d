"""A small driver for a real app on a virtual screen: Xvfb + openbox + xdotool, as a user would.

Keys go through the X server (xdotool), windows are found by their titles (_NET_WM_NAME),
screenshots come from ImageMagick's `import`. Used by the bundle's GUI walk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.bundle_support import stop, wait_for

TOOLS = ("Xvfb", "openbox", "xdotool", "xprop", "import")
SCREEN = "1366x768x24"


class Screen:
    """One virtual screen with a window manager; `env` reaches it."""

    def __init__(self, display: str):
        self.display = display
        self.env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), capture_output=True, text=True, timeout=30, check=check,
                              env=dict(os.environ, DISPLAY=self.display))

    # -- windows ----------------------------------------------------------------------
    def windows(self) -> dict[str, str]:
        """Visible top-level windows that have a title: id -> title (UTF-8)."""
        found = {}
        ids = self._run("xdotool", "search", "--onlyvisible", "--name", ".", check=False).stdout.split()
        for wid in ids:
            out = self._run("xprop", "-id", wid, "_NET_WM_NAME", check=False).stdout
            if "=" in out:
                found[wid] = out.split("=", 1)[1].strip().strip('"')
        return found

    def titles(self) -> list[str]:
        return sorted(set(self.windows().values()))

    def window(self, title_part: str, timeout: float = 30) -> str:
        """Wait for a visible window whose title contains `title_part`; its id."""
        def find() -> str | None:
            return next((wid for wid, title in self.windows().items() if title_part in title), None)

        return wait_for(find, timeout, f"a window titled «{title_part}» (have: {self.titles()})", every=0.1)

    def gone(self, title_part: str, timeout: float = 30) -> None:
        wait_for(lambda: not any(title_part in t for t in self.windows().values()), timeout,
                 f"the window «{title_part}» to close", every=0.1)

    # -- input ------------------------------------------------------------------------
    def key(self, *keys: str) -> None:
        self._run("xdotool", "key", "--clearmodifiers", "--delay", "40", *keys)

    def type(self, text: str) -> None:
        self._run("xdotool", "type", "--clearmodifiers", "--delay", "30", text)

    def focus(self, wid: str) -> None:
        self._run("xdotool", "windowactivate", "--sync", wid, check=False)

    # -- screenshots ------------------------------------------------------------------
    def shot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._run("import", "-display", self.display, "-window", "root", str(path))
        return path

    def settled_shot(self, path: Path, timeout: float = 8) -> Path:
        """A screenshot once two in a row are the same (the page has drawn its data)."""
        previous: list[bytes] = []

        def stable() -> bool:
            data = self.shot(path).read_bytes()
            same = bool(previous) and previous[-1] == data
            previous.append(data)
            return same

        try:
            wait_for(stable, timeout, "the screen to settle", every=0.2)
        except AssertionError:
            pass  # a blinking cursor or a busy indicator: the last shot is kept
        return path


@contextmanager
def virtual_screen() -> Iterator[Screen]:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing {missing}: ./dev setup installs xvfb, openbox, xdotool, x11-utils, imagemagick")
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", SCREEN, "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    wm = None
    try:
        number = xvfb.stdout.readline().strip()
        assert number, "Xvfb did not start"
        screen = Screen(f":{number}")
        wm = subprocess.Popen(["openbox", "--sm-disable"], env=dict(os.environ, DISPLAY=screen.display),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: "window id" in screen._run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False).stdout,
                 20, "openbox to manage the screen", every=0.1)
        yield screen
    finally:
        stop(wm, xvfb)
        if xvfb.stdout:
            xvfb.stdout.close()
