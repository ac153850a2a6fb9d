"""A push batch on the wire: encoded by the sync's thread, gzipped by the thread that sends it, as one body."""

from __future__ import annotations

import gzip
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.sync import protocol as p
from desktop.sync.transport import GZIP_MIN_BYTES, Transport


class _Recorder(BaseHTTPRequestHandler):
    """Keeps what came and answers every item `applied`, as a server reads a push."""

    seen: list = []

    def do_POST(self):  # http.server calls it by this name
        data = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append((dict(self.headers), data))
        text = gzip.decompress(data) if self.headers.get("Content-Encoding") == "gzip" else data
        req = json.loads(text)
        answer = json.dumps({"batch_id": req["batch_id"], "results": [
            {"change_id": i["change_id"], "status": "applied", "server_version": i["version"]} for i in req["items"]]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    _Recorder.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Recorder.seen
    httpd.shutdown()
    httpd.server_close()


def _batch(notes: str) -> p.PushRequest:
    return p.PushRequest(batch_id=str(uuid.uuid4()), items=[p.ChangeItem(
        change_id=str(uuid.uuid4()), kind="resident", record_id=str(uuid.uuid4()), op="insert", base_version=0,
        version=1, fields=["full_name", "notes"], payload={"full_name": "Nguyễn Văn Á", "notes": notes})])


@pytest.mark.parametrize("notes, gzipped", [("ghi chú " * 2000, True), ("ngắn", False)])
def test_a_push_goes_gzipped_when_large_and_its_answer_is_read(recorder, notes, gzipped):
    url, seen = recorder
    t = Transport(url, token="t")
    batch = _batch(notes)
    body = t.push_body(batch)
    assert (len(body.encoded_json) > GZIP_MIN_BYTES) is gzipped
    answer = t.read_push(t.send_push("00166", body))
    [(headers, data)] = seen
    assert (headers.get("Content-Encoding") == "gzip") is gzipped
    assert (gzip.decompress(data) if gzipped else data) == body.encoded_json
    assert json.loads(body.encoded_json)["items"][0]["payload"]["notes"] == notes
    assert [r.status for r in answer.results] == ["applied"] and answer.batch_id == batch.batch_id
