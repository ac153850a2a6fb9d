"""`tocds --demo [N]`: demo data filled once, through the worker, on a freshly set-up ward."""

from __future__ import annotations

from desktop.gui.app import Application, parse_args
from desktop.services.setup.stats import store_stats


def test_demo_flag_parsing():
    assert parse_args(["tocds"]).demo == 0
    assert parse_args(["tocds", "--demo"]).demo == 500
    assert parse_args(["tocds", "--demo", "40", "--data-dir", "x"]).demo == 40


def _start(qtbot, data_dir, demo, announced=None):
    app = Application(str(data_dir), demo=demo)
    if announced is not None:
        app.bus.changed.connect(announced.append)
    with qtbot.waitSignal(app.ready, timeout=20000) as sig:
        app.start()
    qtbot.addWidget(sig.args[0])
    return app


def test_demo_fills_a_fresh_ward_once(qtbot, app_ctx, data_dir):
    announced: list = []
    app = _start(qtbot, data_dir, 40, announced)
    # The job announces the kinds it filled, so open views refresh.
    qtbot.waitUntil(lambda: any("resident" in kinds for kinds in announced), timeout=30000)
    assert store_stats(app_ctx)["records"]["resident"] == 40
    app.tasks.wait_for_writes()
    app.shutdown()
    again = _start(qtbot, data_dir, 40)
    again.tasks.wait_for_writes()
    assert store_stats(app_ctx)["records"]["resident"] == 40  # never twice, never into real data
    again.shutdown()
