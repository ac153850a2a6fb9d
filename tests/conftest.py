"""Shared fixtures. Every standard folder is redirected into a temporary one, and the
keyring is a test backend, so tests never touch the user's data or secrets."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_SANDBOX = Path(tempfile.mkdtemp(prefix="tocds-tests-"))

# Before anything imports keyring or Qt.
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.test_keyring.MemoryKeyring"
os.environ["TOCDS_TEST_KEYRING_FILE"] = str(_SANDBOX / "keyring.json")
# Offscreen Qt with the simulated laptop screens of the screen check (tests/support/offscreen_screens.json);
# its first screen is offscreen's usual 800×600, so other tests see what they always saw.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={REPO / 'tests' / 'support' / 'offscreen_screens.json'}"
os.environ["HOME"] = str(_SANDBOX / "home")
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(_SANDBOX / var.lower())
os.environ.pop("TOCDS_DATA_DIR", None)
for var in ("LANG", "LC_ALL", "LANGUAGE", "TOCDS_LANG"):
    os.environ.pop(var, None)
os.environ["LANG"] = "C.UTF-8"
# "C" is not English: the app stays Vietnamese unless English is asked for.


def pytest_collection_finish(session):
    """What collection imported (~2,300 modules, ~400,000 objects) lives as long as the test process: out
    of the cycle collector's sight from here on (gc.freeze), each full collection (one at every TaskRunner's
    shutdown: 0.3-0.5 s each before) looks only at what the tests made."""
    import gc

    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _cycle_collection_given_back():
    """A TaskRunner holds Python's automatic cycle collection off until it is shut down (see
    desktop/gui/garbage.py); a test that leaves one running would leave every later test in its
    process without it.

    What outlives a test (modules it imported, caches it filled) is collected once and then frozen out of
    the collector's sight: each TaskRunner's shutdown makes a full collection, which otherwise scanned
    everything every earlier test in the process left (350,000 objects at the first GUI test, 720,000 by
    the last: 0.25-0.6 s each, 71 s over unit + GUI tests in one process; 0.6 s in all after)."""
    import gc

    yield
    gc.collect()
    gc.freeze()
    if not gc.isenabled():
        gc.enable()
        pytest.fail("a TaskRunner was left running: shut it down (tasks.shutdown()) at the end of the test",
                    pytrace=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def app_ctx(data_dir: Path):
    """An opened context on a fresh data folder, ward 00166 (Cầu Giấy) with three groups."""
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward
    from tests.support.migrated_store import seed_folder

    seed_folder(data_dir)
    ctx = open_context(str(data_dir), actor="Người kiểm thử")
    initialize_ward(ctx, "00166", "Tổ CĐS Cầu Giấy", ["Tổ dân phố số 1", "Tổ dân phố số 2", "Thôn Đông"])
    yield ctx
    ctx.close()


@pytest.fixture
def bare_ctx(data_dir: Path):
    """An opened context on a fresh data folder with no ward chosen yet."""
    from desktop.services.context import open_context
    from tests.support.migrated_store import seed_folder

    seed_folder(data_dir)
    ctx = open_context(str(data_dir), actor="Người kiểm thử")
    yield ctx
    ctx.close()


def cli_env(**extra: str) -> dict[str, str]:
    """Environment for CLI subprocesses: a keyring shared between them (a test file backend)."""
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.support.test_keyring.FileKeyring"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


def bin_path(name: str) -> str:
    """An installed entry point next to the running interpreter."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


@pytest.fixture
def gui_ctx(qtbot, app_ctx, request):
    """The GUI's context over a real store. A background task that raises and that nobody handles
    (the app would show its crash dialog) fails the test that caused it, with the task's traceback;
    a test that provokes one on purpose says so with `@pytest.mark.unhandled_errors_expected`."""
    from desktop.gui.context import ChangeBus, GuiContext
    from desktop.gui.worker import TaskRunner

    tasks = TaskRunner()
    unhandled: list[BaseException] = []
    tasks.unhandled_error.connect(unhandled.append)
    gui = GuiContext(app_ctx, tasks, ChangeBus())
    yield gui
    tasks.shutdown()
    qtbot.wait(0)  # results queued by the shutdown are delivered (and counted) here
    if unhandled and request.node.get_closest_marker("unhandled_errors_expected") is None:
        texts = [getattr(exc, "__traceback_text__", repr(exc)) for exc in unhandled]
        pytest.fail("background work failed and nobody handled it:\n" + "\n".join(texts), pytrace=False)
