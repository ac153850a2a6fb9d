"""Encrypted backups: on demand, daily with rotation, the file format, integrity check (restoring: `restore`).

A backup file is `MAGIC | header length | header JSON | chunks`. The header holds only
KDF parameters and a salt. The content is a tar stream (manifest, a consistent snapshot
of the database made with SQLite's backup API, the attachments) encrypted in 1 MiB
AES-256-GCM chunks with a key derived from the passphrase by scrypt; each chunk's
associated data binds the header, its index and whether it is the last one, so a
reordered, truncated or altered file is refused. The database's own key travels
inside the encrypted manifest; restore re-keys the database with a new key kept in
that laptop's keyring, so the backup restores where the original keyring is absent.

Sync identity (docs/backups.md): a backup never carries the device token. The device
identity belongs to a data folder on one laptop (its keyring entry), so restoring onto
another laptop or a fresh folder keeps the server address and the ward but the laptop
must enrol again (told in Vietnamese); restoring over a data folder that is enrolled here
keeps that folder's own token and device id. Two laptops never share one device token.
"""

from __future__ import annotations

import io
import json
import logging
import os
import secrets
import struct
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import func, select

from desktop import __version__
from desktop.core.i18n import _
from desktop.core.permissions import Permission
from desktop.data_folder import DataFolder
from desktop.services.people import audit
from desktop.services.context import AppContext
from desktop.services.people.operators import require
from desktop.store import keys
from desktop.store.database import database_key
from desktop.store.engine import open_connection
from desktop.store.records import record_kinds

log = logging.getLogger(__name__)

MAGIC = b"TOCDSBK1"
SUFFIX = ".tocdsbak"
CHUNK = 1 << 20
MIN_PASSPHRASE = 10
# Windows' Credential Manager holds at most 2,560 bytes per secret (UTF-16: 1,280 characters); the daily
# backup's passphrase is kept there, so it is capped well below that (README, "Bảo mật trên máy Windows dùng chung").
MAX_PASSPHRASE = 256
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
AUTO_PREFIX = "tocds-auto-"
AUTO_EVERY = timedelta(hours=24)


class BackupError(Exception):
    """A refused backup or restore; the message is for people."""


@dataclass(frozen=True)
class BackupInfo:
    path: str
    size: int
    created_at: str
    records: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    sync_note: str = ""  # for people: what happens to sync after this restore ("" when nothing to say)


@dataclass(frozen=True)
class IntegrityReport:
    database_ok: bool
    database_messages: list[str]
    audit_entries: int
    audit_broken: list[audit.BrokenEntry]

    @property
    def ok(self) -> bool:
        return self.database_ok and not self.audit_broken


# -- passphrase --------------------------------------------------------------------------
def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise BackupError(_("Mật khẩu sao lưu phải có ít nhất {n} ký tự.").format(n=MIN_PASSPHRASE))
    if len(passphrase) > MAX_PASSPHRASE:
        raise BackupError(_("Mật khẩu sao lưu dài tối đa {n} ký tự (kho khóa của Windows không giữ được mật khẩu dài hơn).").format(
            n=MAX_PASSPHRASE))


def _passphrase_name(folder: DataFolder) -> str:
    return f"backup-passphrase:{folder.key_id}"


def set_backup_passphrase(ctx: AppContext, passphrase: str) -> None:
    """Kept in the keyring for the automatic daily backup; the team lead keeps it for restores."""
    require(ctx, Permission.BACKUP)
    check_passphrase(passphrase)
    keys.set_secret(_passphrase_name(ctx.folder), passphrase)
    audit.record(ctx, "backup", detail={"change": "passphrase_set"})


def stored_passphrase(ctx: AppContext) -> str | None:
    return keys.get_secret(_passphrase_name(ctx.folder))


def _derive(passphrase: str, salt: bytes, params: dict) -> bytes:
    return Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"]).derive(passphrase.encode("utf-8"))


# -- the encrypted stream ----------------------------------------------------------------
def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


