"""Photos and videos: metadata stripped except capture time and place, stored once, size limits."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from desktop.core.period import VN_TZ
from desktop.services.complaints import attachments as att
from desktop.services.complaints import complaints as svc
from desktop.store.models import Attachment, ResidentialGroup

MAKE, MODEL, SOFTWARE, ARTIST = 0x010F, 0x0110, 0x0131, 0x013B


def camera_jpeg(path: Path, color=(200, 30, 30)) -> Path:
    img = Image.new("RGB", (64, 48), color)
    exif = Image.Exif()
    exif[MAKE] = "Samsung"
    exif[MODEL] = "Galaxy A15"
    exif[SOFTWARE] = "A155FXXU1"
    exif[ARTIST] = "Trần Thị Lan"
    exif[0x8769] = {0x9003: "2026:11:20 07:45:10", 0xA434: "Lens 4.0mm", 0x9286: "user comment"}
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 48.0), 3: "E", 4: (105.0, 48.0, 0.0)}
    img.save(path, "JPEG", exif=exif.tobytes(), comment=b"owner: Lan")
    return path


def test_jpeg_keeps_only_capture_time_and_gps(tmp_path, app_ctx):
    src = camera_jpeg(tmp_path / "IMG_0001.JPG")
    with Image.open(src) as original:
        before = original.getexif()
    assert before[MODEL] == "Galaxy A15"  # the test photo really carries the camera model
    stored = att.store_file(app_ctx.folder, src)
    out = app_ctx.folder.root / stored.path
    assert out.is_file() and out.parent.parent == app_ctx.folder.attachments
    img = Image.open(out)
    img.load()  # read whole: the file is closed (warnings are errors)
    exif = img.getexif()
    assert set(exif) <= {0x8769, 0x8825}  # no make, model, software, artist
    assert dict(exif.get_ifd(0x8769)) == {0x9003: "2026:11:20 07:45:10"}
    gps = exif.get_ifd(0x8825)
    assert gps[1] == "N" and float(gps[2][0]) == 21.0 and float(gps[4][1]) == 48.0
    assert "comment" not in img.info
    raw = out.read_bytes()
    for secret in (b"Galaxy", b"Samsung", b"Lan", b"Lens"):
        assert secret not in raw
    assert stored.captured_at == datetime(2026, 11, 20, 7, 45, 10, tzinfo=VN_TZ)
    assert stored.latitude == pytest.approx(21.03) and stored.longitude == pytest.approx(105.8)
    assert stored.mime == "image/jpeg" and stored.media == "photo" and stored.size == len(raw)
    assert img.size == (64, 48)


def test_png_text_chunks_removed(tmp_path, app_ctx):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Trần Thị Lan")
    info.add_text("Software", "Camera X")
    src = tmp_path / "shot.png"
    Image.new("RGB", (20, 20), (0, 200, 0)).save(src, "PNG", pnginfo=info)
    stored = att.store_file(app_ctx.folder, src)
    img = Image.open(app_ctx.folder.root / stored.path)
    img.load()
    assert "Author" not in img.info and "Software" not in img.info
    assert stored.mime == "image/png"


def test_same_content_is_stored_once(tmp_path, app_ctx):
    a = camera_jpeg(tmp_path / "a.jpg")
    b = tmp_path / "copy-of-a.jpg"
    b.write_bytes(a.read_bytes())
    sa, sb = att.store_file(app_ctx.folder, a), att.store_file(app_ctx.folder, b)
    assert sa.sha256 == sb.sha256 and sa.path == sb.path
    files = [p for p in app_ctx.folder.attachments.rglob("*") if p.is_file()]
    assert len(files) == 1


def test_size_limits_and_types_refused_with_clear_message(tmp_path, app_ctx):
    big = tmp_path / "clip.mp4"
    big.write_bytes(b"\0" * 2048)
    with pytest.raises(att.AttachmentError) as err:
        att.store_file(app_ctx.folder, big, video_limit=1024)
    assert "clip.mp4" in str(err.value) and "vượt giới hạn" in str(err.value)
    doc = tmp_path / "giay-to.pdf"
    doc.write_bytes(b"%PDF")
    with pytest.raises(att.AttachmentError, match="giay-to.pdf"):
        att.store_file(app_ctx.folder, doc)
    fake = tmp_path / "not-a-photo.jpg"
    fake.write_bytes(b"hello")
    with pytest.raises(att.AttachmentError, match="không phải ảnh"):
        att.store_file(app_ctx.folder, fake)


def test_video_copied_as_is(tmp_path, app_ctx):
    clip = tmp_path / "clip.MOV"
    clip.write_bytes(b"\x00\x00\x00\x14ftypqt  " + bytes(range(256)))
    stored = att.store_file(app_ctx.folder, clip)
    assert (app_ctx.folder.root / stored.path).read_bytes() == clip.read_bytes()
    assert stored.mime == "video/quicktime" and stored.path.endswith(".mov")


def test_complaint_with_photos_and_a_refused_file_writes_nothing(tmp_path, app_ctx):
    with app_ctx.read() as s:
        gid = s.scalars(select(ResidentialGroup.id)).first()
    photo = camera_jpeg(tmp_path / "p.jpg")
    base = dict(kind="phan_anh_hien_truong", category="moi_truong_rac_thai", title="Rác đổ trộm đầu ngõ",
                description="Rác xây dựng bị đổ trộm ở đầu ngõ từ đêm qua, chắn nửa lối đi.",
                anonymous=True, residential_group_id=gid)
    bad = tmp_path / "x.exe"
    bad.write_bytes(b"MZ")
    with pytest.raises(att.AttachmentError):
        svc.file_complaint(app_ctx, svc.ComplaintDraft(**base, files=[str(photo), str(bad)]))
    with app_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
    cid = svc.file_complaint(app_ctx, svc.ComplaintDraft(**base, files=[str(photo)]))
    d = svc.complaint_detail(app_ctx, cid)
    assert len(d.attachments) == 1 and d.attachments[0].path.is_file()
    assert d.attachments[0].captured_at is not None
    assert svc.add_files(app_ctx, cid, [str(photo)]) == 0  # already attached
