"""Vietnamese text folding for search and comparisons."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


# Folded words (names and addresses reuse a small vocabulary): bulk imports fold 100,000s.
_FOLDED_WORDS: dict[str, str] = {}


def fold(text: str | None) -> str:
    """Lower-case, drop tone and vowel marks, map đ/Đ to d, squeeze spaces.

    "Thủy", "thuỷ" and "THUY" all fold to "thuy"; "Đống Đa" folds to "dong da".
    Word by word (marks, đ and case never cross a space), each word's fold cached.
    """
    if not text:
        return ""
    out = []
    cache = _FOLDED_WORDS
    for word in text.split():
        folded = cache.get(word)
        if folded is None:
            folded = _fold_word(word)
            if len(cache) < 200_000:
                cache[word] = folded
        if folded:
            out.append(folded)
    return " ".join(out)


def normalize_name(text: str | None) -> str:
    """NFC form with single spaces and each word capitalised (for people's names)."""
    if not text:
        return ""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text) if text else ""
