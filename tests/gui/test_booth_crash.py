"""Kill a process in the middle of a booth flow: every finished step is on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from tests.conftest import REPO, cli_env

READ_BACK = """
import json, sys
from desktop.services.context import open_context
from desktop.services.outreach.help_sessions import get_session
ctx = open_context(sys.argv[1])
info = get_session(ctx, sys.argv[2])
print(json.dumps({"steps": info.steps, "ended": info.ended_at is not None, "resident": info.resident_id,
                  "outcome": info.outcome}))
ctx.close()
"""


def test_sigkill_mid_flow_keeps_every_finished_step(tmp_path):
    data = str(tmp_path / "data")
    env = cli_env(QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(REPO / "tests" / "gui" / "booth_crash_script.py"), data],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=str(REPO))
    saved, session, resident = [], None, None
    try:
        for line in proc.stdout:  # blocks on the child's output, no sleeping
            word, _, value = line.strip().partition(" ")
            if word == "RESIDENT":
                resident = value
            elif word == "SESSION":
                session = value
            elif word == "SAVED":
                saved.append(value)
            elif word == "WAITING":
                break
        assert saved == ["informed", "installed", "account_created"], proc.stderr.read() if proc.poll() else saved
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    out = subprocess.run([sys.executable, "-c", READ_BACK, data, session], capture_output=True, text=True, env=env,
                         cwd=str(REPO), timeout=120)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found["resident"] == resident
    assert found["steps"][:3] == ["informed", "installed", "account_created"]  # every confirmed step survived
    assert set(found["steps"]) <= {"informed", "installed", "account_created", "vneid_linked"}
    assert not found["ended"] and found["outcome"] == "dang_ho_tro"
