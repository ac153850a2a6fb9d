"""Fault injection between laptop and server: after recovery nothing is lost or doubled.

A TCP proxy (tests/e2e/sync_harness.FaultProxy) drops the connection before and after the
server commits, answers 5xx, stalls past the client's timeout, truncates answers and
delivers a request twice, or to two server processes at once; out-of-order delivery is two
saved batches sent in reverse. On PostgreSQL the proxy stands before two server processes
(issue #19), and one of them is killed (SIGKILL) in the middle of a push; the same two processes
serve the module's tests in turn, each test's over an emptied database.
"""

from __future__ import annotations

from contextlib import nullcontext

import pytest

from tests.e2e.sync_harness import (
    FaultProxy,
    add_residents,
    assert_converged,
    edit_resident,
    open_laptop,
    running_server,
    snapshot,
)

FAULTS = ["drop_before", "drop_after", "error_503", "error_503_after", "truncate", "stall", "duplicate",
          "both_at_once"]


@pytest.fixture(scope="module")
def two_processes(tmp_path_factory):
    """Two server processes over one PostgreSQL database for the module's tests, one test after the other."""
    with running_server(tmp_path_factory.mktemp("two-processes"), "postgres-2") as srv:
        yield srv


@pytest.fixture(params=["sqlite", pytest.param("postgres-2", marks=pytest.mark.postgres)])
def rig(request, tmp_path):
    """A server that has stored nothing (a new one on SQLite; on PostgreSQL the module's two processes over
    an emptied database), the fault proxy before it and two laptops of ward 00166."""
    if request.param == "postgres-2":
        shared = request.getfixturevalue("two_processes")
        shared.empty()
        server = nullcontext(shared)
    else:
        server = running_server(tmp_path, request.param)
    with server as srv:
        proxy = FaultProxy(getattr(srv, "ports", None) or srv.port)
        a = open_laptop(tmp_path / "a", actor="Lan")
        b = open_laptop(tmp_path / "b", actor="Minh")
        yield srv, proxy, a, b
        proxy.close()
        a.close()
        b.close()


PATIENT = (5.0, 60.0)  # a busy machine's pushes may take seconds; these tests are not about timeouts
SHORT = (2.0, 1.5)  # only where the fault is a stalled answer: the client must give up on it


def _sync(ctx, url=None, code=None, timeout=PATIENT):
    from desktop.services.sync.service import sync_now

    return sync_now(ctx, url, code, timeout=timeout)


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("path", ["/push", "/pull"])
def test_recovers_from_fault(rig, fault, path):
    from desktop.services.sync.service import SyncFailed

    srv, proxy, a, b = rig
    _sync(a, proxy.url, srv.enroll_code("00166"))
    _sync(b, proxy.url, srv.enroll_code("00166"))
    ids = add_residents(a, [f"Cư dân {i}" for i in range(30)], group_name="Tổ dân phố số 5")
    [own] = add_residents(b, ["Bùi Thị Lan"])
    _sync(b)
    edit_resident(b, own, notes="ghi chú")
    edit_resident(a, ids[0], phone="+84987654321")
    proxy.add(fault, path)
    if fault.startswith("drop"):
        proxy.add(fault, path)  # a broken connection is tried once more at once: break that one too
    outcome = "ok"
    try:
        _sync(a, timeout=SHORT if fault == "stall" else PATIENT)
    except SyncFailed as exc:
        outcome = exc.kind
    assert proxy.applied, "the fault was not triggered"
    if fault not in ("duplicate", "both_at_once"):
        assert outcome == "transport"
    # recovery: plain syncs until everyone has everything
    _sync(a)
    _sync(b)
    _sync(a)
    records = assert_converged(srv, a, b)
    assert len(records) == 32  # 31 residents and 1 group: none lost, none doubled
    assert srv.version_rows() == 33  # 32 inserts (one carrying its edit) + 1 edit, each stored once
    assert records[("resident", own)][1]["notes"] == "ghi chú"



