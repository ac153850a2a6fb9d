"""Photos and videos of complaints, kept once in the data folder under their SHA-256.

Photos (JPEG, PNG) are rewritten without metadata except the capture time
(DateTimeOriginal) and the GPS place; camera make and model, owner names, software,
thumbnails, XMP, comments and colour profiles are dropped. Videos are copied as they
are. Files over the size limit are refused with a message that says which file and the
limit. The same content is stored once however many times it is attached.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core import formatting
from desktop.core.i18n import _
from desktop.core.period import VN_TZ
from desktop.data_folder import DataFolder

PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime", ".3gp": "video/3gpp", ".webm": "video/webm"}
PHOTO_LIMIT_BYTES = 15 * 1024 * 1024
VIDEO_LIMIT_BYTES = 100 * 1024 * 1024

TAG_EXIF_IFD = 0x8769
TAG_GPS_IFD = 0x8825
TAG_DATETIME_ORIGINAL = 0x9003
TAG_OFFSET_TIME_ORIGINAL = 0x9011
TAG_ORIENTATION = 0x0112


class AttachmentError(ValueError):
    """A file that cannot be attached; the message names the file and the reason."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    path: str  # relative to the data folder, with forward slashes
    mime: str
    size: int
    media: str  # photo | video
    original_name: str
    captured_at: datetime | None
    latitude: float | None
    longitude: float | None


def _mb(n: int) -> str:
    return formatting.file_size(n)


def check_file(source: Path, photo_limit: int = PHOTO_LIMIT_BYTES, video_limit: int = VIDEO_LIMIT_BYTES) -> tuple[str, str]:
    """(media, mime) of an acceptable file, or AttachmentError saying what is wrong."""
    ext = source.suffix.lower()
    if ext in PHOTO_TYPES:
        media, mime, limit = "photo", PHOTO_TYPES[ext], photo_limit
    elif ext in VIDEO_TYPES:
        media, mime, limit = "video", VIDEO_TYPES[ext], video_limit
    else:
        raise AttachmentError(
            _("Tệp {name}: chỉ nhận ảnh (JPEG, PNG) hoặc video (MP4, MOV, 3GP, WEBM).").format(name=source.name)
        )
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise AttachmentError(_("Không đọc được tệp {name}: {error}").format(name=source, error=exc.strerror or exc)) from exc
    if size > limit:
        raise AttachmentError(
            _("Tệp {name} nặng {size}, vượt giới hạn {limit} cho {media}.").format(
                name=source.name, size=_mb(size), limit=_mb(limit), media=_("ảnh") if media == "photo" else _("video")
            )
        )
    return media, mime


def _rational(value) -> float:
    try:
        return float(value)
    except TypeError:
        num, den = value
        return float(num) / float(den) if den else 0.0


def _gps_degrees(gps: dict) -> tuple[float | None, float | None]:
    try:
        lat = sum(_rational(v) / d for v, d in zip(gps[2], (1, 60, 3600)))
        lon = sum(_rational(v) / d for v, d in zip(gps[4], (1, 60, 3600)))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None, None
    if str(gps.get(1, "N")).upper().startswith("S"):
        lat = -lat
    if str(gps.get(3, "E")).upper().startswith("W"):
        lon = -lon
    return round(lat, 7), round(lon, 7)


def _capture_time(text) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(str(text).strip("\x00 "), "%Y:%m:%d %H:%M:%S").replace(tzinfo=VN_TZ)
    except ValueError:
        return None


def clean_photo(source: Path) -> tuple[bytes, datetime | None, float | None, float | None]:
    """The photo re-written with only capture time and GPS kept; plus what they say."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        img = Image.open(source)
        img.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise AttachmentError(_("Tệp {name} không phải ảnh đọc được.").format(name=source.name)) from exc
    exif = img.getexif()
    exif_ifd = exif.get_ifd(TAG_EXIF_IFD)
    gps = dict(exif.get_ifd(TAG_GPS_IFD))
    keep = Image.Exif()
    kept_exif_ifd = {t: exif_ifd[t] for t in (TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL) if t in exif_ifd}
    if kept_exif_ifd:
        keep[TAG_EXIF_IFD] = kept_exif_ifd
    if gps:
        keep[TAG_GPS_IFD] = gps
    captured = _capture_time(exif_ifd.get(TAG_DATETIME_ORIGINAL))
    lat, lon = _gps_degrees(gps) if gps else (None, None)

    out = io.BytesIO()
    fmt = img.format
    if fmt == "JPEG":
        if exif.get(TAG_ORIENTATION, 1) not in (1, None):
            upright = ImageOps.exif_transpose(img)  # orientation is baked in, then the tag is dropped
            upright.save(out, "JPEG", quality=92, exif=keep.tobytes(), comment=b"")
        else:
            img.save(out, "JPEG", quality="keep", exif=keep.tobytes(), comment=b"")
    elif fmt == "PNG":
        clean = img.copy()
        clean.info = {}
        clean.save(out, "PNG", exif=keep.tobytes() if len(keep) else None)
    else:
        raise AttachmentError(_("Tệp {name}: chỉ nhận ảnh JPEG hoặc PNG.").format(name=source.name))
    return out.getvalue(), captured, lat, lon


def _place(folder: DataFolder, data: bytes, ext: str) -> tuple[str, str]:
    digest = hashlib.sha256(data).hexdigest()
    rel = f"attachments/{digest[:2]}/{digest}{ext}"
    target = folder.root / rel
    if not target.exists():  # content-addressed: the same bytes are never stored twice
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return digest, rel


def store_file(folder: DataFolder, source: Path | str, *, photo_limit: int = PHOTO_LIMIT_BYTES,
               video_limit: int = VIDEO_LIMIT_BYTES) -> StoredFile:
    """Check, clean (photos) and copy one file into the data folder's attachments."""
    source = Path(source)
    media, mime = check_file(source, photo_limit, video_limit)
    captured = lat = lon = None
    if media == "photo":
        data, captured, lat, lon = clean_photo(source)
        ext = ".png" if mime == "image/png" else ".jpg"
    else:
        data = source.read_bytes()
        ext = source.suffix.lower()
    digest, rel = _place(folder, data, ext)
    return StoredFile(digest, rel, mime, len(data), media, source.name, captured, lat, lon)


def absolute_path(folder: DataFolder, rel: str) -> Path:
    path = (folder.root / rel).resolve()
    if folder.root.resolve() not in path.parents:
        raise AttachmentError(_("Đường dẫn tệp đính kèm nằm ngoài thư mục dữ liệu: {path}").format(path=rel))
    return path
