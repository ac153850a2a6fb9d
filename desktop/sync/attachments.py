"""Attachment files: uploaded and downloaded content-addressed (SHA-256), resumable by offset.

Generic: any record kind with a hash column (`sha256` or `content_hash`) and a path
column (`path` or `file_path`, relative to the data folder) has its file uploaded by the
laptop that holds it, and downloaded by the other laptops of the ward after a pull. A
download goes to `<file>.part` (resumed from its size), is checked against its hash and
only then moved into place; one file serves every record with that hash.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path

from sqlalchemy import inspect, select

from desktop.store.models.sync import SyncBlob
from desktop.store.records import record_kinds
from desktop.sync import protocol as p
from desktop.sync.transport import ServerRefused

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


def files_to_upload(ctx) -> list[tuple[str, Path]]:
    """(hash, absolute path) of files whose records are on the server but whose content is not yet."""
    wanted: dict[str, Path] = {}
    with ctx.read() as s:
        done = set(s.scalars(select(SyncBlob.content_hash)))
        for cls, h, f in file_kinds().values():
            rows = s.execute(select(getattr(cls, h), getattr(cls, f)).where(
                cls.deleted_at.is_(None), cls.sync_state == "synced"))
            for content_hash, rel in rows:
                if content_hash and content_hash not in done and content_hash not in wanted:
                    path = (ctx.folder.root / rel) if not Path(rel).is_absolute() else Path(rel)
                    if path.exists():  # missing here: a record pulled from another laptop, downloaded instead
                        wanted[content_hash] = path
    return sorted(wanted.items())


def upload(ctx, transport, ward: str, content_hash: str, path: Path) -> bool:
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
    _held_by_server(ctx, content_hash, size)
    return True


def _held_by_server(ctx, content_hash: str, size: int) -> None:
    """Remember that the server holds this file complete: it is never sent again."""
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        if s.get(SyncBlob, content_hash) is None:
            s.add(SyncBlob(content_hash=content_hash, size=size))


def upload_all(ctx, transport, ward: str) -> int:
    return sum(1 for h, path in files_to_upload(ctx) if upload(ctx, transport, ward, h, path))


# -- downloading ---------------------------------------------------------------------------
_HASH = re.compile(p.HASH_PATTERN)


def _local_path(ctx, rel: str) -> Path | None:
    """Where a pulled record's file belongs: inside the data folder's attachments, or None."""
    if not rel or Path(rel).is_absolute():
        return None
    root = ctx.folder.attachments.resolve()
    path = (ctx.folder.root / rel).resolve()
    return path if root in path.parents else None


def files_to_download(ctx) -> list[tuple[str, Path]]:
    """(hash, where it belongs) of files named by live records here but missing from this laptop.

    Files known to be on the server (uploaded from here or downloaded already) are not looked
    at, so a sync with nothing to do costs one query, not a disk check per attachment."""
    wanted: dict[str, Path] = {}
    with ctx.read() as s:
        for cls, h, f in file_kinds().values():
            column = getattr(cls, h)
            for content_hash, rel in s.execute(select(column, getattr(cls, f)).where(
                    cls.deleted_at.is_(None), column.not_in(select(SyncBlob.content_hash)))):
                if not content_hash or not _HASH.fullmatch(content_hash) or content_hash in wanted:
                    continue
                path = _local_path(ctx, rel)
                if path is None:
                    log.warning("attachment path outside the attachments folder ignored: %s", content_hash[:12])
                elif not path.exists():
                    wanted[content_hash] = path
    return sorted(wanted.items())


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download(ctx, transport, ward: str, content_hash: str, target: Path) -> bool:
    """Fetch one file from where an earlier try left off. True when it is in place and matches its hash.

    False when the server does not hold it (yet): the laptop that took it has not uploaded it.
    A transport failure propagates (the run stops and is retried; the `.part` file is kept).
    """
    part = target.with_name(target.name + ".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    offset = part.stat().st_size if part.exists() else 0
    size = None
    with open(part, "ab") as fh:
        while size is None or offset < size:
            try:
                data, size = transport.blob_read(ward, content_hash, offset)
            except ServerRefused as exc:
                log.info("attachment %s not on the server yet (%s)", content_hash[:12], exc.status)
                return False
            if offset > size:  # a stale partial file: start again
                fh.truncate(0)
                offset = 0
                continue
            if not data and offset < size:
                return False
            fh.write(data)
            fh.flush()
            offset += len(data)
        os.fsync(fh.fileno())
    if _sha256(part) != content_hash:
        log.warning("downloaded attachment %s does not match its hash; discarded", content_hash[:12])
        part.unlink(missing_ok=True)
        return False
    os.replace(part, target)
    _held_by_server(ctx, content_hash, size or 0)  # never uploaded back
    return True


def download_all(ctx, transport, ward: str) -> int:
    return sum(1 for h, path in files_to_download(ctx) if download(ctx, transport, ward, h, path))
