"""Help topics: short Markdown guides in resources/help/<lang>/, Vietnamese first."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import N_, current_language
from desktop.resources import resource


@dataclass(frozen=True)
class Topic:
    key: str
    title: str  # Vietnamese source text, shown through tr()


TOPICS: list[Topic] = [
    Topic("start", N_("Bắt đầu")),
    Topic("booth", N_("Điểm hỗ trợ (chế độ quầy)")),
    Topic("complaints", N_("Phản ánh, kiến nghị")),
    Topic("sync", N_("Đồng bộ")),
]

# F1 on a page opens the topic about that page.
PAGE_TOPICS = {"outreach": "booth", "complaints": "complaints", "sync": "sync"}


def topic_for_page(page_key: str | None) -> str:
    return PAGE_TOPICS.get(page_key or "", "start")


def topic_text(key: str, lang: str | None = None) -> str:
    """The topic's Markdown in `lang` (default: the current language), Vietnamese if missing."""
    lang = lang or current_language()
    for candidate in (lang, "vi"):
        path = resource("help", candidate, f"{key}.md")
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise KeyError(f"no help topic {key!r}")
