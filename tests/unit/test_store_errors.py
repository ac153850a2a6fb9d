"""One place turns a database or disk failure into a message (store/errors.py): by SQLite's error code,
raw sqlcipher3 errors and SQLAlchemy-wrapped ones alike, OS errors by errno."""

from __future__ import annotations

import errno

import pytest
import sqlcipher3
from sqlalchemy.exc import OperationalError

from desktop.store.errors import DatabaseBusy, DiskFull, StorageUnavailable, describe, format_size


def _full(tmp_path):
    conn = sqlcipher3.connect(str(tmp_path / "small.db"))
    conn.execute("PRAGMA key = 'k'")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlcipher3.DatabaseError) as full:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 200)
    conn.close()
    return full.value


def test_a_full_database_raw_or_wrapped_is_a_full_disk_with_the_space_needed(tmp_path):
    raw = _full(tmp_path)
    for exc in (raw, OperationalError("INSERT …", {}, raw)):
        said = describe(exc, tmp_path, needed=200 << 20)
        assert isinstance(said, DiskFull) and "đã đầy" in str(said) and "Cần giải phóng thêm khoảng" in str(said)
        assert "khóa giải mã" not in str(said)


def test_a_busy_database_and_os_errors(tmp_path):
    path = tmp_path / "busy.db"
    first = sqlcipher3.connect(str(path), timeout=0, isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    first.execute("BEGIN IMMEDIATE")
    second = sqlcipher3.connect(str(path), timeout=0, isolation_level=None)
    with pytest.raises(sqlcipher3.OperationalError) as locked:
        second.execute("BEGIN IMMEDIATE")
    first.execute("ROLLBACK")
    first.close()
    second.close()
    assert isinstance(describe(locked.value, tmp_path), DatabaseBusy)
    assert isinstance(describe(OSError(errno.ENOSPC, "No space left on device"), tmp_path), DiskFull)
    assert describe(OSError(errno.ENOENT, "No such file"), tmp_path) is None  # the caller names the file
    assert isinstance(describe(sqlcipher3.OperationalError("attempt to write a readonly database"), tmp_path),
                      StorageUnavailable)
    assert describe(ValueError("x"), tmp_path) is None


def test_sizes_for_people():
    assert format_size(5 * (1 << 20)) == "5 MB" and format_size(1536 << 20) == "1,5 GB" and format_size(12) == "12 byte"
