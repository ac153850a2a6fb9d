"""Attachment files: content-addressed (SHA-256), uploaded in chunks by offset, stored once.

An upload belongs to the device that declared it (`blob_upload`: its declared size, what has come,
its own part file) until it is complete and checked against its hash; only then is the file stored
(`blob`) for everyone. So a device declaring a hash with a wrong size blocks nobody but itself, and
a declaration nobody continues for a day expires with its part file.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from desktop.sync import protocol as p
from server.db import blob, blob_upload, blob_ward

MAX_BLOB_BYTES = 50_000_000
UPLOAD_TTL = timedelta(hours=24)


class BlobError(ValueError):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _final(root: Path, content_hash: str) -> Path:
    return root / content_hash[:2] / content_hash


def _part(root: Path, content_hash: str, device_id: str) -> Path:
    return root / content_hash[:2] / f"{content_hash}.{device_id}.part"


def _complete(conn: Connection, content_hash: str):
    return conn.execute(select(blob).where(blob.c.content_hash == content_hash, blob.c.complete.is_(True))).first()


def _upload(conn: Connection, content_hash: str, device_id: str):
    return conn.execute(select(blob_upload).where(blob_upload.c.content_hash == content_hash,
                                                  blob_upload.c.device_id == device_id)).first()


def expire_uploads(conn: Connection, root: Path, now: datetime | None = None) -> int:
    """Forget uploads nobody has continued for UPLOAD_TTL, with their part files. How many."""
    cutoff = ((now or _now()) - UPLOAD_TTL).isoformat()
    old = conn.execute(select(blob_upload.c.content_hash, blob_upload.c.device_id)
                       .where(blob_upload.c.updated_at < cutoff)).all()
    for content_hash, device_id in old:
        _part(root, content_hash, device_id).unlink(missing_ok=True)
    if old:
        conn.execute(delete(blob_upload).where(blob_upload.c.updated_at < cutoff))
    return len(old)


def status(conn: Connection, root: Path, ward: str, device_id: str, content_hash: str, size: int | None) -> p.BlobStatus:
    """Where this device's upload of a file stands; with `size`, declares it (again: a new size starts over)."""
    expire_uploads(conn, root)
    done = _complete(conn, content_hash)
    if done is not None:
        _link(conn, ward, content_hash)
        return p.BlobStatus(content_hash=content_hash, size=done.size, received=done.size, complete=True)
    row = _upload(conn, content_hash, device_id)
    if size is not None:
        if size < 0 or size > MAX_BLOB_BYTES:
            raise BlobError("size out of range")
        if row is None:
            conn.execute(insert(blob_upload).values(content_hash=content_hash, device_id=device_id, ward_code=ward,
                                                    size=size, received=0, updated_at=_now().isoformat()))
            row = _upload(conn, content_hash, device_id)
        elif row.size != size:  # this device's own mistake: start over at the new size
            _part(root, content_hash, device_id).unlink(missing_ok=True)
            conn.execute(update(blob_upload).where(blob_upload.c.content_hash == content_hash,
                                                   blob_upload.c.device_id == device_id)
                         .values(size=size, received=0, updated_at=_now().isoformat()))
            row = _upload(conn, content_hash, device_id)
    if row is None:
        return p.BlobStatus(content_hash=content_hash, size=0, received=0, complete=False)
    return p.BlobStatus(content_hash=content_hash, size=row.size, received=row.received, complete=False)


def _link(conn: Connection, ward: str, content_hash: str) -> None:
    exists = conn.execute(select(blob_ward.c.ward_code).where(
        blob_ward.c.content_hash == content_hash, blob_ward.c.ward_code == ward)).first()
    if not exists:
        conn.execute(insert(blob_ward).values(content_hash=content_hash, ward_code=ward))


def _store_once(conn: Connection, content_hash: str, size: int) -> None:
    """The file's row, once (two devices finishing the same file at the same time store it once)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(blob).values(content_hash=content_hash, size=size, received=size, complete=True)
                 .on_conflict_do_nothing())


def write_chunk(conn: Connection, root: Path, ward: str, device_id: str, content_hash: str, offset: int,
                data: bytes) -> p.BlobStatus:
    done = _complete(conn, content_hash)
    if done is not None:
        _link(conn, ward, content_hash)
        return p.BlobStatus(content_hash=content_hash, size=done.size, received=done.size, complete=True)
    row = _upload(conn, content_hash, device_id)
    if row is None:
        raise BlobError("unknown upload: ask its status with its size first")
    if offset != row.received:
        raise BlobError(f"offset must be {row.received}")
    if offset + len(data) > row.size:
        raise BlobError("chunk goes past the declared size")
    final, part = _final(root, content_hash), _part(root, content_hash, device_id)
    part.parent.mkdir(parents=True, exist_ok=True)
    with open(part, "r+b" if part.exists() else "wb") as fh:
        fh.truncate(offset)
        fh.seek(offset)
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    received = offset + len(data)
    where = (blob_upload.c.content_hash == content_hash) & (blob_upload.c.device_id == device_id)
    if received < row.size:
        conn.execute(update(blob_upload).where(where).values(received=received, updated_at=_now().isoformat()))
        return p.BlobStatus(content_hash=content_hash, size=row.size, received=received, complete=False)
    h = hashlib.sha256()
    with open(part, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != content_hash:
        part.unlink(missing_ok=True)
        conn.execute(update(blob_upload).where(where).values(received=0, updated_at=_now().isoformat()))
        raise BlobError("content does not match its hash; upload again")
    os.replace(part, final)
    _store_once(conn, content_hash, row.size)
    conn.execute(delete(blob_upload).where(where))
    _link(conn, ward, content_hash)
    return p.BlobStatus(content_hash=content_hash, size=row.size, received=row.size, complete=True)


def read(conn: Connection, root: Path, ward: str, content_hash: str, offset: int, limit: int) -> tuple[bytes, int]:
    """Up to `limit` bytes of a complete file from `offset`, and its size; only for a ward that holds it."""
    row = conn.execute(select(blob).join(blob_ward, blob_ward.c.content_hash == blob.c.content_hash).where(
        blob.c.content_hash == content_hash, blob_ward.c.ward_code == ward)).first()
    if row is None or not row.complete:
        raise BlobError("no such complete file for this ward")
    if offset > row.size:
        raise BlobError("offset past the end of the file")
    with open(_final(root, content_hash), "rb") as fh:
        fh.seek(offset)
        return fh.read(limit), row.size
