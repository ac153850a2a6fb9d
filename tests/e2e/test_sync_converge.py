"""Two laptops of one ward and the real server (SQLite and PostgreSQL) converge."""

from __future__ import annotations

import pytest

from tests.e2e.sync_harness import (
    add_residents,
    assert_converged,
    edit_resident,
    open_laptop,
    running_server,
    snapshot,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path):
    with running_server(tmp_path, request.param) as srv:
        yield srv


@pytest.fixture
def laptops(tmp_path):
    a = open_laptop(tmp_path / "laptop-a", actor="Lan")
    b = open_laptop(tmp_path / "laptop-b", actor="Minh")
    yield a, b
    a.close()
    b.close()


def test_two_laptops_of_one_ward_converge(server, laptops):
    from desktop.services.sync.service import sync_now

    a, b = laptops
    add_residents(a, ["Nguyễn Văn An", "Trần Thị Bình"], group_name="Tổ dân phố số 1")
    add_residents(b, ["Lê Văn Cường"])
    ra = sync_now(a, server.url, server.enroll_code("00166"))
    assert (ra["pushed"], ra["rejected"], ra["conflicts"], ra["pending"]) == (3, 0, 0, 0)
    rb = sync_now(b, server.url, server.enroll_code("00166"))
    assert rb["pushed"] == 1 and rb["pulled"] == 3
    ra = sync_now(a)
    assert ra["pulled"] == 1 and ra["pushed"] == 0
    assert rb["check"]["ok"] is True
    records = assert_converged(server, a, b)
    assert len(records) == 4
    # the pulled resident keeps its group link and Vietnamese text intact
    names = sorted(f["full_name"] for (kind, _), (_, f, _) in records.items() if kind == "resident")
    assert names == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]


def test_edits_and_tombstones_travel_and_nothing_is_doubled(server, laptops):
    from desktop.services.sync.service import sync_now

    a, b = laptops
    [rid] = add_residents(a, ["Phạm Thị Dung"])
    sync_now(a, server.url, server.enroll_code("00166"))
    sync_now(b, server.url, server.enroll_code("00166"))
    edit_resident(b, rid, notes="Đã cài iHaNoi")
    edit_resident(b, rid, phone="+84912345678")  # two local edits travel as one item
    assert sync_now(b)["pushed"] == 1
    assert sync_now(a)["pulled"] == 1
    from desktop.store.models import Resident

    with a.write() as s:
        s.get(Resident, rid).mark_deleted()
    sync_now(a)
    sync_now(b)
    records = assert_converged(server, a, b)
    version, fields, deleted = records[("resident", rid)]
    assert deleted and fields["notes"] == "Đã cài iHaNoi" and fields["phone"] == "+84912345678"
    assert version == 3  # insert, the two edits as one server version, the delete
    assert server.version_rows() == 3  # insert, the coalesced edits, the delete


def test_different_fields_merge_without_conflict(server, laptops):
    from desktop.services.sync.service import sync_now

    a, b = laptops
    [rid] = add_residents(a, ["Hoàng Văn Em"])
    sync_now(a, server.url, server.enroll_code("00166"))
    sync_now(b, server.url, server.enroll_code("00166"))
    edit_resident(a, rid, notes="ghi chú từ máy A")
    edit_resident(b, rid, workplace="Chợ Cầu Giấy")
    sync_now(a)
    rb = sync_now(b)
    assert rb["conflicts"] == 0
    sync_now(a)
    records = assert_converged(server, a, b)
    _, fields, _ = records[("resident", rid)]
    assert fields["notes"] == "ghi chú từ máy A" and fields["workplace"] == "Chợ Cầu Giấy"