@pytest.mark.postgres
def test_the_same_batch_at_two_processes_at_once_is_stored_once(tmp_path):
    """Both server processes get the very same push at the same moment: one stores it, the other answers
    "already stored"; each change is stored once."""
    from desktop.services.sync.service import sync_now
    from desktop.sync import outbox, protocol as p
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import Transport

    with running_server(tmp_path, "postgres-2") as srv:
        proxy = FaultProxy(srv.ports)
        a = open_laptop(tmp_path / "a", actor="Lan")
        try:
            sync_now(a, proxy.url, srv.enroll_code("00166"), timeout=PATIENT)
            add_residents(a, [f"Cư dân {i}" for i in range(40)])
            with a.store.write(actor="sync", applying_remote=True) as s:
                batch_id = outbox.new_batch(s)
            with a.read() as s:
                items, _ = outbox.batch_items(s, batch_id)
            proxy.add("both_at_once", "/push")
            answer = Transport(proxy.url, token=load_token(a.folder)).push("00166", p.PushRequest(batch_id=batch_id,
                                                                                              items=items))
            assert {r.status for r in answer.results} <= {"applied", "already_stored"}
            pushes = [port for path, port in proxy.routed if path.endswith("/push")]
            assert sorted(pushes[-2:]) == sorted(srv.ports)  # one copy went to each process
            assert srv.version_rows() == 40
            assert sync_now(a, timeout=PATIENT)["pending"] == 0
            assert len(assert_converged(srv, a)) == 40
        finally:
            proxy.close()
            a.close()


@pytest.mark.postgres
def test_a_server_process_killed_mid_push_loses_nothing(tmp_path):
    """A push waits inside its transaction (the ward's lock is held elsewhere) when its server process is
    killed with SIGKILL: nothing of it is half-stored, the laptop sends it again through the other process,
    and everything the laptop was told was stored is on the server, once."""
    import threading

    from sqlalchemy import text

    from desktop.services.sync.service import SyncFailed, sync_now

    with running_server(tmp_path, "postgres-2") as srv:
        proxy = FaultProxy(srv.ports)
        a = open_laptop(tmp_path / "a", actor="Lan")
        b = open_laptop(tmp_path / "b", actor="Minh")
        try:
            sync_now(a, proxy.url, srv.enroll_code("00166"), timeout=PATIENT)  # not about timeouts: patient
            first = add_residents(a, [f"Cư dân {i}" for i in range(600)])  # two batches: the first one stored
            assert sync_now(a, timeout=PATIENT)["pending"] == 0
            more = add_residents(a, [f"Người mới {i}" for i in range(700)])
            held = srv.engine.connect()
            held.execute(text("SELECT last_seq FROM ward_state WHERE ward_code = '00166' FOR UPDATE"))
            outcome: list = []

            def run_sync() -> None:
                try:
                    outcome.append(sync_now(a, timeout=PATIENT))
                except SyncFailed as exc:
                    outcome.append(exc.kind)

            worker = threading.Thread(target=run_sync)
            worker.start()
            # until a push is inside its transaction, waiting for the lock (autocommit: a fresh view each time)
            with srv.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watch:
                for _ in range(2000):
                    waiting = watch.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                                                 "'Lock' AND query LIKE '%ward_state%' AND datname = current_database()")).scalar()
                    if waiting:
                        break
                    worker.join(0.01)
                assert waiting == 1, (outcome, proxy.routed[-4:], proxy.applied)
            [port] = [port for path, port in proxy.routed if path.endswith("/push")][-1:]
            srv.kill(srv.ports.index(port))
            held.rollback()
            held.close()
            worker.join(120)
            assert not worker.is_alive()
            while not (outcome and isinstance(outcome[-1], dict) and outcome[-1]["pending"] == 0):
                run_sync()  # the laptop's next syncs, through the process still alive
                assert len(outcome) < 5, outcome
            sync_now(b, proxy.url, srv.enroll_code("00166"), timeout=PATIENT)
            records = assert_converged(srv, a, b)
            assert {("resident", i) for i in first + more} <= set(records)
            assert srv.version_rows() == 1300  # each change stored once
        finally:
            proxy.close()
            a.close()
            b.close()


def test_batch_saved_but_never_sent_is_sent_after_a_crash(rig):
    """A crash between saving a batch and hearing its answer: the next run sends the same batch."""
    from desktop.sync import outbox

    srv, proxy, a, b = rig
    _sync(a, srv.url, srv.enroll_code("00166"))
    add_residents(a, ["Lý Văn Mạnh", "Tạ Thị Nga"])
    with a.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s)  # saved ... and then the laptop lost power
    assert batch_id
    result = _sync(a)
    assert result["pushed"] == 2 and result["pending"] == 0
    _sync(b, srv.url, srv.enroll_code("00166"))
    assert len(assert_converged(srv, a, b)) == 2


