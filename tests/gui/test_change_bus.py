"""Views hear what a background task changed from the data layer, without the caller saying it."""

from __future__ import annotations

from desktop.services.outreach import shift
from desktop.services.residents.residents import ResidentInput, register_resident
from desktop.services.setup.ward_setup import residential_groups


def test_a_write_announces_the_kinds_its_commit_touched_after_its_result(qtbot, gui_ctx):
    gid = residential_groups(gui_ctx.app)[0].id
    order: list[str] = []
    gui_ctx.bus.changed.connect(lambda kinds: order.append("changed"))
    with qtbot.waitSignal(gui_ctx.bus.changed, timeout=5000) as changed:
        gui_ctx.write(register_resident, ResidentInput(full_name="Lê Thị Hoa", residential_group_id=gid),
                      on_done=lambda _r: order.append("done"))
    assert "resident" in changed.args[0]
    assert order == ["done", "changed"]


def test_a_read_announces_nothing_and_a_failed_write_only_what_it_committed(qtbot, gui_ctx):
    heard: list[frozenset] = []
    gui_ctx.bus.changed.connect(heard.append)
    with qtbot.waitSignal(gui_ctx.tasks.busy_changed, timeout=5000, check_params_cb=lambda n: n == 0):
        gui_ctx.read(residential_groups, on_done=lambda _r: None)
    assert heard == []

    def add_then_fail(ctx):
        shift.add_volunteer(ctx, "Trần Minh Châu", "doan_thanh_nien")  # committed
        raise ValueError("sau khi đã lưu")

    with qtbot.waitSignal(gui_ctx.bus.changed, timeout=5000) as changed:
        gui_ctx.write(add_then_fail, on_error=lambda _e: None)
    assert "volunteer" in changed.args[0] and "resident" not in changed.args[0]


def test_a_watcher_goes_with_its_widget(qtbot, gui_ctx):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    gone, kept = QLabel(), QLabel()
    heard: list[str] = []
    gui_ctx.bus.watch(gone, lambda kinds: gone.setText("x"))  # would crash on a deleted label
    gui_ctx.bus.watch(kept, lambda kinds: heard.append("kept"))
    shiboken6.delete(gone)
    gui_ctx.bus.changed.emit(frozenset({"resident"}))
    assert heard == ["kept"] and len(gui_ctx.bus._watchers) == 1
