"""Errors the store raises, each with a Vietnamese message that says what to do.

`describe(exc, folder_root)` is the one place a database or file-system failure becomes
such a message: it looks at SQLite's error code (sqlcipher3 errors, raw or wrapped by
SQLAlchemy) and at the errno of OS errors, so a full disk is called a full disk (with the
space it needs), a damaged file says which check failed, and a wrong key is only said
when the file really is not readable with it.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from desktop.core import formatting
from desktop.core.i18n import _

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
# Below this much free space an I/O error on the data folder's disk is taken for a full disk.
NEARLY_FULL = 16 << 20
# What any command may need to go on (the log, SQLite's shared memory and journal): at least this much.
MIN_FREE = 16 << 20


class StoreError(Exception):
    """Base: `str(err)` is a message for people, in the current language."""


class KeyringUnavailable(StoreError):
    def __init__(self, detail: str = ""):
        self.detail = detail
        super().__init__(
            _(
                "Không có kho khóa bảo mật (keyring) của hệ điều hành để giữ khóa mã hóa cơ sở dữ liệu. "
                "Trên Windows và macOS kho này có sẵn; trên Linux hãy cài và mở gnome-keyring hoặc KWallet "
                "(ví dụ: sudo apt install gnome-keyring), hoặc chỉ định một kho bằng biến môi trường "
                "PYTHON_KEYRING_BACKEND. Ứng dụng không bao giờ ghi khóa ra đĩa dưới dạng văn bản thường."
            )
        )


class MissingKey(StoreError):
    def __init__(self, path: str):
        super().__init__(
            _(
                "Đã có cơ sở dữ liệu tại {path} nhưng không tìm thấy khóa giải mã của nó trong kho khóa của máy này. "
                "Nếu dữ liệu được chép từ máy khác hoặc mật khẩu Windows vừa bị đặt lại, hãy bấm «Khôi phục từ bản sao lưu» "
                "và nhập mật khẩu của bản sao lưu (hoặc chạy tocds-cli restore TỆP_SAO_LƯU --replace, tệp tocds-cli.exe "
                "nằm trong thư mục cài đặt); nếu không, hãy liên hệ tổ trưởng hoặc quản trị."
            ).format(path=path)
        )


class WrongKey(StoreError):
    def __init__(self, path: str):
        super().__init__(
            _(
                "Không mở được cơ sở dữ liệu tại {path}: khóa giải mã không đúng hoặc tệp đã hỏng. "
                "Không xóa tệp này. Hãy khôi phục từ bản sao lưu gần nhất: bấm «Khôi phục từ bản sao lưu» "
                "(hoặc chạy tocds-cli restore TỆP_SAO_LƯU --replace), hoặc liên hệ tổ trưởng hoặc quản trị."
            ).format(path=path)
        )


class DatabaseTooNew(StoreError):
    def __init__(self, path: str, revision: str):
        self.revision = revision
        super().__init__(
            _(
                "Cơ sở dữ liệu tại {path} được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {revision}). "
                "Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi."
            ).format(path=path, revision=revision)
        )


class NetworkDataFolder(StoreError):
    """The data folder is on a network drive, where SQLite's write-ahead log can damage the database."""

    def __init__(self, path: str | Path, kind: str):
        self.path, self.kind = str(path), kind
        super().__init__(
            _(
                "Thư mục dữ liệu {path} nằm trên ổ mạng ({kind}). Cơ sở dữ liệu không an toàn trên ổ mạng: "
                "khi mạng chập chờn hoặc hai máy cùng mở, dữ liệu có thể bị hỏng. Hãy chọn một thư mục trên ổ đĩa "
                "của chính máy này (ví dụ trong C:\\Users) bằng --data-dir hoặc biến TOCDS_DATA_DIR; "
                "muốn giữ một bản trên ổ mạng thì hãy chép bản sao lưu (.tocdsbak) vào đó."
            ).format(path=self.path, kind=kind)
        )



def format_size(n: int) -> str:
    """Bytes for people: 1,5 GB, 240 MB, 12 kB."""
    return formatting.file_size(n)


