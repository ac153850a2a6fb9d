"""The bundled `tocds` on a virtual screen (Xvfb 1366x768, openbox), driven with keys as a user would.

Signs in, opens every page with Ctrl+1…6, the registration form, complaint intake, booth mode,
the report export panel (writing an .xlsx through its save dialog) and the sync page, then quits.
Fails on any window titled «Lỗi không mong muốn», and on any traceback or ERROR line in the app's
log. Screenshots of every step go to TOCDS_BUNDLE_SHOTS (default: the test's temporary folder).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.bundle_support import (
    BUNDLE_MARKS,
    ADMIN_SECRET,
    BundledCli,
    built_bundle,
    bundle_env,
    log_problems,
    private_keyring,
    stop,
    wait_for,
)
from tests.e2e.x11_driver import Screen, virtual_screen

pytestmark = BUNDLE_MARKS

UNEXPECTED = "Lỗi không mong muốn"
PAGES = [("outreach", 2), ("complaints", 3), ("reports", 4), ("sync", 5), ("settings", 6), ("residents", 1)]


@pytest.fixture(scope="module")
def bundle() -> Path:
    return built_bundle()


@pytest.fixture
def screen():
    with virtual_screen() as s:
        yield s


@pytest.fixture
def shots(tmp_path) -> Path:
    return Path(os.environ.get("TOCDS_BUNDLE_SHOTS") or tmp_path / "shots")


class AppFailed(Exception):
    """The app stopped or showed «Lỗi không mong muốn»."""


class Walk:
    """The running app, its data folder and the screen it is on."""

    def __init__(self, screen: Screen, app: subprocess.Popen, data: Path, shots: Path):
        self.screen, self.app, self.data, self.shots = screen, app, data, shots

    def last_page(self) -> str:
        path = self.data / "settings.json"
        try:
            return json.loads(path.read_text(encoding="utf-8")).get("last_page", "")
        except (OSError, ValueError):  # not written yet, or being replaced
            return ""

    def no_error_window(self) -> None:
        """Raises (not an AssertionError, which the waits below retry on) if the app failed."""
        if self.app.poll() is not None:
            raise AppFailed(f"the app stopped (exit {self.app.returncode})")
        titles = self.screen.titles()
        if any(UNEXPECTED in t for t in titles):
            raise AppFailed(f"{titles}\n" + "\n".join(log_problems(self.data)))

    def open_page(self, key: str, number: int, *, retry_until: float = 10) -> None:
        """Ctrl+number until the page is the one saved as shown (the first presses may meet the lock)."""
        def shown() -> bool:
            self.no_error_window()
            if self.last_page() != key:
                self.screen.key(f"ctrl+{number}")
                return wait_for_quietly(lambda: self.last_page() == key, 1.0)
            return True

        wait_for(shown, retry_until, f"page {key} (Ctrl+{number})", every=0.1)

    def shot(self, name: str) -> None:
        self.screen.settled_shot(self.shots / f"{name}.png")
        self.no_error_window()


def wait_for_quietly(condition, timeout: float) -> bool:
    try:
        return bool(wait_for(condition, timeout, "", every=0.05))
    except AssertionError:
        return False


def test_bundled_app_walk(bundle, screen, shots, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    with private_keyring(tmp_path) as reach:
        env = bundle_env(HOME=str(home), **reach)
        cli = BundledCli(bundle, env, data)
        cli.run("init", "--ward-code", "00166")
        cli.run("demo-data", "--residents", "300", "--seed", "7")
        cli.add_first_admin()

        app = subprocess.Popen([str(bundle / "tocds"), "--data-dir", str(data)], env=dict(env, **screen.env),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            walk = Walk(screen, app, data, shots)
            main = screen.window("Tổ CĐS Desktop —", 90)
            walk.shot("00-sign-in")

            def sign_in() -> bool:
                """Type the admin's password on the lock screen; signed in once Ctrl+2 gets through."""
                screen.focus(main)
                screen.key("ctrl+a")
                screen.type(ADMIN_SECRET)
                screen.key("Return")
                try:
                    walk.open_page("outreach", 2, retry_until=10)
                except AssertionError:
                    return False  # typed before the lock screen was ready: type again
                return True

            wait_for(sign_in, 90, "signing in on the lock screen", every=0.1)

            for key, number in PAGES:
                walk.open_page(key, number)
                walk.shot(f"{number}-{key}")
                if key == "outreach":
                    screen.key("F11")  # booth mode, full screen
                    screen.window("Chế độ điểm hỗ trợ")
                    walk.shot("2b-booth")
                    screen.key("ctrl+w")
                    screen.gone("Chế độ điểm hỗ trợ")
                elif key == "complaints":
                    screen.key("ctrl+n")  # complaint intake
                    walk.shot("3b-complaint-intake")
                    screen.key("Escape")
                elif key == "reports":
                    screen.key("ctrl+shift+e")  # the «Xuất báo cáo» tab: the export panel
                    walk.shot("4b-export-panel")
                    screen.key("ctrl+e")  # Excel: the save dialog opens in HOME with a file name
                    screen.window("Lưu báo cáo")
                    walk.shot("4c-export-save-dialog")
                    screen.key("Return")
                    wait_for(lambda: list(home.glob("*.xlsx")), 60, "the exported report in HOME")
                    walk.shot("4d-exported")
                elif key == "residents":
                    screen.key("ctrl+n")  # the registration form
                    walk.shot("1b-registration-form")
                    screen.key("Escape")
                    walk.shot("1c-after-form")

            screen.focus(main)
            screen.key("alt+F4")
            assert app.wait(60) == 0, app.stderr.read()[-3000:]
        finally:
            stop(app)
            app.stderr.close()
    assert not log_problems(data), "\n".join(log_problems(data))
    from openpyxl import load_workbook

    assert load_workbook(next(home.glob("*.xlsx"))).sheetnames


def test_bundled_app_without_a_keyring_says_so_in_vietnamese(bundle, screen, shots, tmp_path):
    """No Secret Service and no backend named: the same message as the source app, in a window."""
    data = tmp_path / "data"
    app = subprocess.Popen([str(bundle / "tocds"), "--data-dir", str(data)], env=dict(bundle_env(), **screen.env),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        box = screen.window("Không mở được dữ liệu", 90)
        screen.settled_shot(shots / "no-keyring.png")
        assert not any(UNEXPECTED in t for t in screen.titles())
        screen.focus(box)
        screen.key("Return")
        assert app.wait(60) == 1
    finally:
        stop(app)
        app.stderr.close()
    # The window shows str(exc); the log keeps its repr, which holds the same Vietnamese text.
    logged = (data / "logs" / "tocds.log").read_text(encoding="utf-8")
    source = _source_message(tmp_path / "source")
    assert "keyring" in source and source in logged, (source, logged[-1500:])


def _source_message(folder: Path) -> str:
    """What the source app says for the same start (open_context with the failing keyring)."""
    code = ("import sys; from desktop.services.context import open_context\n"
            "try:\n    open_context(sys.argv[1])\nexcept Exception as exc:\n    print(str(exc))\n")
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, env=env,
                          timeout=60).stdout.strip()
