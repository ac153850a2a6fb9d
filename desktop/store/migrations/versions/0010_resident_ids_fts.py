"""resident search: names and digits in two FTS5 tables; prefix indexes only on the names

Revision ID: 0010_resident_ids_fts
Revises: 0007_import_speed

0002 indexed the folded name and the phone/CCCD/CMND digits in one table with
prefix='1 2 3', so every digit token (the phone and each of its 4+-digit suffixes, CCCD,
CMND) also got three prefix entries: about 60 index entries a resident, although a digit
search always has 4+ digits. Now:

- `resident_fts(name)`: the folded name, prefix='1 2 3' (a name word is searched from its
  first letter);
- `resident_ids_fts(ids)`: the same digit tokens as before (`ids_expression` of 0002), no
  prefix indexes, detail='none' (every query term is one token: no phrases, no positions);
  only residents with a phone, CCCD or CMND have a row.

Both are contentless (content='', contentless_delete=1) and keyed by the resident's rowid:
search joins `resident.rowid`, nothing reads the indexed text back. The triggers keep their
names and the pause table `resident_fts_pause` (a row in it makes the insert trigger stand
aside while a bulk writer fills both tables set-based, with `index_insert_statements`).
"""
import importlib

from alembic import op


revision = '0010_resident_ids_fts'
down_revision = '0007_import_speed'
branch_labels = None
depends_on = None

_TOKENIZE_NAME = "tokenize='unicode61 remove_diacritics 2'"


def _ids_expression(row: str) -> str:
    return importlib.import_module("desktop.store.migrations.versions.0002_resident_search").ids_expression(row)


def has_ids(row: str) -> str:
    """SQL condition: the resident row alias has digits to index."""
    return f"({row}.phone IS NOT NULL OR {row}.cccd IS NOT NULL OR {row}.cmnd IS NOT NULL)"


def index_insert_statements(where: str) -> tuple[str, str]:
    """The statements adding the index rows of the live residents matching `where` (same rows as the triggers)."""
    return (
        "INSERT INTO resident_fts(rowid, name) "
        f"SELECT rowid, name_folded FROM resident WHERE deleted_at IS NULL AND ({where})",
        "INSERT INTO resident_ids_fts(rowid, ids) "
        f"SELECT rowid, {_ids_expression('resident')} FROM resident "
        f"WHERE deleted_at IS NULL AND {has_ids('resident')} AND ({where})",
    )


def _insert_new() -> str:
    return (
        "INSERT INTO resident_fts(rowid, name) SELECT NEW.rowid, NEW.name_folded WHERE NEW.deleted_at IS NULL; "
        f"INSERT INTO resident_ids_fts(rowid, ids) SELECT NEW.rowid, {_ids_expression('NEW')} "
        f"WHERE NEW.deleted_at IS NULL AND {has_ids('NEW')}; "
    )


def _drop_triggers() -> None:
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS resident_fts_{name}")


def upgrade() -> None:
    _drop_triggers()
    op.execute("DROP TABLE IF EXISTS resident_fts")
    op.execute(
        "CREATE VIRTUAL TABLE resident_fts USING fts5("
        f"name, prefix='1 2 3', content='', contentless_delete=1, {_TOKENIZE_NAME})"
    )
    op.execute(
        "CREATE VIRTUAL TABLE resident_ids_fts USING fts5("
        "ids, content='', contentless_delete=1, detail='none', tokenize='unicode61')"
    )
    for sql in index_insert_statements("1 = 1"):
        op.execute(sql)
    op.execute(
        "CREATE TRIGGER resident_fts_insert AFTER INSERT ON resident "
        "WHEN NEW.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM resident_fts_pause) BEGIN "
        f"{_insert_new()}"
        "END"
    )
    op.execute(
        "CREATE TRIGGER resident_fts_update AFTER UPDATE OF name_folded, phone, cccd, cmnd, deleted_at ON resident BEGIN "
        "DELETE FROM resident_fts WHERE rowid = OLD.rowid; "
        "DELETE FROM resident_ids_fts WHERE rowid = OLD.rowid; "
        f"{_insert_new()}"
        "END"
    )
    op.execute(
        "CREATE TRIGGER resident_fts_delete AFTER DELETE ON resident BEGIN "
        "DELETE FROM resident_fts WHERE rowid = OLD.rowid; "
        "DELETE FROM resident_ids_fts WHERE rowid = OLD.rowid; "
        "END"
    )


def downgrade() -> None:
    """Back to 0002's single table (names and digits, prefix indexes on both): 0002's own objects
    are dropped and made again by its upgrade (the pause table is empty outside a transaction)."""
    m0002 = importlib.import_module("desktop.store.migrations.versions.0002_resident_search")
    _drop_triggers()
    op.execute("DROP TABLE IF EXISTS resident_ids_fts")
    m0002.downgrade()
    m0002.upgrade()
