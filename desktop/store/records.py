"""Generic handling of synced record kinds: the registry and field values as plain data.

A new record kind only has to subclass `Base` and `SyncedRecord`; the change log and
sync find it here, with no code of their own per kind.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect

from desktop.store.base import Base, SyncedRecord


def record_kinds() -> dict[str, type[SyncedRecord]]:
    """Every mapped synced record class, by table name (the kind's wire name)."""
    import desktop.store.models  # noqa: F401  (registers every model)

    kinds = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, SyncedRecord):
            kinds[cls.__tablename__] = cls
    return dict(sorted(kinds.items()))


def kind_of(obj: SyncedRecord) -> str:
    return type(obj).__tablename__  # type: ignore[attr-defined]


def field_names(cls: type[SyncedRecord]) -> list[str]:
    """Columns that carry the record's content (not its bookkeeping)."""
    return [c.key for c in inspect(cls).column_attrs if c.key not in SyncedRecord.BOOKKEEPING]


def to_plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def record_fields(obj: SyncedRecord, names: list[str] | None = None) -> dict[str, Any]:
    """The record's content fields as JSON-ready values."""
    names = names if names is not None else field_names(type(obj))
    return {name: to_plain(getattr(obj, name)) for name in names}


def from_plain(cls: type[SyncedRecord], name: str, value: Any) -> Any:
    """Turn a JSON value back into the Python type of `cls.name`'s column."""
    if value is None:
        return None
    column = inspect(cls).columns[name]
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return value
    if python_type is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    return value
