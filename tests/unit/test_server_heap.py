"""A serving process leaves what it holds for its lifetime out of the cycle collector's rounds and collects
young objects less often (`server.heap`): a sixth of a push's server CPU went to collections. Checked in a
process of its own started like a server's (`server.asgi.app`, what `tocds-server serve` runs), since the
settings are the process's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import gc, json
from server import asgi, heap
before = gc.get_freeze_count()
asgi.app()
print(json.dumps({"before": before, "frozen": gc.get_freeze_count(), "threshold": gc.get_threshold(),
                  "young": heap.YOUNG_OBJECTS}))
"""


def test_a_serving_process_freezes_its_own_objects_and_collects_young_ones_less_often(tmp_path):
    env = dict(os.environ, TOCDS_SERVER_DB=f"sqlite:///{tmp_path / 'server.db'}", TOCDS_SERVER_DATA_DIR=str(tmp_path),
               PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", _PROBE], env=env, cwd=str(REPO), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["frozen"] > seen["before"] + 10_000  # the modules, the app, its routes and models
    assert seen["threshold"][0] == seen["young"] > 700