def test_a_pull_never_overwrites_an_unsynced_local_edit(server, laptops):
    from desktop.services.sync.service import sync_now

    a, b = laptops
    [rid] = add_residents(a, ["Vũ Thị Giang"])
    sync_now(a, server.url, server.enroll_code("00166"))
    sync_now(b, server.url, server.enroll_code("00166"))
    edit_resident(a, rid, notes="sửa ở máy A")
    sync_now(a)
    edit_resident(b, rid, notes="sửa ở máy B, chưa gửi")
    from desktop.sync.client import SyncClient
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import Transport

    client = SyncClient(b, Transport(server.url, token=load_token(b.folder)), "00166")
    client.pull_all()  # pull alone: the local edit must survive
    assert snapshot(b)[("resident", rid)][1]["notes"] == "sửa ở máy B, chưa gửi"


def test_central_status_change_reaches_the_laptops(server, laptops):
    from desktop.services.sync.service import sync_now
    from server.records import central_update

    a, b = laptops
    [rid] = add_residents(a, ["Đặng Văn Hùng"])
    sync_now(a, server.url, server.enroll_code("00166"))
    sync_now(b, server.url, server.enroll_code("00166"))
    with server.engine.begin() as conn:
        central_update(conn, "00166", "resident", rid, {"adoption_stage": "da_tao_tai_khoan"})
    assert sync_now(a)["pulled"] == 1
    assert sync_now(b)["pulled"] == 1
    records = assert_converged(server, a, b)
    assert records[("resident", rid)][1]["adoption_stage"] == "da_tao_tai_khoan"


def test_edit_made_while_a_batch_is_in_flight_is_rebased_on_the_merge(server, laptops):
    from desktop.services.sync.service import sync_now
    from desktop.sync import outbox
    from desktop.sync.client import SyncClient
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import Transport

    a, b = laptops
    [rid] = add_residents(a, ["Kiều Thị Yến"])
    sync_now(a, server.url, server.enroll_code("00166"))
    sync_now(b, server.url, server.enroll_code("00166"))
    edit_resident(b, rid, workplace="UBND phường")
    sync_now(b)
    edit_resident(a, rid, notes="đang gửi")
    with a.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s)
    edit_resident(a, rid, phone="+84911111111")  # typed while the batch is on its way
    client = SyncClient(a, Transport(server.url, token=load_token(a.folder)), "00166")
    client._send(batch_id)
    mine = snapshot(a)[("resident", rid)]
    assert mine[1]["workplace"] == "UBND phường" and mine[1]["phone"] == "+84911111111"
    assert sync_now(a)["conflicts"] == 0
    sync_now(b)
    records = assert_converged(server, a, b)
    fields = records[("resident", rid)][1]
    assert (fields["notes"], fields["workplace"], fields["phone"]) == ("đang gửi", "UBND phường", "+84911111111")


def _small_batches(ctx, server_url: str, items: int):
    """A sync client of `ctx` whose pushes go `items` records a batch (the pipeline with several batches)."""
    from desktop.sync.client import SyncClient
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import Transport

    client = SyncClient(ctx, Transport(server_url, token=load_token(ctx.folder)), "00166")
    client.batch_items = items
    return client


def _edited_on_both(server, a, b, others: int) -> str:
    """A resident both laptops hold: its workplace edited on b and synced, its notes edited on a, then `others`
    residents' notes on a (the change log between this record's first change and any later one)."""
    from desktop.services.sync.service import sync_now

    rid, *rest = add_residents(a, ["Kiều Thị Yến", *(f"Lò Văn {i}" for i in range(others))])
    sync_now(a, server.url, server.enroll_code("00166"))
    sync_now(b, server.url, server.enroll_code("00166"))
    edit_resident(b, rid, workplace="UBND phường")
    sync_now(b)
    edit_resident(a, rid, notes="lần một")
    for other in rest:
        edit_resident(a, other, notes="sửa")
    return rid


def _assert_every_edit_kept(server, a, b, rid: str) -> None:
    from desktop.services.sync.service import sync_now

    assert sync_now(a)["conflicts"] == 0
    sync_now(b)
    fields = assert_converged(server, a, b)[("resident", rid)][1]
    assert (fields["notes"], fields["workplace"], fields["phone"]) == ("lần một", "UBND phường", "+84911111111")


