"""Vietnamese text folding for search and comparisons."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, drop tone and vowel marks, map đ/Đ to d, squeeze spaces.

    "Thủy", "thuỷ" and "THUY" all fold to "thuy"; "Đống Đa" folds to "dong da".
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped.lower()).strip()


def normalize_name(text: str | None) -> str:
    """NFC form with single spaces and each word capitalised (for people's names)."""
    if not text:
        return ""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text) if text else ""
