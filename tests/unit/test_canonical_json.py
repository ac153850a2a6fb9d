"""The canonical JSON text of a record is one definition (#19 item 3): the fast encoder it uses for plain
payloads writes exactly what `json.dumps(sort_keys, ensure_ascii=False, compact)` writes, and whatever it
cannot write the same (floats, lone surrogates, nesting) goes the json module's way."""

from __future__ import annotations

import json
import random

import pytest

from desktop.sync.payload_rules import canonical


def reference(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


EVERY_CHARACTER = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF) + "😀\U0010ffff"


def test_every_character_in_values_and_keys_is_written_as_the_json_module_writes_it():
    for start in range(0, len(EVERY_CHARACTER), 512):
        chunk = EVERY_CHARACTER[start:start + 512]
        value = {"a": chunk, chunk: "khóa", "ghi_chú": "Đã sửa \"x\" \\ \n\t\b\f\r\x00\x1f\x7f \u2028\u2029"}
        assert canonical(value) == reference(value)
        assert canonical([chunk, None]) == reference([chunk, None])


@pytest.mark.parametrize("number", [0, 1, -1, 2**31 - 1, -2**31, 2**53 + 1, 2**63 - 1, -2**63, 2**64, -2**64 - 1, 10**40])
def test_integers_of_every_size_and_the_other_scalars(number):
    value = {"n": number, "t": True, "f": False, "z": None, "s": ""}
    assert canonical(value) == reference(value)


@pytest.mark.parametrize("value", [
    {"x": 1e16}, {"x": 1.5e-07}, {"x": 1e-05}, {"x": -0.0}, {"x": 21.0285}, {"x": float("nan")},
    {"x": float("inf")}, {"x": 1.7976931348623157e308}, [1.0, 2], {"x": [1, "a", {"b": 2, "a": 1}]},
    {"x": {"z": 1, "ă": 2, "a": None}}, {"x": "\ud800"}, ["\udfff"], {1: "a"}, {"x": (1, 2)},
])
def test_floats_nesting_surrogates_and_odd_keys_go_the_json_modules_way(value):
    assert canonical(value) == reference(value)


def test_random_payloads_are_written_the_same():
    rng = random.Random(19)
    alphabet = [chr(c) for c in range(0, 0x250)] + list("ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ😀")
    for _ in range(3000):
        payload = {}
        for _field in range(rng.randint(0, 40)):
            name = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
            kind = rng.random()
            payload[name] = ("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) if kind < 0.6
                             else rng.randint(-2**70, 2**70) if kind < 0.75 else rng.choice([True, False, None]))
        assert canonical(payload) == reference(payload)