class _EncryptingWriter(io.RawIOBase):
    def __init__(self, fh, aead: AESGCM, prefix: bytes, header: bytes):
        self._fh, self._aead, self._prefix, self._header = fh, aead, prefix, header
        self._buf = bytearray()
        self._index = 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self._buf += b
        while len(self._buf) > CHUNK:
            self._emit(bytes(self._buf[:CHUNK]), final=False)
            del self._buf[:CHUNK]
        return len(b)

    def _emit(self, data: bytes, final: bool) -> None:
        nonce = self._prefix + struct.pack(">I", self._index)
        sealed = self._aead.encrypt(nonce, data, _aad(self._header, self._index, final))
        self._fh.write(struct.pack(">I", len(sealed)))
        self._fh.write(sealed)
        self._index += 1

    def finish(self) -> None:
        self._emit(bytes(self._buf), final=True)
        self._buf.clear()


class _DecryptingReader(io.RawIOBase):
    def __init__(self, fh, aead: AESGCM, prefix: bytes, header: bytes):
        self._fh, self._aead, self._prefix, self._header = fh, aead, prefix, header
        self._buf = b""
        self._index = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def _next(self) -> None:
        raw = self._fh.read(4)
        if len(raw) < 4:
            raise BackupError(_("Tệp sao lưu bị cắt cụt (thiếu phần cuối)."))
        length = struct.unpack(">I", raw)[0]
        if length > CHUNK + 16:  # a chunk and its tag: never read (nor allocate) more than that
            raise BackupError(_("Tệp sao lưu đã bị sửa hoặc hỏng (đoạn {n}).").format(n=self._index + 1))
        sealed = self._fh.read(length)
        nonce = self._prefix + struct.pack(">I", self._index)
        for final in (False, True):
            try:
                self._buf += self._aead.decrypt(nonce, sealed, _aad(self._header, self._index, final))
            except InvalidTag:
                continue
            self._done = final
            break
        else:
            raise BackupError(_("Tệp sao lưu đã bị sửa hoặc hỏng (đoạn {n}).").format(n=self._index + 1))
        self._index += 1

    def read(self, n: int = -1) -> bytes:
        while not self._done and (n < 0 or len(self._buf) < n):
            self._next()
        if n < 0:
            n = len(self._buf)
        out, self._buf = self._buf[:n], self._buf[n:]
        return out

    def drain(self) -> None:
        """Read to the end so a truncated or extended file is noticed."""
        while not self._done:
            self._next()
            self._buf = b""
        if self._fh.read(1):
            raise BackupError(_("Tệp sao lưu có dữ liệu thừa sau phần cuối; tệp đã bị sửa."))


_CHECK_COUNTER = b"\xff\xff\xff\xff"  # never a chunk index
_CHECK_AAD = b"tocds-backup-key-check"


def _key_check(aead: AESGCM, prefix: bytes) -> bytes:
    """An empty message sealed with the key: tells a wrong passphrase from a damaged file."""
    return aead.encrypt(prefix + _CHECK_COUNTER, b"", _CHECK_AAD)


# The most a backup header may ask of the key derivation (the app writes SCRYPT): scrypt takes
# 128·n·r bytes of memory, so these bound it to 128 MB, and p bounds its time.
SCRYPT_MAX = {"n": 2**17, "r": 8, "p": 4}