def free_space(path: str | Path) -> int | None:
    """Free bytes on the disk holding `path` (its nearest existing parent), or None when unknown."""
    p = Path(path)
    for candidate in (p, *p.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


class DiskFull(StoreError):
    """The disk holding the data folder (or the file being written) has no room left; nothing was changed."""

    def __init__(self, path: str | Path, needed: int | None = None):
        self.path = str(path)
        self.free = free_space(path) or 0
        self.needed = max(needed or 0, MIN_FREE)
        super().__init__(
            _(
                "Ổ đĩa chứa {path} đã đầy (còn trống {free}). Cần giải phóng thêm khoảng {needed} rồi chạy lại. "
                "Không có thay đổi nào được lưu; dữ liệu cũ vẫn nguyên vẹn."
            ).format(path=self.path, free=format_size(self.free), needed=format_size(max(self.needed - self.free, 1 << 20)))
        )


def latest_backup(folder_root: str | Path) -> Path | None:
    """The newest backup file in the data folder's backups/ (automatic or not), or None."""
    folder = Path(folder_root) / "backups"
    try:
        files = [p for p in folder.glob("*.tocdsbak") if p.is_file()]
    except OSError:
        return None
    return max(files, key=lambda p: p.stat().st_mtime) if files else None


class DatabaseCorrupt(StoreError):
    """A check of the database failed: which one, that nothing was changed, and how to restore."""

    def __init__(self, path: str | Path, check: str, detail: str = ""):
        self.path, self.check, self.detail = str(path), check, detail
        root = Path(path).parent
        backup = latest_backup(root)
        restore = (_("Hãy khôi phục bản sao lưu gần nhất: tocds-cli --data-dir \"{root}\" restore \"{backup}\" --replace").format(
            root=root, backup=backup) if backup else
                   _("Hãy khôi phục bản sao lưu gần nhất (tocds-cli restore TỆP_SAO_LƯU --replace)."))
        super().__init__(
            _("Cơ sở dữ liệu {path} bị hỏng: bước kiểm tra «{check}» thất bại{detail}. Không có thay đổi nào được lưu. "
              "Không xóa tệp này. {restore}").format(
                path=self.path, check=check, detail=f" ({detail})" if detail else "", restore=restore)
        )


class DatabaseBusy(StoreError):
    def __init__(self, path: str | Path):
        super().__init__(
            _("Cơ sở dữ liệu {path} đang được một chương trình khác ghi (ứng dụng đang mở hoặc một lệnh khác đang chạy). "
              "Hãy chờ lệnh đó xong hoặc đóng ứng dụng rồi chạy lại; không có thay đổi nào được lưu.").format(path=path)
        )


class DatabaseMissing(StoreError):
    """The open app's database is gone when it opens again (after a restore): never replaced by an empty one."""

    def __init__(self, path: str | Path):
        super().__init__(
            _("Không thấy cơ sở dữ liệu {path} khi mở lại; ứng dụng không tạo một cơ sở dữ liệu trống thay vào. "
              "Dữ liệu trước khi khôi phục nằm trong thư mục backups (tên bắt đầu bằng pre-restore-). "
              "Hãy đóng ứng dụng, rồi khôi phục lại từ bản sao lưu.").format(path=path)
        )


class StorageUnavailable(StoreError):
    """The disk refused a read or write for another reason (permissions, read-only, I/O error)."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(
            _("Không đọc/ghi được {path}: {reason}. Không có thay đổi nào được lưu.").format(path=path, reason=reason)
        )


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _root_cause(exc: BaseException) -> BaseException:
    """The DB-API error under a SQLAlchemy wrapper (or the error itself)."""
    seen = 0
    while seen < 5:
        orig = getattr(exc, "orig", None)
        if isinstance(orig, BaseException):
            exc = orig
        elif isinstance(exc.__cause__, StoreError):
            return exc.__cause__
        else:
            return exc
        seen += 1
    return exc


def describe(exc: BaseException, folder_root: str | Path, *, needed: int | None = None,
             check: str | None = None) -> StoreError | None:
    """The StoreError a failure of the data folder's database or disk stands for (None: not one of those).

    `needed`: bytes the operation would take (a full disk says how much to free); `check`: what was
    being done when a damaged file was found (named in the message).
    """
    exc = _root_cause(exc)
    if isinstance(exc, StoreError):
        return exc
    root = Path(folder_root)
    database = root / "tocds.db"
    if isinstance(exc, OSError) and not _sqlite_code(exc):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DiskFull(exc.filename or root, needed)
        return None
    code = _sqlite_code(exc)
    text = str(exc).lower()
    if code is None and not type(exc).__module__.startswith(("sqlcipher3", "sqlite3")):
        return None
    free = free_space(root)
    if code == SQLITE_FULL or "database or disk is full" in text:
        return DiskFull(root, needed)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or "disk i/o error" in text or "unable to open" in text:
        if free is not None and free < NEARLY_FULL:
            return DiskFull(root, needed)
        return StorageUnavailable(database, str(exc))
    if code == SQLITE_CORRUPT or "malformed" in text:
        return DatabaseCorrupt(database, check or _("đọc dữ liệu"), str(exc))
    if code == SQLITE_NOTADB or "file is not a database" in text:
        return DatabaseCorrupt(database, check or _("đọc dữ liệu"), str(exc))
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseBusy(database)
    if code in (SQLITE_READONLY, SQLITE_PERM) or "readonly" in text:
        return StorageUnavailable(database, str(exc))
    if code == SQLITE_NOMEM:
        return StorageUnavailable(database, _("không đủ bộ nhớ"))
    return None


def open_failure(path: str | Path, exc: BaseException) -> StoreError:
    """Why a database could not be opened with its key: a full disk, a busy or unreadable file, else a wrong
    key (SQLCipher cannot tell a wrong key from a damaged first page)."""
    path = Path(path)
    cause = _root_cause(exc)
    if _sqlite_code(cause) == SQLITE_NOTADB or "file is not a database" in str(cause).lower():
        return WrongKey(str(path))  # the first page does not decrypt: a wrong key, or that page damaged
    known = describe(exc, path.parent, check=_("mở cơ sở dữ liệu bằng khóa của nó"))
    return known if known is not None else WrongKey(str(path))
