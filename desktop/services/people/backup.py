"""Encrypted backups: on demand, daily with rotation, restore on another laptop, integrity check.

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

import contextlib
import io
import json
import logging
import os
import secrets
import shutil
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
from desktop.store import keys, touched
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


def _open_for_read(path: Path, passphrase: str):
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


def _counts(ctx: AppContext) -> dict[str, int]:
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
    counts = _counts(ctx)
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
    fh, reader = _open_for_read(Path(path), passphrase)
    with fh:
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            for member in tar:
                if member.name == "manifest.json":
                    manifest = json.loads(tar.extractfile(member).read())
                    manifest.pop("db_key", None)
                    return manifest
    raise BackupError(_("Tệp sao lưu thiếu phần mô tả (manifest)."))


def restore_backup(path: str | os.PathLike, passphrase: str, data_dir: str | os.PathLike, *,
                   replace: bool = False, ctx: AppContext | None = None, by_open_app: bool = False) -> BackupInfo:
    """Restore into `data_dir` (a fresh folder, or the current one with `replace`).

    The database gets a new key, stored in this laptop's keyring; the audit trail of the
    restored copy starts a new chain. With `ctx` (an open app), the operator needs RESTORE.
    The data folder must not be open elsewhere while it is replaced: a command refuses while an app has
    it open (`by_open_app`: this process is that app, restoring data it could not open).

    Nothing is left behind by a failed or killed restore: the backup is checked before a
    folder is made, it is unpacked into a locked stage folder that the next start (or the
    next restore) sweeps away, and putting it in place is journaled, so a restore killed
    half-way through that step is finished at the next start (`recover_folder`).
    """
    if ctx is not None:
        require(ctx, Permission.RESTORE)
    src = Path(path)
    folder = DataFolder.resolve(str(data_dir))
    fh, reader = _open_for_read(src, passphrase)  # a wrong passphrase or a bad header: refused before anything is made
    made_folder = not folder.root.exists()
    committed = False
    busy = contextlib.ExitStack()
    try:
        folder.ensure()
        busy.enter_context(_folder_quiet(folder, ctx is not None or by_open_app))
        recover_folder(folder)
        if folder.database.exists() and folder.database.stat().st_size > 0 and not replace:
            raise BackupError(_("Thư mục {path} đã có dữ liệu. Hãy khôi phục vào một thư mục trống, "
                                "hoặc chọn thay thế dữ liệu hiện có.").format(path=folder.root))
        with _Stage(folder) as stage:
            with fh:
                with tarfile.open(fileobj=reader, mode="r|") as tar:
                    tar.extractall(stage, filter="data")
                reader.drain()
            manifest = json.loads((stage / "manifest.json").read_text(encoding="utf-8"))
            db = stage / "tocds.db"
            if not db.exists():
                raise BackupError(_("Tệp sao lưu thiếu cơ sở dữ liệu."))
            new_key = keys.new_database_key()
            _check_and_rekey(db, manifest["db_key"], new_key)
            previous_device = _enrolled_device(folder)
            _commit(folder, stage, new_key, replace)
            committed = True
        busy.close()
    except BaseException:
        busy.close()
        fh.close()
        if made_folder and not committed:
            shutil.rmtree(folder.root, ignore_errors=True)  # the folder this restore made: gone again
        raise
    from desktop.settings import Settings
    from desktop.store.database import open_store

    # Not open_context: the process keeps logging where it logged before.
    restored = AppContext(folder=folder, settings=Settings(folder.settings_file), store=open_store(folder),
                          actor=ctx.actor if ctx else "tocds-cli")
    try:
        if ctx is not None:
            restored.operator = ctx.operator
        note = _settle_sync_identity(restored, previous_device)
        audit.record(restored, "restore", detail={"backup_created_at": manifest.get("created_at", ""),
                                                  "replaced": bool(replace), "must_enrol": bool(note)})
        counts = _counts(restored)
    finally:
        restored.close()
    return BackupInfo(str(folder.root), src.stat().st_size, manifest.get("created_at", ""), counts,
                      int(manifest.get("attachments", 0)), note)


@contextlib.contextmanager
def _folder_quiet(folder: DataFolder, by_open_app: bool):
    """No sync runs on the folder while it is restored (its sync lock, across processes), and a command
    never restores under an open app (`by_open_app`: this process is the app restoring its own data)."""
    from desktop.folder_lock import SYNC_LOCK, FolderBusy, app_holder, holding

    if not by_open_app:
        holder = app_holder(folder.root)
        if holder is not None:
            raise BackupError(_("Thư mục dữ liệu {path} đang được mở bởi {holder}. Hãy đóng ứng dụng rồi khôi phục lại; "
                                "không có gì bị thay đổi.").format(path=folder.root, holder=holder.describe()))
    try:
        with holding(folder.root / SYNC_LOCK, "khôi phục dữ liệu",
                     _("Đang có một lần đồng bộ trên thư mục dữ liệu này: {holder}. Hãy chờ đồng bộ xong rồi khôi phục lại; "
                       "không có gì bị thay đổi.")):
            yield
    except FolderBusy as exc:
        raise BackupError(str(exc)) from None


def _enrolled_device(folder: DataFolder) -> str | None:
    """The device id this data folder syncs as on this laptop (its token is in this keyring), or None."""
    from desktop.sync import credentials

    try:
        if not credentials.load_token(folder):
            return None
        key = keys.get_secret(keys.db_key_name(folder.key_id))
        if not key or not folder.database.exists():
            return None
        conn = open_connection(folder.database, key)
        try:
            row = conn.execute("SELECT device_id FROM sync_state WHERE id = 1").fetchone()
        finally:
            conn.close()
    except Exception:
        log.info("restore: the target folder's sync identity could not be read")
        return None
    return row[0] if row and row[0] else None


def _keep_server_url(ctx: AppContext, url: str | None = None) -> None:
    """The restored data's server address becomes this folder's setting when it has none."""
    if url is None:
        from desktop.store.models.sync import SyncState

        with ctx.read() as s:
            st = s.get(SyncState, 1)
            url = st.server_url if st else ""
    if url and not ctx.settings.get("sync_server_url"):
        ctx.settings.set("sync_server_url", url)


def _settle_sync_identity(ctx: AppContext, previous_device: str | None) -> str:
    """Keep the server address and ward; never clone the backup's device identity.

    Returns the message for people when this laptop must enrol again ("" otherwise)."""
    from desktop.store.models.sync import SyncState

    with ctx.store.write(actor="sync", applying_remote=True) as s:
        st = s.get(SyncState, 1)
        if st is None:
            return ""
        _keep_server_url(ctx, st.server_url)
        if previous_device and previous_device == st.device_id:
            return ""  # the same laptop's own data folder: its token and device id stay valid
        enrolled_here = previous_device is not None
        if st.device_id != (previous_device or ""):
            st.cursor = 0  # the backup's pull position belonged to another device: read the ward again
        st.device_id = previous_device or ""
        st.failures, st.last_check_json = 0, ""
        if enrolled_here:
            return ""
        if not st.server_url:
            return ""  # this data never synced: nothing to enrol again
        note = _("Dữ liệu đã được khôi phục. Máy này chưa được đăng ký đồng bộ: hãy nhập mã đăng ký thiết bị mới "
                 "(do quản trị máy chủ cấp) ở trang Đồng bộ hoặc chạy tocds-cli sync --enroll-code MÃ. "
                 "Địa chỉ máy chủ và phường/xã được giữ nguyên.")
        st.last_error = note
        return note


def _check_and_rekey(db: Path, key: str, new_key: str) -> None:
    """The unpacked database: every page checked, a new audit chain origin, re-keyed for this laptop."""
    conn = open_connection(db, key)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        problems += [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            raise BackupError(_("Cơ sở dữ liệu trong bản sao lưu bị hỏng: {detail}").format(detail="; ".join(problems[:3])))
        conn.execute("UPDATE audit_origin SET origin = ?", (secrets.token_hex(16),))
        conn.commit()
        conn.execute(f"PRAGMA rekey = \"x'{new_key}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


STAGE_PREFIX = ".restore-"
JOURNAL = ".restore-journal.json"
_PENDING = ":restore-pending"


class _Stage:
    """A folder inside the data folder to unpack into, locked while in use and removed afterwards.
    One left by a killed process (its lock gone) is swept by `recover_folder`."""

    def __init__(self, folder: DataFolder):
        self.path = Path(tempfile.mkdtemp(dir=folder.root, prefix=STAGE_PREFIX))
        self._lock = _lock(self.path)

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc) -> None:
        if self._lock is not None:
            self._lock.close()
        if not (self.path.parent / JOURNAL).exists() or _journal_stage(self.path.parent) != self.path.name:
            shutil.rmtree(self.path, ignore_errors=True)


def _lock(stage: Path):
    """An exclusive lock on the stage (POSIX; elsewhere an open file already keeps it from being removed)."""
    try:
        import fcntl
    except ImportError:
        return None
    fh = open(stage / ".lock", "w")
    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fh


def _in_use(stage: Path) -> bool:
    try:
        import fcntl
    except ImportError:
        return False
    try:
        with open(stage / ".lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def _journal_stage(root: Path) -> str | None:
    try:
        return json.loads((root / JOURNAL).read_text(encoding="utf-8")).get("stage")
    except (OSError, ValueError, AttributeError):
        return None


def _commit(folder: DataFolder, stage: Path, new_key: str, replace: bool) -> None:
    """Put the checked database in place, journaled: a kill at any point is finished by `recover_folder`."""
    name = keys.db_key_name(folder.key_id)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    old_key = keys.get_secret(name)
    if replace and old_key and folder.database.exists():
        keys.set_secret(f"{name}:pre-restore-{stamp}", old_key)  # the old data's key, kept with it
    keys.set_secret(name + _PENDING, new_key)
    journal = folder.root / JOURNAL
    with open(journal, "w", encoding="utf-8") as fh:
        json.dump({"stage": stage.name, "stamp": stamp, "replace": bool(replace)}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    try:
        _put_in_place(folder, stage, new_key, replace, stamp)
    except OSError as exc:  # every move was undone: the old data is in place, with its key
        journal.unlink(missing_ok=True)
        keys.delete_secret(name + _PENDING)
        if old_key:
            keys.set_secret(name, old_key)
            keys.delete_secret(f"{name}:pre-restore-{stamp}")
        raise BackupError(_("Không khôi phục được: không chuyển được {path} ({reason}); có thể một tệp đang mở trong "
                            "chương trình khác (ví dụ một video đính kèm đang phát). Mọi bước đã được hoàn lại: "
                            "dữ liệu cũ vẫn nguyên tại chỗ. Hãy đóng các chương trình đó rồi thử lại.").format(
            path=exc.filename or folder.root, reason=exc.strerror or type(exc).__name__)) from exc
    keys.delete_secret(name + _PENDING)
    journal.unlink()


def recover_folder(folder: DataFolder) -> None:
    """Finish a restore killed while putting its data in place, and sweep stages nobody uses any more."""
    journal = folder.root / JOURNAL
    if journal.exists():
        try:
            entry = json.loads(journal.read_text(encoding="utf-8"))
            stage = folder.root / entry["stage"]
            if not entry["stage"].startswith(STAGE_PREFIX) or stage.parent != folder.root:
                raise ValueError("not a stage of this folder")
            name = keys.db_key_name(folder.key_id)
            new_key = keys.get_secret(name + _PENDING)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entry, new_key = None, None
        if entry is not None and new_key:
            _put_in_place(folder, stage, new_key, bool(entry.get("replace")), str(entry.get("stamp", "")))
            keys.delete_secret(name + _PENDING)
            log.warning("an interrupted restore was finished")
        journal.unlink(missing_ok=True)
    for stale in list(folder.root.glob(STAGE_PREFIX + "*")) + list(folder.root.glob(".backup-*")):
        if stale.is_dir() and not _in_use(stale):
            shutil.rmtree(stale, ignore_errors=True)


def _put_in_place(folder: DataFolder, stage: Path, new_key: str, replace: bool, stamp: str) -> None:
    """Move the old data aside (with `replace`) and the stage's in; each step can be done again.

    All or nothing: when a move fails (a file held open on Windows), the moves already made are undone
    in reverse order and the error is raised; the key is changed only once every file is in place."""
    name = keys.db_key_name(folder.key_id)
    new_db = stage / "tocds.db"
    done: list[tuple[Path, Path]] = []  # (from, to) of each move made

    def move(src: Path, dst: Path) -> None:
        os.replace(src, dst)
        done.append((src, dst))

    try:
        if new_db.exists():
            if replace:
                aside = folder.backups / f"pre-restore-{stamp}.db"
                for suffix in ("", "-wal", "-shm"):
                    p = Path(str(folder.database) + suffix)
                    if p.exists():
                        move(p, Path(str(aside) + suffix))
                target = folder.backups / f"pre-restore-{stamp}-attachments"
                if folder.attachments.exists() and not target.exists():
                    move(folder.attachments, target)
            for suffix in ("-wal", "-shm"):
                Path(str(folder.database) + suffix).unlink(missing_ok=True)
            move(new_db, folder.database)
        if (stage / "attachments").exists():
            if folder.attachments.exists() and not any(folder.attachments.iterdir()):
                folder.attachments.rmdir()
            if folder.attachments.exists():
                for p in (stage / "attachments").rglob("*"):
                    if p.is_file():
                        dest = folder.attachments / p.relative_to(stage / "attachments")
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        move(p, dest)
            else:
                move(stage / "attachments", folder.attachments)
    except OSError:
        _undo(done)
        raise
    keys.set_secret(name, new_key)
    folder.ensure()


def _undo(done: list[tuple[Path, Path]]) -> None:
    """Move each file back where it was, newest move first (a step that fails is logged, the rest go on)."""
    for src, dst in reversed(done):
        try:
            src.parent.mkdir(parents=True, exist_ok=True)
            os.replace(dst, src)
        except OSError:
            log.error("restore rollback: %s could not be moved back to %s", dst, src)


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


def restore_in_place(ctx: AppContext, path: str | os.PathLike, passphrase: str) -> BackupInfo:
    """Replace the open app's data with a backup: close the store, restore, reopen it."""
    require(ctx, Permission.RESTORE)
    read_manifest(path, passphrase)  # wrong passphrase: refused before anything is closed
    # Other threads' reads and writes finish first (new ones wait), every connection is closed (Windows
    # cannot move a file a connection holds), and the store opens again on the data in place afterwards:
    # the restored data, or the old data when the restore failed and was rolled back.
    with ctx.store.closed_for():
        info = restore_backup(path, passphrase, ctx.folder.root, replace=True, ctx=ctx)
    _keep_server_url(ctx)  # the open app's settings object, not only the file
    touched.record(record_kinds())  # every kind may differ now
    return info
