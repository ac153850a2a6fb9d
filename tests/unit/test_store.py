"""The encrypted store: migrations, encryption at rest, refusals with clear messages."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from desktop.data_folder import DataFolder
from desktop.services.context import open_context
from desktop.store import keys, migrate
from desktop.store.errors import DatabaseTooNew, KeyringUnavailable, MissingKey, WrongKey
from desktop.store.models import Resident


def test_migrations_from_empty_reach_every_head(bare_ctx):
    assert migrate.current_revisions(bare_ctx.store.writer) == migrate.head_revisions()
    tables = set(inspect(bare_ctx.store.reader).get_table_names())
    assert {"change_log", "ward_profile", "residential_group", "resident"} <= tables


def test_wal_and_full_sync(bare_ctx):
    with bare_ctx.store.reader.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_file_is_encrypted_and_planted_name_not_in_bytes(data_dir):
    planted = "Phùng Thị Planted Xuyến"
    ctx = open_context(str(data_dir))
    with ctx.write() as s:
        for i in range(50):
            s.add(Resident(full_name=planted, name_folded="phung thi planted xuyen", cccd=f"0012{i:08d}"))
    ctx.close()
    folder = DataFolder.resolve(str(data_dir))
    raw = folder.database.read_bytes()
    assert not raw.startswith(b"SQLite format 3\x00")
    for f in folder.root.glob("tocds.db*"):
        blob = f.read_bytes()
        for needle in (planted, "planted", "001200000007"):
            assert needle.encode("utf-8") not in blob, f"{needle} found in {f.name}"
    # and it reads back through the app
    ctx = open_context(str(data_dir))
    with ctx.read() as s:
        assert s.query(Resident).filter_by(full_name=planted).count() == 50
    ctx.close()


def test_newer_schema_is_refused_with_clear_message(data_dir):
    ctx = open_context(str(data_dir))
    with ctx.store.writer.begin() as conn:
        # a later app version added a revision this one has never heard of
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_from_the_future')"))
    ctx.close()
    with pytest.raises(DatabaseTooNew) as err:
        open_context(str(data_dir))
    assert "phiên bản mới hơn" in str(err.value)
    assert "cập nhật ứng dụng" in str(err.value).lower()


def test_wrong_key_gives_message_not_raw_error(data_dir):
    open_context(str(data_dir)).close()
    folder = DataFolder.resolve(str(data_dir))
    keys.set_secret(keys.db_key_name(folder.key_id), keys.new_database_key())
    with pytest.raises(WrongKey) as err:
        open_context(str(data_dir))
    message = str(err.value)
    assert "file is not a database" not in message
    assert "khóa giải mã không đúng" in message and "khôi phục" in message


def test_missing_key_gives_message(data_dir):
    open_context(str(data_dir)).close()
    folder = DataFolder.resolve(str(data_dir))
    keys.delete_secret(keys.db_key_name(folder.key_id))
    with pytest.raises(MissingKey) as err:
        open_context(str(data_dir))
    assert "không tìm thấy khóa" in str(err.value)
    assert folder.database.stat().st_size > 0  # nothing was overwritten


def test_no_keyring_backend_is_explained_and_nothing_written(data_dir, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    with pytest.raises(KeyringUnavailable) as err:
        open_context(str(data_dir))
    assert "PYTHON_KEYRING_BACKEND" in str(err.value)
    assert not DataFolder.resolve(str(data_dir)).database.exists()


def test_unimportable_keyring_backend_is_explained(data_dir, monkeypatch):
    import keyring

    def broken():
        raise ModuleNotFoundError("no module named nowhere")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    with pytest.raises(KeyringUnavailable):
        open_context(str(data_dir))


def test_two_data_folders_have_separate_keys_and_files(tmp_path):
    a = open_context(str(tmp_path / "a"))
    b = open_context(str(tmp_path / "b"))
    try:
        assert a.folder.key_id != b.folder.key_id
        assert keys.get_secret(keys.db_key_name(a.folder.key_id)) != keys.get_secret(keys.db_key_name(b.folder.key_id))
        with a.write() as s:
            s.add(Resident(full_name="Chỉ ở A"))
        with b.read() as s:
            assert s.query(Resident).count() == 0
        for sub in ("attachments", "backups", "logs"):
            assert (tmp_path / "a" / sub).is_dir()
    finally:
        a.close()
        b.close()


def test_env_var_and_flag_choose_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TOCDS_DATA_DIR", str(tmp_path / "from-env"))
    assert DataFolder.resolve().root == (tmp_path / "from-env").resolve()
    assert DataFolder.resolve(str(tmp_path / "flag")).root == (tmp_path / "flag").resolve()
    monkeypatch.delenv("TOCDS_DATA_DIR")
    assert "tocds-desktop" in str(DataFolder.resolve().root)


def _autocheckpoint(store) -> int:
    with store.writer.connect() as conn:
        return conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()


def test_bulk_write_leaves_the_wal_to_a_background_checkpoint(bare_ctx):
    """A bulk write's commit does not copy the WAL into the database file; a helper thread does, after."""
    store = bare_ctx.store
    db = store.folder.database
    assert _autocheckpoint(store) == 1000
    size_before = db.stat().st_size
    sizes = []  # the database file's size when the background checkpoint starts, and when it is done
    original = store._checkpoint
    store._checkpoint = lambda: (sizes.append(db.stat().st_size), original(), sizes.append(db.stat().st_size))
    with store.write(background_checkpoint=True) as s:
        assert s.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        for i in range(1500):  # > 1000 WAL pages: a normal commit would checkpoint right away
            s.add(Resident(full_name=f"Người Thứ {i}", name_folded=f"nguoi thu {i}", notes="x" * 3000))
    store.wait_for_checkpoint()
    grown = size_before + 1500 * 3000
    assert sizes[0] < grown < sizes[1]  # not copied by the commit; copied by the helper thread
    assert _autocheckpoint(store) == 1000  # the writer connection is back to the default
    with store.read() as s:
        assert s.query(Resident).count() == 1500


def test_failed_bulk_write_restores_the_automatic_checkpoint(bare_ctx):
    store = bare_ctx.store
    with pytest.raises(RuntimeError):
        with store.write(background_checkpoint=True) as s:
            s.add(Resident(full_name="Hồ Văn Lỗi"))
            s.flush()
            raise RuntimeError("disk full")
    assert store._checkpointer is None
    assert _autocheckpoint(store) == 1000
    with store.read() as s:
        assert s.query(Resident).count() == 0
