"""Translations for text shown outside Qt widgets (CLI, service messages).

Source strings are Vietnamese (the default language). English comes from the same
Qt Linguist catalogue the GUI loads (`resources/translations/tocds_en.ts`), read here
with the standard library so the CLI and services need no Qt.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import lru_cache

from desktop.resources import resource

CONTEXT = "tocds"
LANGUAGES = ("vi", "en")
_language: str | None = None


def detect_language() -> str:
    """`TOCDS_LANG`, then `LANG`/`LC_ALL`/`LANGUAGE`; Vietnamese unless English is asked for."""
    for var in ("TOCDS_LANG", "LC_ALL", "LANGUAGE", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def set_language(lang: str | None) -> None:
    global _language
    _language = lang if lang in LANGUAGES else None


def current_language() -> str:
    return _language or detect_language()


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> dict[str, str]:
    path = resource("translations", f"tocds_{lang}.ts")
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source and translation is not None and translation.text and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            out[source] = translation.text
    return out


def _(text: str) -> str:
    """Translate a Vietnamese source string into the current language."""
    lang = current_language()
    if lang == "vi":
        return text
    return _catalogue(lang).get(text, text)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now (tables of labels)."""
    return text


def in_every_language(text: str) -> set[str]:
    """A Vietnamese source string and its translation in every language the app has: what a file
    the app wrote in any language may say (its own headers and labels, read back)."""
    return {text} | {_catalogue(lang).get(text, text) for lang in LANGUAGES if lang != "vi"}