def test_batches_delivered_out_of_order_and_twice(rig):
    from desktop.store.changelog import ChangeLogEntry
    from desktop.sync import outbox, protocol as p
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import Transport

    srv, proxy, a, b = rig
    _sync(a, srv.url, srv.enroll_code("00166"))
    [rid] = add_residents(a, ["Mai Thị Oanh"])
    with a.store.write(actor="sync", applying_remote=True) as s:
        first = outbox.new_batch(s)
    edit_resident(a, rid, notes="sửa sau")
    with a.store.write(actor="sync", applying_remote=True) as s:
        second = outbox.new_batch(s)
    t = Transport(srv.url, token=load_token(a.folder))
    with a.read() as s:
        items2, _ = outbox.batch_items(s, second)
        items1, _ = outbox.batch_items(s, first)
    answers = {}
    for batch_id, items in ((second, items2), (first, items1), (second, items2), (first, items1)):
        answers.setdefault(batch_id, []).append(t.push("00166", p.PushRequest(batch_id=batch_id, items=items)))
    assert [r.status for r in answers[second][0].results] == ["applied"]
    assert [r.status for r in answers[first][0].results] == ["already_stored"]
    assert [r.status for r in answers[second][1].results] == ["already_stored"]
    # the laptop settles the last answers it got, in the order it would
    for batch_id in (first, second):
        with a.store.write(actor="sync", applying_remote=True) as s:
            items, groups = outbox.batch_items(s, batch_id)
            outbox.settle(s, batch_id, groups, items, answers[batch_id][-1])
    with a.read() as s:
        from sqlalchemy import func, select

        from desktop.store.models import Resident

        assert s.scalar(select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.state != "sent")) == 0
        assert s.get(Resident, rid).version == 2  # the server's numbering, before any pull
    _sync(a)
    _sync(b, srv.url, srv.enroll_code("00166"))
    records = assert_converged(srv, a, b)
    assert records[("resident", rid)][1]["notes"] == "sửa sau"
    assert srv.version_rows() == 1


# -- records that cannot be stored as they come (issue #15) ------------------------------
def _register(ctx, name: str, cccd: str | None = None, group_name: str | None = None) -> str:
    from desktop.core.text import fold
    from desktop.store.models import Resident, ResidentialGroup

    with ctx.write() as s:
        group_id = None
        if group_name:
            group_id = next(g.id for g in s.query(ResidentialGroup) if g.name == group_name and g.deleted_at is None)
        r = Resident(full_name=name, name_folded=fold(name), cccd=cccd, residential_group_id=group_id)
        s.add(r)
        s.flush()
        return r.id


def _live_ids(ctx, kind: str) -> set[str]:
    return {k[1] for k, (_v, _f, deleted) in snapshot(ctx).items() if k[0] == kind and not deleted}


def test_a_pull_with_a_clashing_record_never_stops_sync(rig):
    """Two laptops register one CCCD under two names: each pull brings a resident this laptop cannot store.
    It waits as a duplicate-person conflict; everything else syncs, on both, now and later."""
    from desktop.services.sync.service import list_duplicates

    srv, proxy, a, b = rig
    _sync(a, srv.url, srv.enroll_code("00166"))
    _sync(b, srv.url, srv.enroll_code("00166"))
    x = _register(a, "Nguyễn Văn An", "001090012345")
    y = _register(b, "Nguyễn Văn Ân", "001090012345")
    _register(b, "Trần Thị Bình")
    ra = _sync(a)
    rb = _sync(b)  # its pull holds a's resident with the same CCCD
    ra2 = _sync(a)  # and this one b's
    for result in (ra, rb, ra2):
        assert result["pending"] == 0, result
    assert rb["conflicts"] == 1 and ra2["conflicts"] == 1
    [on_b] = list_duplicates(b)
    [on_a] = list_duplicates(a)
    assert (on_b["mine_id"], on_b["theirs_id"]) == (y, x) and (on_a["mine_id"], on_a["theirs_id"]) == (x, y)
    assert [r["field"] for r in on_a["rows"]] == ["full_name"]
    # sync keeps working both ways: new records on each laptop reach the other
    n1, n2 = _register(a, "Lê Văn Cường"), _register(b, "Phạm Thị Dung")
    for ctx in (a, b, a):
        assert _sync(ctx)["pending"] == 0
    for ctx in (a, b):
        assert {n1, n2} <= _live_ids(ctx, "resident")
        assert y not in _live_ids(a, "resident") and x not in _live_ids(b, "resident")
    assert _sync(b)["pending"] == 0 and _sync(a)["pending"] == 0
    server = {k[1] for k in srv.records("00166") if k[0] == "resident"}
    assert {x, y, n1, n2} <= server


