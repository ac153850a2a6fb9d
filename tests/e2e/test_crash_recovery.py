"""Killed mid-work (SIGKILL, like a power cut): the next start opens on the same page, nothing saved is lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import bin_path, cli_env

# Drives the real app in its own process, as a volunteer would.
PROBE = r"""
import json, sys
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from desktop.gui.app import Application
from desktop.store.models import Resident

qapp = QApplication(sys.argv[:1])
app = Application(sys.argv[1])
mode = sys.argv[2]

def work(window):
    window.nav.setCurrentRow(2)  # Phản ánh, as a click in the navigation list
    window.findChild(QAction, "zoomInAction").trigger()  # larger text (Ctrl+Plus)
    def add(ctx):
        with ctx.write() as s:
            s.add(Resident(full_name="Ngô Thị Sống Sót"))
    app.gui.write(add, on_done=lambda _r: print("SAVED", window.current_page_key(), flush=True))
    # and then it just keeps running until it is killed

def check(window):
    print(json.dumps({"page": window.current_page_key(), "font_scale": app.gui.app.settings.get("font_scale"),
                      "window": type(window).__name__}), flush=True)
    app.shutdown()
    qapp.exit(0)

app.ready.connect(work if mode == "work" else check)
app.start()
sys.exit(qapp.exec())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_app_reopens_on_the_last_page_with_nothing_lost(tmp_path):
    data = str(tmp_path / "data")
    env = cli_env(QT_QPA_PLATFORM="offscreen")
    init = subprocess.run([bin_path("tocds-cli"), "--data-dir", data, "init", "--ward-code", "00166"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert init.returncode == 0, init.stderr

    proc = subprocess.Popen([sys.executable, "-c", PROBE, data, "work"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        assert line.split() == ["SAVED", "complaints"], line
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    again = subprocess.run([sys.executable, "-c", PROBE, data, "check"], capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    state = json.loads(again.stdout.strip().splitlines()[-1])
    assert state == {"page": "complaints", "font_scale": 1.1, "window": "MainWindow"}

    stats = subprocess.run([bin_path("tocds-cli"), "--data-dir", data, "stats", "--json"],
                           capture_output=True, text=True, env=env, timeout=120)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["records"]["resident"] == 1
