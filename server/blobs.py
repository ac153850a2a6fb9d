"""Attachment files: content-addressed (SHA-256), uploaded in chunks by offset, stored once."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import Connection, insert, select, update

from desktop.sync import protocol as p
from server.db import blob, blob_ward

MAX_BLOB_BYTES = 50_000_000


class BlobError(ValueError):
    pass


def _paths(root: Path, content_hash: str) -> tuple[Path, Path]:
    folder = root / content_hash[:2]
    return folder / content_hash, folder / (content_hash + ".part")


def status(conn: Connection, root: Path, ward: str, content_hash: str, size: int | None) -> p.BlobStatus:
    row = conn.execute(select(blob).where(blob.c.content_hash == content_hash)).first()
    if row is None:
        if size is None:
            return p.BlobStatus(content_hash=content_hash, size=0, received=0, complete=False)
        if size < 0 or size > MAX_BLOB_BYTES:
            raise BlobError("size out of range")
        conn.execute(insert(blob).values(content_hash=content_hash, size=size, received=0, complete=False))
        row = conn.execute(select(blob).where(blob.c.content_hash == content_hash)).first()
    if row.complete:
        _link(conn, ward, content_hash)
    return p.BlobStatus(content_hash=content_hash, size=row.size, received=row.received, complete=bool(row.complete))


def _link(conn: Connection, ward: str, content_hash: str) -> None:
    exists = conn.execute(select(blob_ward.c.ward_code).where(
        blob_ward.c.content_hash == content_hash, blob_ward.c.ward_code == ward)).first()
    if not exists:
        conn.execute(insert(blob_ward).values(content_hash=content_hash, ward_code=ward))


def write_chunk(conn: Connection, root: Path, ward: str, content_hash: str, offset: int, data: bytes) -> p.BlobStatus:
    row = conn.execute(select(blob).where(blob.c.content_hash == content_hash)).first()
    if row is None:
        raise BlobError("unknown blob: ask its status with its size first")
    if row.complete:
        _link(conn, ward, content_hash)
        return p.BlobStatus(content_hash=content_hash, size=row.size, received=row.size, complete=True)
    if offset != row.received:
        raise BlobError(f"offset must be {row.received}")
    if offset + len(data) > row.size:
        raise BlobError("chunk goes past the declared size")
    final, part = _paths(root, content_hash)
    part.parent.mkdir(parents=True, exist_ok=True)
    with open(part, "r+b" if part.exists() else "wb") as fh:
        fh.truncate(offset)
        fh.seek(offset)
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    received = offset + len(data)
    complete = False
    if received == row.size:
        h = hashlib.sha256()
        with open(part, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != content_hash:
            part.unlink(missing_ok=True)
            conn.execute(update(blob).where(blob.c.content_hash == content_hash).values(received=0))
            raise BlobError("content does not match its hash; upload again")
        os.replace(part, final)
        complete = True
        _link(conn, ward, content_hash)
    conn.execute(update(blob).where(blob.c.content_hash == content_hash).values(received=received, complete=complete))
    return p.BlobStatus(content_hash=content_hash, size=row.size, received=received, complete=complete)


def read(conn: Connection, root: Path, ward: str, content_hash: str, offset: int, limit: int) -> tuple[bytes, int]:
    """Up to `limit` bytes of a complete file from `offset`, and its size; only for a ward that holds it."""
    row = conn.execute(select(blob).join(blob_ward, blob_ward.c.content_hash == blob.c.content_hash).where(
        blob.c.content_hash == content_hash, blob_ward.c.ward_code == ward)).first()
    if row is None or not row.complete:
        raise BlobError("no such complete file for this ward")
    if offset > row.size:
        raise BlobError("offset past the end of the file")
    final, _part = _paths(root, content_hash)
    with open(final, "rb") as fh:
        fh.seek(offset)
        return fh.read(limit), row.size
