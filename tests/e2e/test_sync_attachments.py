"""Complaint photos reach the other laptops of the ward: downloaded after a pull, resumable,
checked against their hash, stored once; another ward cannot read them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from tests.e2e.sync_harness import FaultProxy, open_laptop, running_server

WARD = "00166"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path):
    with running_server(tmp_path, request.param) as srv:
        yield srv


def _group(ctx) -> str:
    from desktop.core.text import fold
    from desktop.store.models import ResidentialGroup

    with ctx.write() as s:
        g = ResidentialGroup(name="Tổ dân phố số 3", name_folded=fold("Tổ dân phố số 3"))
        s.add(g)
        s.flush()
        return g.id


def _file(ctx, files: list[Path], group_id: str) -> str:
    from desktop.services.complaints import complaints as svc

    return svc.file_complaint(ctx, svc.ComplaintDraft(
        kind="phan_anh_hien_truong", category="chieu_sang", title="Đèn đường hỏng ở ngõ 12",
        description="Cột đèn đầu ngõ 12 không sáng từ thứ Bảy tuần trước.", reporter_name="Trần Thị Lan",
        reporter_phone="0912 345 678", consent_to_contact=True, address_text="Ngõ 12 phố Trần Duy Hưng",
        residential_group_id=group_id, files=[str(f) for f in files]))


def _photo_synced_from(a, server, tmp_path, name: str, fmt: str) -> tuple[str, str]:
    """A complaint with one photo filed on laptop `a` and synced; the photo's (hash, path)."""
    from desktop.services.sync.service import sync_now

    photo = tmp_path / name
    Image.new("RGB", (50, 40), (10, 120, 30)).save(photo, fmt)
    _file(a, [photo], _group(a))
    sync_now(a, server.url, server.enroll_code(WARD))
    [(sha, rel)] = _attachments(a)
    return sha, rel


def _attachments(ctx) -> list[tuple[str, str]]:
    from desktop.store.models import Attachment

    with ctx.read() as s:
        return [(a.sha256, a.path) for a in s.scalars(select(Attachment).order_by(Attachment.path))]


def test_photo_taken_on_one_laptop_is_shown_on_the_other(server, tmp_path):
    from desktop.services.complaints import attachments as att
    from desktop.services.sync.service import sync_now

    photo = tmp_path / "den-hong.jpg"
    Image.new("RGB", (320, 240), (200, 30, 30)).save(photo, "JPEG")
    video = tmp_path / "clip.mp4"
    video.write_bytes(os.urandom(1_300_000))  # more than one download answer (4 x 256 kB)
    a = open_laptop(tmp_path / "a", actor="Lan")
    b = open_laptop(tmp_path / "b", actor="Minh")
    proxy = FaultProxy(server.port)
    try:
        group = _group(a)
        _file(a, [photo, video], group)
        _file(a, [photo], group)  # the same photo on a second complaint: one file everywhere
        sync_now(a, server.url, server.enroll_code(WARD))
        assert len([f for f in (server.data_dir / "blobs").rglob("*") if f.is_file()]) == 2

        # B's first download of the video fails after its first megabyte: the run stops (retry later) ...
        proxy.add("error_503", "/content?offset=1048576")
        with pytest.raises(Exception) as failed:
            sync_now(b, proxy.url, server.enroll_code(WARD))
        assert getattr(failed.value, "kind", "") == "transport"
        parts = list(b.folder.attachments.rglob("*.part"))
        assert len(parts) == 1 and parts[0].stat().st_size == 1_048_576
        # ... and the next run resumes where it stopped.
        assert [fault for fault, _path in proxy.applied] == ["error_503"]
        result = sync_now(b, proxy.url)
        assert result["downloaded"] >= 1
        assert not list(b.folder.attachments.rglob("*.part"))

        rows_a, rows_b = _attachments(a), _attachments(b)
        assert rows_a == rows_b and len(rows_b) == 3
        for _sha, rel in rows_b:
            mine = att.absolute_path(b.folder, rel)
            assert mine.read_bytes() == att.absolute_path(a.folder, rel).read_bytes()
        files_b = [p for p in b.folder.attachments.rglob("*") if p.is_file()]
        assert len(files_b) == 2  # photo and video, each once
        jpg = next(rel for _sha, rel in rows_b if rel.endswith(".jpg"))
        with Image.open(att.absolute_path(b.folder, jpg)) as shown:
            assert shown.size == (320, 240)  # B can show A's photo
        # Nothing is fetched again, and nothing B downloaded is uploaded back.
        again = sync_now(b, server.url)
        assert again["downloaded"] == 0 and again["files"] == 0 and again["pending"] == 0
    finally:
        proxy.close()
        a.close()
        b.close()


def test_a_corrupted_download_is_discarded_and_fetched_again(server, tmp_path):
    from desktop.services.sync.service import sync_now

    a = open_laptop(tmp_path / "a")
    b = open_laptop(tmp_path / "b")
    try:
        sha, rel = _photo_synced_from(a, server, tmp_path, "p.png", "PNG")
        stored = next((server.data_dir / "blobs").rglob(sha))
        good = stored.read_bytes()
        stored.write_bytes(b"x" * len(good))  # the server's copy went bad on disk
        first = sync_now(b, server.url, server.enroll_code(WARD))
        assert first["downloaded"] == 0
        target = b.folder.root / rel
        assert not target.exists() and not target.with_name(target.name + ".part").exists()
        stored.write_bytes(good)
        assert sync_now(b, server.url)["downloaded"] == 1
        assert target.read_bytes() == good
    finally:
        a.close()
        b.close()


def test_another_wards_device_cannot_read_the_file(server, tmp_path):
    from desktop.sync.transport import ServerRefused, Transport

    a = open_laptop(tmp_path / "a")
    try:
        sha, _rel = _photo_synced_from(a, server, tmp_path, "p.jpg", "JPEG")
    finally:
        a.close()
    other = Transport(server.url, token=server.token("00004"))
    try:
        with pytest.raises(ServerRefused) as wrong_ward:
            other.blob_read(WARD, sha, 0)
        assert wrong_ward.value.status == 403
        with pytest.raises(ServerRefused) as not_theirs:
            other.blob_read("00004", sha, 0)
        assert not_theirs.value.status == 404
    finally:
        other.close()
    mine = Transport(server.url, token=server.token(WARD))
    try:
        data, size = mine.blob_read(WARD, sha, 0)
        assert len(data) == size > 0
    finally:
        mine.close()
