"""A push keeps two batches at the server: one is being stored while the next is parsed and checked
(`client.PUSH_IN_FLIGHT`, the server's `records.prepare` before the ward's lock). Shown on the real server
(SQLite and PostgreSQL): the first batch's checks wait until the second batch has reached the server too,
and never are two batches with the same record there at once."""

from __future__ import annotations

import threading

import pytest

from tests.e2e.sync_harness import add_residents, assert_converged, edit_resident, open_laptop, running_server


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path):
    with running_server(tmp_path, request.param) as srv:
        yield srv


class AtTheServer:
    """The pushes the server is handling (their record ids), from their checks to their answer. The first
    push's checks wait (at most `patience` seconds, once) for a second push to arrive."""

    def __init__(self, monkeypatch, patience: float = 20.0):
        from server import records

        self.handling: list[set[str]] = []
        self.most = 0
        self.shared: list[set[str]] = []  # records in two batches at the server at once
        self._lock = threading.Lock()
        self._second = threading.Event()
        prepare, push_json = records.prepare, records.push_json

        def checking(items):
            ids = {i.record_id for i in items}
            with self._lock:
                self.shared.extend(ids & other for other in self.handling if ids & other)
                self.handling.append(ids)
                self.most = max(self.most, len(self.handling))
                if len(self.handling) > 1:
                    self._second.set()
            if not self._second.wait(patience):
                self._second.set()  # no second push came: the others need not wait for one either
            return prepare(items)

        def storing(conn, ward, device_id, req, *rest):
            try:
                return push_json(conn, ward, device_id, req, *rest)
            finally:
                ids = {i.record_id for i in req.items}
                with self._lock:
                    if ids in self.handling:
                        self.handling.remove(ids)

        monkeypatch.setattr(records, "prepare", checking)
        monkeypatch.setattr(records, "push_json", storing)


def test_the_next_batch_is_at_the_server_while_one_is_stored(server, tmp_path, monkeypatch):
    from desktop.services.sync.service import sync_now
    from desktop.sync.client import SyncClient
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import Transport

    a, b = open_laptop(tmp_path / "a", actor="Lan"), open_laptop(tmp_path / "b", actor="Minh")
    try:
        ids = add_residents(a, [f"Lò Văn {i}" for i in range(7)])
        sync_now(a, server.url, server.enroll_code("00166"))
        sync_now(b, server.url, server.enroll_code("00166"))
        edit_resident(a, ids[0], notes="lần một")
        edit_resident(a, ids[1], notes="sửa")
        edit_resident(a, ids[0], phone="+84911111111")  # the first record again, just after the first batch
        for rid in ids[2:]:
            edit_resident(a, rid, notes="sửa")
        watch = AtTheServer(monkeypatch)
        client = SyncClient(a, Transport(server.url, token=load_token(a.folder)), "00166")
        client.batch_items = 2  # several batches
        client.push_all()
        assert watch.most == 2 and watch.shared == []
        assert client.report.changes_sent == 8 and client.report.rejected == 0
        monkeypatch.undo()
        assert sync_now(a)["pending"] == 0
        sync_now(b)
        records = assert_converged(server, a, b)
        first = records[("resident", ids[0])]
        assert (first[1]["notes"], first[1]["phone"]) == ("lần một", "+84911111111")
        assert {records[("resident", rid)][1]["notes"] for rid in ids[1:]} == {"sửa"}
    finally:
        a.close()
        b.close()
