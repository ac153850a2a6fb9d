"""The JSON text a push's rows go to PostgreSQL in (`server.setwise.rows_json`): written by msgspec, it reads
back as the json module's text does, for every kind of text a payload holds; floats and lone surrogates go the
json module's way (msgspec would write NaN as null, and refuses a lone surrogate)."""

from __future__ import annotations

import json
import math

from server.setwise import rows_json

TEXTS = ["Nguyễn Thị \"Thuỷ\" \\ Hoà", "dòng 1\ndòng 2\t👍", "\x00\x1f\x7f", "</script>", "", "\u2028\u2029",
         json.dumps({"a": "b\"c"}, ensure_ascii=False)]


def test_rows_read_back_as_the_json_modules_text_does():
    rows = [["resident", text, 2**40 + i, i % 2 == 0, None] for i, text in enumerate(TEXTS)]
    written = rows_json(rows)
    assert json.loads(written) == rows == json.loads(json.dumps(rows, ensure_ascii=False))
    assert "\\u" not in written.replace("\\u0000", "").replace("\\u001f", "")  # Vietnamese as it is, not escaped


def test_a_float_or_a_lone_surrogate_goes_the_json_modules_way():
    with_nan = [["resident", 1.5, math.nan, 1e16]]
    written = rows_json(with_nan)
    assert written == json.dumps(with_nan, ensure_ascii=False, separators=(",", ":"))
    assert "NaN" in written  # PostgreSQL refuses it, as before, instead of storing null
    lone = [["resident", "a\ud800b"]]
    assert rows_json(lone) == json.dumps(lone, ensure_ascii=False, separators=(",", ":"))