def _checked_header(meta: object, path: Path) -> dict:
    """The header's parameters, refused unless each is of the shape and size the app writes."""

    def hex_of(value: object, low: int, high: int) -> bool:
        return isinstance(value, str) and low * 2 <= len(value) <= high * 2 and all(c in "0123456789abcdef" for c in value)

    def whole(value: object, low: int, high: int) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high

    params = meta.get("scrypt") if isinstance(meta, dict) else None
    ok = (isinstance(meta, dict) and meta.get("format") == 1 and meta.get("kdf") == "scrypt"
          and meta.get("cipher") == "AES-256-GCM" and meta.get("chunk") == CHUNK and isinstance(params, dict)
          and set(params) == {"n", "r", "p"} and whole(params["n"], 2, SCRYPT_MAX["n"]) and params["n"] & (params["n"] - 1) == 0
          and whole(params["r"], 1, SCRYPT_MAX["r"]) and whole(params["p"], 1, SCRYPT_MAX["p"])
          and hex_of(meta.get("salt"), 16, 64) and hex_of(meta.get("nonce_prefix"), 8, 8) and hex_of(meta.get("key_check"), 16, 16))
    if not ok:
        raise BackupError(_("Tệp {name}: phần đầu của bản sao lưu có thông số nằm ngoài giới hạn (scrypt n ≤ {n}, r ≤ {r}, "
                            "p ≤ {p}); tệp đã bị sửa hoặc không phải bản sao lưu của Tổ CĐS Desktop.").format(
            name=path.name, n=SCRYPT_MAX["n"], r=SCRYPT_MAX["r"], p=SCRYPT_MAX["p"]))
    return meta


def open_for_read(path: Path, passphrase: str):
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise BackupError(_("Không mở được tệp sao lưu {path}: {error}").format(path=path, error=exc.strerror)) from exc
    try:
        if fh.read(len(MAGIC)) != MAGIC:
            raise BackupError(_("Tệp {name} không phải bản sao lưu của Tổ CĐS Desktop.").format(name=path.name))
        (hlen,) = struct.unpack(">I", fh.read(4))
        if hlen > 65536:
            raise BackupError(_("Tệp {name} không phải bản sao lưu của Tổ CĐS Desktop.").format(name=path.name))
        header = fh.read(hlen)
        meta = _checked_header(json.loads(header), path)  # bounded before any key derivation
        aead = AESGCM(_derive(passphrase, bytes.fromhex(meta["salt"]), meta["scrypt"]))
        prefix = bytes.fromhex(meta["nonce_prefix"])
        try:
            aead.decrypt(prefix + _CHECK_COUNTER, bytes.fromhex(meta["key_check"]), _CHECK_AAD)
        except InvalidTag:
            raise BackupError(_("Mật khẩu sao lưu không đúng.")) from None
        return fh, _DecryptingReader(fh, aead, prefix, header)
    except (ValueError, KeyError, struct.error) as exc:
        fh.close()
        raise BackupError(_("Tệp {name} không phải bản sao lưu của Tổ CĐS Desktop.").format(name=path.name)) from exc
    except BaseException:
        fh.close()
        raise


# -- making a backup ---------------------------------------------------------------------
def _snapshot(ctx: AppContext, target: Path) -> str:
    """A consistent copy of the database (SQLite backup API), encrypted with the same key."""
    key = database_key(ctx.folder)
    src = open_connection(ctx.folder.database, key)
    try:
        dst = open_connection(target, key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    return key


def record_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.read() as s:
        return {kind: s.scalar(select(func.count()).select_from(cls)) or 0 for kind, cls in record_kinds().items()}


def _write_backup(ctx: AppContext, out: Path, passphrase: str, kind: str) -> BackupInfo:
    check_passphrase(passphrase)
    out.parent.mkdir(parents=True, exist_ok=True)
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(8)
    aead = AESGCM(_derive(passphrase, salt, SCRYPT))
    header = json.dumps({"format": 1, "kdf": "scrypt", "scrypt": SCRYPT, "salt": salt.hex(), "nonce_prefix": prefix.hex(),
                         "cipher": "AES-256-GCM", "chunk": CHUNK, "key_check": _key_check(aead, prefix).hex()},
                        sort_keys=True).encode("utf-8")
    attachments = sorted(p for p in ctx.folder.attachments.rglob("*") if p.is_file())
    counts = record_counts(ctx)
    with tempfile.TemporaryDirectory(dir=ctx.folder.root, prefix=".backup-") as tmp:
        snap = Path(tmp) / "tocds.db"
        db_key = _snapshot(ctx, snap)
        manifest = {"format": 1, "app_version": __version__, "created_at": created, "kind": kind,
                    "db_key": db_key, "records": counts, "attachments": len(attachments)}
        fd, part = tempfile.mkstemp(dir=out.parent, prefix=".part-", suffix=SUFFIX)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + struct.pack(">I", len(header)) + header)
                writer = _EncryptingWriter(fh, aead, prefix, header)
                with tarfile.open(fileobj=writer, mode="w|") as tar:
                    data = json.dumps(manifest).encode("utf-8")
                    info = tarfile.TarInfo("manifest.json")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
                    tar.add(snap, arcname="tocds.db")
                    for p in attachments:
                        tar.add(p, arcname="attachments/" + p.relative_to(ctx.folder.attachments).as_posix())
                writer.finish()
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(part, out)
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
    size = out.stat().st_size
    audit.record(ctx, "backup", detail={"kind": kind, "bytes": size, "attachments": len(attachments)})
    log.info("backup written (%s, %d bytes)", kind, size)
    return BackupInfo(str(out), size, created, counts, len(attachments))


