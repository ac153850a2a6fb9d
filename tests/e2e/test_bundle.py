"""The PyInstaller bundle as built: under 250 MB, trimmed, every desktop module inside, prints its
version and starts offscreen to an interactive window.

Built once per test run by tests/e2e/bundle_support.py (every `./dev test`); the CLI journey is in
test_bundle_cli.py, the GUI walk in test_bundle_gui.py, the Windows installer script in
test_bundle_installer.py.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from desktop import __version__
from tests.e2e.bundle_support import BUNDLE_MARKS, built_bundle

REPO = Path(__file__).resolve().parents[2]
LIMIT_MB = 250

pytestmark = BUNDLE_MARKS


def folder_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


@pytest.fixture(scope="module")
def bundle() -> Path:
    return built_bundle()


def test_bundle_is_under_the_size_limit_and_trimmed(bundle):
    assert folder_size_mb(bundle) < LIMIT_MB
    plugins = {p.name for p in (bundle / "_internal" / "PySide6" / "Qt" / "plugins").rglob("*.so")}
    assert "libqoffscreen.so" in plugins and "libqxcb.so" in plugins
    assert not [p for p in plugins if any(x in p for x in ("wayland", "eglfs", "gtk3"))]
    assert not list((bundle / "_internal").glob("libgtk-3*"))
    assert (bundle / "_internal" / "resources" / "translations" / "tocds_en.qm").exists()
    assert (bundle / "_internal" / "resources" / "translations" / "qt_vi.json").exists()  # Qt's buttons in Vietnamese
    assert (bundle / "_internal" / "resources" / "glossary.json").exists()
    assert (bundle / "_internal" / "resources" / "help" / "vi" / "booth.md").exists()


def desktop_modules() -> set[str]:
    """Every module of the source tree's desktop package, namespace folders included."""
    names = set()
    for path in (REPO / "desktop").rglob("*.py"):
        names.add(".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__"))
    return names


@pytest.mark.parametrize("program", ["tocds", "tocds-cli"])
def test_every_desktop_module_is_in_each_program(bundle, program):
    # Pages, commands and reports are imported by name at run time: PyInstaller cannot see them.
    from PyInstaller.archive.readers import pkg_archive_contents

    shipped = set(pkg_archive_contents(str(bundle / program), recursive=True))
    missing = sorted(desktop_modules() - shipped)
    assert not missing, f"modules missing from {program}: {missing[:20]}"
    assert {"pydantic", "keyring.backends.SecretService", "tzdata"} <= shipped


def test_bundle_prints_its_version(bundle):
    proc = subprocess.run([str(bundle / "tocds"), "--version"], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"tocds {__version__}"


def test_bundle_starts_offscreen_to_an_interactive_window(bundle, tmp_path):
    # A fresh data folder opens the first-run wizard; the null keyring is enough for one start.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TOCDS_EXIT_WHEN_READY="1",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    proc = subprocess.run([str(bundle / "tocds"), "--data-dir", str(tmp_path / "data")], capture_output=True,
                          text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "READY" in proc.stdout
    assert (tmp_path / "data" / "tocds.db").exists()
