"""Alembic migrations applied at start-up; a database newer than this app is refused.

Start-up fast path: when the database already stands at every head (the usual case),
the revisions are read straight from the version files and `alembic_version`, and
Alembic itself is never imported (it costs a quarter of a second on a slow laptop).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, text

from desktop.store.errors import DatabaseTooNew

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@lru_cache(maxsize=1)
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """revision -> its down revisions, read from the version files without importing them."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("[0-9]*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                if node.targets[0].id in ("revision", "down_revision"):
                    values[node.targets[0].id] = ast.literal_eval(node.value)
        down = values.get("down_revision")
        graph[str(values["revision"])] = tuple(down) if isinstance(down, (tuple, list)) else ((down,) if down else ())
    return graph


def known_revisions() -> set[str]:
    return set(_revision_graph())


def head_revisions() -> set[str]:
    graph = _revision_graph()
    parents = {p for downs in graph.values() for p in downs}
    return set(graph) - parents


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")).first()
        if not exists:  # an empty database
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def upgrade(engine: Engine, db_path: str) -> None:
    """Refuse unknown (newer) revisions, then bring the schema to every head."""
    current = current_revisions(engine)
    unknown = current - known_revisions()
    if unknown:
        raise DatabaseTooNew(db_path, ", ".join(sorted(unknown)))
    if current == head_revisions():
        return
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
