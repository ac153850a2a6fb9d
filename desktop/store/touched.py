"""Which kinds of records an operation changed, told by the data layer (the Anki way: an operation's
result carries what changed, and views refresh only that).

Every write session notes the tables its flushes touch (`install` hooks `before_flush`); bulk SQL
that goes around the ORM notes its kinds itself (`note`). When the session commits, the kinds go
to every collector open on that thread (`collecting()`); a rollback drops them. The GUI's task
runner opens one collector per background task and announces what it gathered."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterable, Iterator

from sqlalchemy import event
from sqlalchemy.orm import Session

_TOUCHED = "touched_kinds"
_local = threading.local()


def _collectors() -> list[set[str]]:
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


@contextmanager
def collecting() -> Iterator[set[str]]:
    """The kinds committed on this thread while the block runs (filled as commits happen)."""
    kinds: set[str] = set()
    stack = _collectors()
    stack.append(kinds)
    try:
        yield kinds
    finally:
        stack.remove(kinds)


def record(kinds: Iterable[str]) -> None:
    """Kinds changed outside a session's commit (a database replaced by a restore)."""
    kinds = set(kinds)
    for collector in _collectors():
        collector.update(kinds)


def note(session: Session, kinds: Iterable[str]) -> None:
    """Kinds this session writes with SQL the flush hook does not see; told on commit."""
    session.info.setdefault(_TOUCHED, set()).update(kinds)


def _on_flush(session: Session, _flush_context, _instances) -> None:
    kinds = {type(obj).__tablename__ for obj in (*session.new, *session.dirty, *session.deleted)
             if hasattr(type(obj), "__tablename__")}
    kinds.discard("change_log")  # bookkeeping of every write, not a kind a view shows
    if kinds:
        note(session, kinds)


def _on_commit(session: Session) -> None:
    kinds = session.info.pop(_TOUCHED, None)
    if kinds:
        record(kinds)


def _on_rollback(session: Session, _previous_transaction) -> None:
    session.info.pop(_TOUCHED, None)


def install(session_class: type[Session]) -> None:
    """Attach the hooks to a Session class (done once by the store)."""
    for name, fn in (("before_flush", _on_flush), ("after_commit", _on_commit),
                     ("after_soft_rollback", _on_rollback)):
        if not event.contains(session_class, name, fn):
            event.listen(session_class, name, fn)
