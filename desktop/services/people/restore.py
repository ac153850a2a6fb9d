"""Restoring an encrypted backup: into a fresh folder or over the open app's data, all or nothing.

The backup is checked before anything is made, unpacked into a locked stage folder inside the
data folder, its database checked page by page and re-keyed for this laptop's keyring, then put in
place under a journal: a restore killed half-way is finished at the next start (`recover_folder`),
and a move that fails (a file held open on Windows) is undone. Sync identity: see `backup`'s
docstring and docs/backups.md (a backup never carries the device token).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.i18n import _
from desktop.core.permissions import Permission
from desktop.data_folder import DataFolder
from desktop.services.context import AppContext
from desktop.services.people import audit
from desktop.services.people.backup import BackupError, BackupInfo, open_for_read, read_manifest, record_counts
from desktop.services.people.operators import require
from desktop.store import keys, touched
from desktop.store.engine import open_connection
from desktop.store.records import record_kinds

log = logging.getLogger(__name__)


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
    fh, reader = open_for_read(src, passphrase)  # a wrong passphrase or a bad header: refused before anything is made
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
        counts = record_counts(restored)
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