def test_a_record_changed_again_further_down_the_log_is_rebased_when_its_first_change_is_settled(server, laptops):
    """Two changes of one record far apart in the change log go in different batches; settling the first (merged
    at the server with the other laptop's edit) rebases the second (the push's watch holds such records). Were it
    missed, the laptop would take the server's copy over the field typed since and the server would take the
    second change for one it already holds: that field's edit lost on both."""
    a, b = laptops
    rid = _edited_on_both(server, a, b, 2)
    edit_resident(a, rid, phone="+84911111111")
    _small_batches(a, server.url, 2).push_all()
    _assert_every_edit_kept(server, a, b, rid)


def test_a_change_typed_while_the_push_runs_is_rebased_when_its_record_is_settled(server, laptops):
    """A record edited while its batch is at the server (typed during the push, after its watch was taken)."""
    a, b = laptops
    rid = _edited_on_both(server, a, b, 3)
    client = _small_batches(a, server.url, 2)
    send, sent = client.t.send_push, []

    def send_and_type(ward, body):
        if not sent:  # the first batch (this record's) is on its way: the volunteer types
            edit_resident(a, rid, phone="+84911111111")
        sent.append(body.batch_id)
        return send(ward, body)

    client.t.send_push = send_and_type
    client.push_all()
    assert len(sent) >= 3
    _assert_every_edit_kept(server, a, b, rid)


def test_imported_residents_travel_with_every_field(server, laptops, tmp_path):
    """A bulk import writes the change log set-based (insert rows store their fields as "*"):
    the other laptop receives every field of every imported resident, and an edit after the import
    travels as an update of that field only."""
    import csv

    from desktop.services.residents.importing import import_residents
    from desktop.services.sync.service import sync_now
    from desktop.store.models import Resident

    a, b = laptops
    path = tmp_path / "ds.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "iHaNoi", "Ghi chú"])
        for i in range(120):
            w.writerow([f"Đặng Thị {chr(65 + i % 26)}{chr(97 + i // 26)}", f"{1 + i % 28:02d}/03/19{50 + i % 40}", "Nữ",
                        f"0011{50 + i % 40}{i:06d}" if i % 2 else "", f"09129{i:05d}",
                        "Đã cài đặt" if i % 3 == 0 else "", "ghi \"chú\"\nhai dòng" if i == 7 else ""])
    report = import_residents(a, path)
    assert report.imported == 120, report.rejected[:3]
    ra = sync_now(a, server.url, server.enroll_code("00166"))
    assert (ra["pushed"], ra["rejected"], ra["pending"]) == (120 + 1, 0, 0)  # and the import's audit entry
    sync_now(b, server.url, server.enroll_code("00166"))
    records = assert_converged(server, a, b)
    imported = {rid: f for (kind, rid), (_v, f, _d) in records.items() if kind == "resident"}
    assert len(imported) == 120
    with a.read() as s:
        field_count = len(next(iter(imported.values())))
        for r in s.scalars(select_residents()):
            assert imported[r.id]["phone"] == r.phone and imported[r.id]["cccd"] == r.cccd
            assert imported[r.id]["installed_on"] == (r.installed_on.isoformat() if r.installed_on else None)
            assert len(imported[r.id]) == field_count
    one = next(rid for rid, f in imported.items() if f["notes"])
    assert imported[one]["notes"] == 'ghi "chú"\nhai dòng'
    edit_resident(b, one, notes="Đã gọi lại")
    assert sync_now(b)["pushed"] == 1
    sync_now(a)
    with a.read() as s:
        assert s.get(Resident, one).notes == "Đã gọi lại"
    assert_converged(server, a, b)


def select_residents():
    from sqlalchemy import select

    from desktop.store.models import Resident

    return select(Resident)
