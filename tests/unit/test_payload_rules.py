"""The per-kind payload rules of the wire format (desktop/sync/protocol.py), shared by the server
and the laptop: they match the models, and they catch what broke the city view (issue #15, finding 3)."""

from __future__ import annotations

import pytest
from sqlalchemy import Boolean, Date, Float, Integer, String, Text, inspect

from desktop.store.base import UtcDateTime
from desktop.store.records import field_names, record_kinds
from desktop.sync import protocol as p

TYPES = {Integer: "int", Float: "float", Boolean: "bool", Date: "date", UtcDateTime: "datetime"}


def test_every_record_kind_has_rules_equal_to_its_model():
    rules = p.kind_rules()
    assert set(rules) == set(record_kinds())
    for kind, cls in record_kinds().items():
        assert set(rules[kind]) == set(field_names(cls)), kind
        for name in field_names(cls):
            column, rule = inspect(cls).columns[name], rules[kind][name]
            where = f"{kind}.{name}"
            expected = next((t for sa_type, t in TYPES.items() if isinstance(column.type, sa_type)), None)
            if expected is None:
                assert isinstance(column.type, (String, Text)), where
                assert rule.type in ("text", "id", "datetime"), where  # a datetime kept as its ISO text
                if rule.type == "datetime":
                    assert column.type.length >= 32, where
                elif isinstance(column.type, String) and not isinstance(column.type, Text):
                    assert rule.max_length == column.type.length, where
                else:
                    assert rule.max_length, f"{where}: a text column needs a limit"
            else:
                assert rule.type == expected, where
            assert rule.null == column.nullable, where
            has_default = column.default is not None
            assert rule.required == (not column.nullable and not has_default), where
            for fk in column.foreign_keys:
                assert rule.ref == fk.column.table.name, where


@pytest.mark.parametrize("field, value, code", [
    ("recorded_at", "not-a-date", "date"),
    ("recorded_at", "19", "date"),
    ("recorded_at", "", "date"),
    ("recorded_at", 20260101, "type"),
    ("accept_due_at", "2026-11-24T08:00:00", "timezone"),
    ("occurred_at", "2026-02-30T08:00:00+07:00", "date"),
    ("title", "x" * 201, "too_long"),
    ("status", "bay_gio", "choice"),
    ("anonymous", 1, "type"),
    ("reopen_count", True, "type"),
    ("latitude", 91.0, "range"),
    ("title", None, "null"),
])
def test_a_bad_value_is_named_with_its_field(field, value, code):
    payload = {"code": "PA-1", "kind": "k", "category": "c", "title": "Đèn hỏng", field: value}
    [problem] = p.payload_problems("complaint", payload, insert=True)
    assert (problem.field, problem.code) == (field, code)
    assert p.parse_reason(problem.reason) == problem


def test_published_on_must_be_a_calendar_date():
    base = {"title": "Tin", "published_on": "2026-11-24"}
    assert p.payload_problems("communication_item", base, insert=True) == []
    for bad in ("24/11/2026", "2026-11-24T00:00:00+07:00", 20261124, "0001-01-01"):
        [problem] = p.payload_problems("communication_item", dict(base, published_on=bad), insert=True)
        assert problem.field == "published_on"


def test_an_insert_must_carry_required_fields_an_update_only_what_it_changes():
    assert [x.reason for x in p.payload_problems("resident", {"notes": ""}, insert=True)] == ["full_name: missing"]
    assert p.payload_problems("resident", {"notes": ""}, insert=False) == []
    long_note = {"full_name": "A", "notes": "x" * (p.NOTE_MAX_CHARS + 1), "workplace": "y" * 500}
    assert [x.reason for x in p.payload_problems("resident", long_note, insert=False, fields=["notes"])] == [
        f"notes: too_long (max {p.NOTE_MAX_CHARS})"]


def test_a_newer_apps_fields_and_kinds_pass_but_not_odd_names_or_size():
    assert p.payload_problems("resident", {"full_name": "A", "zalo_id": {"x": 1}}, insert=True) == []
    assert p.payload_problems("kind_of_tomorrow", {"anything": [1, 2]}, insert=True) == []
    assert [x.code for x in p.payload_problems("resident", {"full_name": "A", "Bad Name": 1}, insert=True)] == ["name"]
    huge = {"full_name": "A", "extra": "đ" * 40_000}
    assert [x.reason for x in p.payload_problems("resident", huge, insert=True)] == [f"*: size (max {p.MAX_PAYLOAD_BYTES})"]
