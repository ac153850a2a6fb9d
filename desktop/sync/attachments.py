"""Uploading attachment files: content-addressed (SHA-256), resumable by offset, never sent twice.

Generic: any record kind with a hash column (`sha256` or `content_hash`) and a path
column (`path` or `file_path`, relative to the data folder) has its file uploaded.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import inspect, select

from desktop.store.models.sync import SyncBlob
from desktop.store.records import record_kinds
from desktop.sync import protocol as p

log = logging.getLogger(__name__)

HASH_COLUMNS = ("sha256", "content_hash")
PATH_COLUMNS = ("path", "file_path")


def file_kinds() -> dict[str, tuple[type, str, str]]:
    """kind -> (class, hash column, path column) for every kind that carries a file."""
    out = {}
    for kind, cls in record_kinds().items():
        cols = {c.key for c in inspect(cls).column_attrs}
        h = next((c for c in HASH_COLUMNS if c in cols), None)
        f = next((c for c in PATH_COLUMNS if c in cols), None)
        if h and f:
            out[kind] = (cls, h, f)
    return out


def files_to_upload(ctx) -> list[tuple[str, Path]]:  # noqa: ANN001
    """(hash, absolute path) of files whose records are on the server but whose content is not yet."""
    wanted: dict[str, Path] = {}
    with ctx.read() as s:
        done = set(s.scalars(select(SyncBlob.content_hash)))
        for cls, h, f in file_kinds().values():
            rows = s.execute(select(getattr(cls, h), getattr(cls, f)).where(
                cls.deleted_at.is_(None), cls.sync_state == "synced"))
            for content_hash, rel in rows:
                if content_hash and content_hash not in done and content_hash not in wanted:
                    wanted[content_hash] = (ctx.folder.root / rel) if not Path(rel).is_absolute() else Path(rel)
    return sorted(wanted.items())


def upload(ctx, transport, ward: str, content_hash: str, path: Path) -> bool:  # noqa: ANN001
    """Send one file from where the server left off. True when the server holds all of it."""
    if not path.exists():
        log.warning("attachment file missing: %s", content_hash[:12])
        return False
    size = path.stat().st_size
    status = transport.blob_status(ward, content_hash, size)
    offset = status.received
    with open(path, "rb") as fh:
        while not status.complete:
            fh.seek(offset)
            chunk = fh.read(p.BLOB_CHUNK_BYTES)
            status = transport.blob_chunk(ward, content_hash, offset, chunk)
            offset = status.received
            if not chunk and not status.complete:
                return False
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        if s.get(SyncBlob, content_hash) is None:
            s.add(SyncBlob(content_hash=content_hash, size=size))
    return True


def upload_all(ctx, transport, ward: str) -> int:  # noqa: ANN001
    n = 0
    for content_hash, path in files_to_upload(ctx):
        if upload(ctx, transport, ward, content_hash, path):
            n += 1
    return n