def create_backup(ctx: AppContext, out_path: str | os.PathLike, passphrase: str) -> BackupInfo:
    """An encrypted backup on demand (team lead and admin)."""
    require(ctx, Permission.BACKUP)
    return _write_backup(ctx, Path(out_path), passphrase, "manual")


def auto_backups(ctx: AppContext) -> list[Path]:
    """The automatic backups in the data folder, newest first."""
    return sorted(ctx.folder.backups.glob(f"{AUTO_PREFIX}*{SUFFIX}"), reverse=True)


def auto_backup_due(ctx: AppContext, now: datetime | None = None) -> bool:
    now = now or datetime.now(timezone.utc)
    latest = auto_backups(ctx)
    if not latest:
        return True
    made = datetime.fromtimestamp(latest[0].stat().st_mtime, timezone.utc)
    return now - made >= AUTO_EVERY


def run_auto_backup(ctx: AppContext, *, force: bool = False, now: datetime | None = None) -> BackupInfo | None:
    """The daily backup into the data folder's backups/, keeping the newest `backup_keep`.

    Uses the passphrase kept in the keyring; None when none is set or none is due.
    """
    passphrase = stored_passphrase(ctx)
    if not passphrase or not (force or auto_backup_due(ctx, now)):
        return None
    now = now or datetime.now(timezone.utc)
    name = f"{AUTO_PREFIX}{now.strftime('%Y%m%d-%H%M%S-%f')}{SUFFIX}"
    info = _write_backup(ctx, ctx.folder.backups / name, passphrase, "auto")
    keep = max(1, int(ctx.settings.get("backup_keep")))
    for old in auto_backups(ctx)[keep:]:
        old.unlink(missing_ok=True)
    return info


# -- reading and restoring ---------------------------------------------------------------
def read_manifest(path: str | os.PathLike, passphrase: str) -> dict:
    """Check the passphrase and read what a backup holds (no secrets returned)."""
    fh, reader = open_for_read(Path(path), passphrase)
    with fh:
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            for member in tar:
                if member.name == "manifest.json":
                    manifest = json.loads(tar.extractfile(member).read())
                    manifest.pop("db_key", None)
                    return manifest
    raise BackupError(_("Tệp sao lưu thiếu phần mô tả (manifest)."))


# -- integrity ---------------------------------------------------------------------------
def check_integrity(ctx: AppContext) -> IntegrityReport:
    """SQLCipher page check, SQLite structure check, and the audit chain."""
    return check_folder(ctx.folder, ctx)


def check_folder(folder: DataFolder, ctx: AppContext | None = None) -> IntegrityReport:
    """The same checks on a folder whose database may not even open (`ctx` None): never raises for damage.
    The audit chain is only walked when the database itself is sound and open."""
    from desktop.store.integrity import run_checks

    messages = [str(f) for f in run_checks(folder)]
    if messages or ctx is None:
        return IntegrityReport(not messages, messages, 0, [])
    try:
        return IntegrityReport(True, [], audit.count(ctx), audit.verify(ctx))
    except Exception as exc:
        return IntegrityReport(False, [_("nhật ký truy cập: không đọc được ({error})").format(error=exc)], 0, [])
