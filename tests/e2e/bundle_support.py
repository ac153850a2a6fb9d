"""The built bundle for the end-to-end tests, and what its programs need around them.

`built_bundle()` builds with installer.spec once per test run (every run: the bundle is the
product), unless `./dev test` already built it and names it in TOCDS_TEST_BUNDLE_DIR.
The bundled programs cannot import the tests' keyring module, so they use a real Secret
Service: a private D-Bus session with gnome-keyring (`private_keyring()`), as on a Linux
desktop; on Windows the same code reaches Credential Manager.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Every bundle test module: slow, Linux only, and a timeout that leaves room for the build.
BUNDLE_MARKS = [
    pytest.mark.slow,
    pytest.mark.timeout(1200),  # the first bundle test waits for the build
    pytest.mark.skipif(sys.platform != "linux", reason="the bundle tests run on Linux"),
]
BUILD_TIMEOUT = 900  # about 1.5 min on an idle 2-core machine, 3 min beside other work
ADMIN_NAME = "Nguyễn Thị Quản Trị"
ADMIN_SECRET = "mat-khau-quan-tri-1"


def wait_for(condition: Callable[[], object], timeout: float, what: str, every: float = 0.05) -> object:
    """Poll a condition on another process (the equivalent of qtbot.waitUntil across processes)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


@cache
def built_bundle() -> Path:
    """The onedir bundle folder (dist/tocds) with `tocds` and `tocds-cli`."""
    given = os.environ.get("TOCDS_TEST_BUNDLE_DIR")
    if given:
        folder = Path(given)
        background = os.environ.get("TOCDS_TEST_BUNDLE_BUILD")  # ./dev test builds while the first tests run
        if background:
            rc_file = Path(background) / "build.rc"
            wait_for(rc_file.exists, BUILD_TIMEOUT, "the bundle build that ./dev test started", every=0.5)
            log = (Path(background) / "build.log").read_text(encoding="utf-8", errors="replace")
            assert rc_file.read_text().strip() == "0", f"building the bundle failed:\n{log[-4000:]}"
        assert (folder / "tocds").exists() and (folder / "tocds-cli").exists(), f"no bundle in {folder}"
        return folder
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    if not pyinstaller.exists() or shutil.which("objdump") is None:
        pytest.fail("the bundle cannot be built: PyInstaller (extra `dev`) or binutils (objdump) is missing")
    dist = Path(tempfile.mkdtemp(prefix="tocds-bundle-"))
    atexit.register(shutil.rmtree, dist, True)
    proc = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--workpath", str(REPO / "build" / "work" / "test"),
         "--distpath", str(dist), str(REPO / "installer.spec")],
        cwd=REPO, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return dist / "tocds"


def bundle_env(**extra: str) -> dict[str, str]:
    """The test sandbox's environment without the tests' keyring backend (the bundle cannot import it)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "PYTHONPATH", "DBUS_SESSION_BUS_ADDRESS")}
    env["LANG"] = "C.UTF-8"
    env.update(extra)
    return env


@contextmanager
def private_keyring(root: Path) -> Iterator[dict[str, str]]:
    """A D-Bus session with an unlocked gnome-keyring; yields the variables that reach it."""
    for tool in ("dbus-daemon", "dbus-send", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: ./dev setup installs dbus and gnome-keyring")
    home = root / "keyring-home"
    runtime = home / "run"
    runtime.mkdir(parents=True, mode=0o700)
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"), XDG_RUNTIME_DIR=str(runtime))
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, env=env)
    daemon = None
    try:
        address = bus.stdout.readline().strip()
        assert address, "dbus-daemon gave no address"
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                  stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  text=True, env=env)
        daemon.stdin.write("tocds-test\n")
        daemon.stdin.close()
        ask = ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
               "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"]
        wait_for(lambda: "true" in subprocess.run(ask, env=env, capture_output=True, text=True).stdout, 20,
                 "gnome-keyring on the private D-Bus session")
        yield {"DBUS_SESSION_BUS_ADDRESS": address, "XDG_RUNTIME_DIR": str(runtime)}
    finally:
        stop(daemon, bus)
        if bus.stdout:
            bus.stdout.close()


def stop(*procs: subprocess.Popen | None) -> None:
    """End helper processes this test started (terminate, then kill after 10 s)."""
    for proc in procs:
        if proc is None or proc.poll() is not None:
            continue
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


class BundledCli:
    """Runs the bundled tocds-cli on one data folder, signing in as the admin where a command asks."""

    def __init__(self, bundle: Path, env: dict[str, str], data_dir: Path):
        self.exe = bundle / "tocds-cli"
        self.env = dict(env, TOCDS_ADMIN_SECRET=ADMIN_SECRET, TOCDS_OPERATOR_SECRET=ADMIN_SECRET, TOCDS_NEW_SECRET=ADMIN_SECRET)
        self.data_dir = data_dir
        self.has_admin = False

    def run(self, *args: str, check: bool = True, data_dir: Path | None = None, env: dict | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess:
        """Run one command; one refused for want of a signed-in operator runs again as the admin."""
        def attempt(extra: list[str]) -> subprocess.CompletedProcess:
            return subprocess.run([str(self.exe), "--data-dir", str(data_dir or self.data_dir), *args, *extra],
                                  capture_output=True, text=True, env=env or self.env, timeout=timeout)

        proc = attempt([])
        if proc.returncode == 1 and self.has_admin and _asks_sign_in(proc.stderr):
            proc = attempt(["--operator", ADMIN_NAME, "--secret-env", "TOCDS_OPERATOR_SECRET"])
        if check:
            assert proc.returncode == 0, f"tocds-cli {' '.join(args)} -> {proc.returncode}\n{proc.stderr[-3000:]}"
        return proc

    def json(self, *args: str, **kw) -> dict:
        return json.loads(self.run(*args, "--json", **kw).stdout)

    def takes_operator(self, *words: str) -> bool:
        """Whether this subcommand has `--operator` (read from its --help)."""
        proc = subprocess.run([str(self.exe), *words, "--help"], capture_output=True, text=True, env=self.env, timeout=60)
        return "--operator" in proc.stdout

    def add_first_admin(self) -> None:
        self.run("operator", "add", "--name", ADMIN_NAME, "--role", "quan_tri", "--kind", "password")
        self.has_admin = True


def _asks_sign_in(stderr: str) -> bool:
    return "Traceback" not in stderr and ("--operator" in stderr or "đăng nhập" in stderr.lower())


def log_problems(data_dir: Path) -> list[str]:
    """ERROR/CRITICAL lines of the app's log (tocds.log and rotated files), with their tracebacks."""
    found: list[str] = []
    for log in sorted((data_dir / "logs").glob("tocds.log*")):
        in_traceback = False
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Traceback"):
                in_traceback = True
            if in_traceback or " ERROR " in line or " CRITICAL " in line:
                found.append(f"{log.name}: {line}")
            if in_traceback and line and not line[0].isspace() and not line.startswith("Traceback"):
                in_traceback = False  # the exception line ends it
    return found
