"""The one background-work API: the UI thread stays responsive, stale results are dropped,
writes run one at a time, errors come back to the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, QTimer

from desktop.gui.worker import TaskRunner


def test_ui_thread_stays_responsive_while_a_slow_job_runs(qtbot):
    tasks = TaskRunner()
    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    def slow_job():
        release.wait(20)  # blocks its worker thread until the UI has proven it is alive
        return "done"

    results: list[str] = []
    tasks.read(slow_job, on_done=results.append)
    # The UI thread keeps processing timer events while the job is blocked.
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)
    assert results == []
    release.set()
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    timer.stop()
    tasks.shutdown()


def test_results_arrive_on_the_ui_thread(qtbot):
    tasks = TaskRunner()
    ui_thread = QThread.currentThread()
    seen = {}

    def job():
        seen["job_thread"] = QThread.currentThread()
        return 42

    with qtbot.waitSignal(tasks._finished, timeout=5000):
        tasks.read(job, on_done=lambda r: seen.update(result=r, cb_thread=QThread.currentThread()))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["cb_thread"] is ui_thread
    assert seen["job_thread"] is not ui_thread
    tasks.shutdown()


def test_stale_results_are_dropped(qtbot):
    tasks = TaskRunner()
    gate = threading.Event()
    delivered: list[str] = []

    def answer(text, wait):
        if wait:
            gate.wait(10)
        return text

    tasks.read(answer, "old query", True, key="search", on_done=delivered.append)
    tasks.read(answer, "new query", False, key="search", on_done=delivered.append)
    qtbot.waitUntil(lambda: delivered == ["new query"], timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=5000)
    assert delivered == ["new query"]  # the old answer came back and was dropped
    tasks.shutdown()


def test_writes_are_serialised_in_order(qtbot):
    tasks = TaskRunner()
    active = []
    order = []
    overlap = []

    def write(i):
        active.append(i)
        if len(active) > 1:
            overlap.append(tuple(active))
        order.append(i)
        threading.Event().wait(0.01)
        active.remove(i)
        return i

    for i in range(8):
        tasks.write(write, i)
    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=10000)
    assert order == list(range(8))
    assert overlap == []
    tasks.shutdown()


def test_errors_come_back_to_on_error_or_unhandled(qtbot):
    tasks = TaskRunner()
    errors = []

    def boom():
        raise ValueError("hỏng")

    tasks.read(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert str(errors[0]) == "hỏng"
    with qtbot.waitSignal(tasks.unhandled_error, timeout=5000) as sig:
        tasks.read(boom)
    assert isinstance(sig.args[0], ValueError)
    tasks.shutdown()


def test_job_reports_progress_and_can_be_cancelled(qtbot):
    tasks = TaskRunner()
    progress = []
    started = threading.Event()

    def long_job(control):
        for i in range(1000):
            if control.cancelled:
                return ("cancelled", i)
            control.report(i, 1000)
            started.set()
            threading.Event().wait(0.001)
        return ("finished", 1000)

    results = []
    control = tasks.job(long_job, on_progress=lambda d, t, _x: progress.append(d), on_done=results.append)
    qtbot.waitUntil(lambda: len(progress) > 3, timeout=5000)
    control.cancel()
    qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
    assert results[0][0] == "cancelled"
    tasks.shutdown()


def test_nothing_runs_after_shutdown(qtbot):
    """A late submission (a stale timer of a closed window) must not run against a closed store."""
    tasks = TaskRunner()
    ran = threading.Event()
    tasks.shutdown()
    tasks.write(ran.set)
    tasks.read(ran.set)
    assert tasks.wait_for_writes(5000)
    assert not ran.is_set() and tasks.pending_count() == 0


def test_a_result_for_a_deleted_widget_is_dropped_and_its_changes_still_announced(qtbot):
    """The one lifetime rule: a task is bound to its widget (given, or the object of a bound callback)."""
    import shiboken6
    from PySide6.QtWidgets import QLabel

    tasks = TaskRunner()
    release = threading.Event()
    delivered: list[str] = []

    class View(QLabel):
        def shown(self, text: str) -> None:
            delivered.append("bound:" + text)
            self.setText(text)  # would raise on a deleted widget

    def slow(text: str) -> str:
        release.wait(20)
        return text

    closed, kept = View(), View()
    tasks.read(slow, "a", on_done=closed.shown)  # bound method: owner inferred
    tasks.read(slow, "b", on_done=lambda t: delivered.append("lambda:" + t), owner=closed)
    tasks.read(slow, "c", on_done=kept.shown)
    shiboken6.delete(closed)  # the view is closed while its queries run
    release.set()
    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=5000)
    assert delivered == ["bound:c"]
    assert kept.text() == "c"
    tasks.shutdown()


def test_cycles_are_collected_on_the_ui_thread_never_in_a_task(qtbot):
    """Python's cycle collector runs in whichever thread allocates. When it freed a Qt object inside a
    task, PySide let go of the GIL inside ~QObject while holding Qt's signal lock, and the UI thread,
    holding the GIL and wanting that lock to connect a signal, waited forever (CI hung in the outreach
    page). While tasks can run, only the UI thread collects."""
    import gc
    import weakref

    tasks = TaskRunner()
    freed_in: list[threading.Thread] = []

    class Holder:
        pass

    def make_garbage_then_allocate() -> tuple[list, bool]:
        holder = Holder()
        holder.me = holder  # a cycle: only the collector frees it
        weakref.finalize(holder, lambda: freed_in.append(threading.current_thread()))
        del holder
        kept = [[] for _ in range(50_000)]  # far past the young generation's threshold (700), and kept
        return kept, gc.isenabled()

    with qtbot.waitSignal(tasks._finished, timeout=10000) as finished:
        tasks.read(make_garbage_then_allocate)
    assert finished.args[1][1] is False  # automatic collection is off while tasks can run
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)  # the UI thread's timer collected it
    assert freed_in == [threading.main_thread()]
    tasks.shutdown()
    assert gc.isenabled()  # Python's own collection is back once no task can run


def test_the_ui_thread_collects_nothing_while_an_import_asks_for_quiet(qtbot):
    """A resident import asks for no cycle hunting at all while it runs (desktop.core.collection.quiet):
    the UI thread's timer waits too, then collects as before."""
    import gc

    from desktop.core import collection
    from desktop.gui.garbage import collect_due

    tasks = TaskRunner()
    kept = [[] for _ in range(5000)]  # the young generation well past its threshold
    with collection.quiet():
        assert gc.get_count()[0] > gc.get_threshold()[0]
        assert collect_due() == 0 and gc.get_count()[0] > gc.get_threshold()[0]
    collect_due()
    assert gc.get_count()[0] <= gc.get_threshold()[0]
    assert len(kept) == 5000
    tasks.shutdown()