def test_two_laptops_creating_the_same_residential_groups_end_with_one_each(rig):
    """Each laptop set up with the same groups file: after syncing, one live group per name on every laptop
    (the same one), the residents of the merged-away copies moved to it, nothing waiting."""
    from desktop.services.setup.ward_setup import add_residential_groups, residential_groups

    srv, proxy, a, b = rig
    names = ["Tổ dân phố số 1", "Tổ dân phố số 2", "Thôn Đông"]
    add_residential_groups(a, names)
    add_residential_groups(b, [n.upper() if n.startswith("Thôn") else n for n in names])  # the same folded names
    ra = _register(a, "Nguyễn Văn An", group_name="Tổ dân phố số 1")
    rb = _register(b, "Trần Thị Bình", group_name="Tổ dân phố số 1")
    _sync(a, srv.url, srv.enroll_code("00166"))
    _sync(b, srv.url, srv.enroll_code("00166"))
    _sync(a)
    _sync(b)
    for ctx in (a, b):
        groups = residential_groups(ctx)
        assert len(groups) == 3 and len({g.id for g in groups}) == 3
    assert {g.id for g in residential_groups(a)} == {g.id for g in residential_groups(b)}
    records = assert_converged(srv, a, b)
    keep = next(g.id for g in residential_groups(a) if g.name == "Tổ dân phố số 1")
    assert records[("resident", ra)][1]["residential_group_id"] == keep
    assert records[("resident", rb)][1]["residential_group_id"] == keep
    assert sum(1 for (kind, _id), (_v, _f, deleted) in records.items() if kind == "residential_group" and deleted) == 3
    # and both go on syncing new records
    new = _register(b, "Lê Văn Cường", group_name="Tổ dân phố số 2")
    assert _sync(b)["pending"] == 0 and _sync(a)["pending"] == 0
    assert new in _live_ids(a, "resident")


def test_the_enrolment_answer_lost_after_commit_is_recovered_by_retrying(rig):
    """The proxy lets the server commit the enrolment and cuts its answer: the code is spent, the laptop
    has no token. It keeps the code and sends it again with its device key: the same device, a new token."""
    from sqlalchemy import select

    from desktop.services.sync.service import SyncFailed, sync_now, sync_status
    from server.db import device

    srv, proxy, a, b = rig
    code = srv.enroll_code("00166")
    proxy.add("drop_after", "/enroll")
    with pytest.raises(SyncFailed) as lost:
        _sync(a, proxy.url, code)
    assert lost.value.kind == "transport" and "Mã đăng ký vẫn được giữ" in lost.value.message
    assert proxy.applied == [("drop_after", "/v1/enroll")]
    with srv.engine.connect() as conn:
        [committed] = conn.execute(select(device.c.id)).scalars().all()  # the server did enrol it
    st = sync_status(a)
    assert st["pending_code"] == code and not st["enrolled"]  # offered again until confirmed
    add_residents(a, ["Hoàng Văn Nam"])
    result = _sync(a)  # no code typed: the kept one goes again, with this laptop's device key
    assert result["pushed"] == 1 and result["pending"] == 0
    st = sync_status(a)
    assert st["enrolled"] and st["pending_code"] == "" and st["device_id"] == committed
    with srv.engine.connect() as conn:
        assert conn.execute(select(device.c.id)).scalars().all() == [committed]
    # the enrolled laptop may send its code again (same device, a new token); another laptop may not use it
    assert sync_now(a, srv.url, code)["pending"] == 0 and sync_status(a)["device_id"] == committed
    with pytest.raises(SyncFailed) as refused:
        _sync(b, srv.url, code)
    assert "đã dùng" in refused.value.message and sync_status(b)["pending_code"] == ""


def test_the_command_line_keeps_offering_the_code_until_confirmed(rig, tmp_path):
    import json
    import subprocess

    from tests.conftest import bin_path, cli_env

    srv, proxy, _a, _b = rig
    data, env = tmp_path / "cli", cli_env()
    subprocess.run([bin_path("tocds-cli"), "--data-dir", str(data), "init", "--ward-code", "00166"], env=env,
                   check=True, capture_output=True)
    proxy.add("drop_after", "/enroll")
    cut = subprocess.run([bin_path("tocds-cli"), "--data-dir", str(data), "sync", "--server", proxy.url,
                          "--enroll-code", srv.enroll_code("00166"), "--json"], env=env, capture_output=True, text=True)
    assert cut.returncode == 1 and json.loads(cut.stdout)["error"] == "transport"
    assert "Mã đăng ký vẫn được giữ" in cut.stderr
    again = subprocess.run([bin_path("tocds-cli"), "--data-dir", str(data), "sync", "--json"], env=env,
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["pending"] == 0
