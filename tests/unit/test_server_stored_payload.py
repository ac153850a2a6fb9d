"""The server reads a stored payload as the json module does, whichever parser reads it (server.records)."""

from __future__ import annotations

import json
import math

import pytest

from desktop.sync.payload_rules import canonical
from server.records import stored_payload


@pytest.mark.parametrize("value", [
    {"full_name": "Nguyễn Thị «Hoa»", "birth_year": 1950, "note": 'nói "xin chào"\n', "ok": True, "none": None},
    {"big": 123456789012345678901234567890, "negative": -9223372036854775809, "zero": -0.0, "tenth": 0.1,
     "third": 1 / 3, "list": [1, "hai", {"ba": [3.5]}]},
    {"nan": float("nan"), "inf": float("inf")},  # written by the json module as NaN and Infinity
])
def test_a_stored_payload_reads_as_the_json_module_reads_it(value):
    assert _differences(canonical(value)) == []


def test_an_escaped_lone_surrogate_reads_as_the_json_module_reads_it():
    """PostgreSQL holds no lone surrogate, but it holds the JSON escape of one (a payload written by another
    JSON encoder); both fast parsers refuse it."""
    assert _differences('{"lone":"\\ud800 nửa cặp","n":1}') == []


def _differences(text: str) -> list[str]:
    """The keys whose value (type, value, sign of zero; NaN as NaN) differs from what json.loads reads."""
    got, want = stored_payload(text), json.loads(text)
    if got.keys() != want.keys():
        return ["keys"]
    out = []
    for key, b in want.items():
        a = got[key]
        if type(a) is not type(b):
            out.append(key)
        elif isinstance(b, float):
            same = (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
            if not same:
                out.append(key)
        elif a != b:
            out.append(key)
    return out
