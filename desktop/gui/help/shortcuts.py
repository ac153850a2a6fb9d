"""The shortcut list, collected at run time from the window's actions so it never goes stale."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

from desktop.gui.i18n import tr


@dataclass(frozen=True)
class ShortcutEntry:
    section: str  # "Chung" or the page's title
    action: str
    keys: str  # as shown on this platform, several separated by ", "


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\t")[0].strip()


def _keys(sequences: list[QKeySequence]) -> str:
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()]
    return ", ".join(dict.fromkeys(t for t in texts if t))


def _section(obj, page_titles: dict[QWidget, str]) -> str:
    node = obj.parent()
    while node is not None:
        if node in page_titles:
            return page_titles[node]
        node = node.parent()
    return tr("Chung")


def collect_shortcuts(window: QWidget, page_titles: dict[QWidget, str] | None = None) -> list[ShortcutEntry]:
    """Every QAction, described QShortcut and button under `window` that has a key and a name.

    `page_titles` maps page widgets to their titles, so a page's own shortcuts are listed
    under that page. Window-wide shortcuts come first.
    """
    page_titles = page_titles or {}
    entries: list[ShortcutEntry] = []
    seen: set[tuple[str, str]] = set()
    actions = list(window.actions()) + [a for a in window.findChildren(QAction) if a not in window.actions()]
    for action in actions:
        keys, name = _keys(action.shortcuts()), _clean(action.text())
        if keys and name and (name, keys) not in seen:
            seen.add((name, keys))
            entries.append(ShortcutEntry(_section(action, page_titles), name, keys))
    for shortcut in window.findChildren(QShortcut):
        keys, name = _keys(shortcut.keys()), _clean(shortcut.whatsThis())
        if keys and name and (name, keys) not in seen:
            seen.add((name, keys))
            entries.append(ShortcutEntry(_section(shortcut, page_titles), name, keys))
    for button in window.findChildren(QAbstractButton):  # buttons with their own key, e.g. "Đăng ký mới (Ctrl+N)"
        keys, name = _keys([button.shortcut()]), _clean(button.text())
        name = re.sub(r"\s*\([^()]*\)$", "", name) if keys and name.endswith(")") else name
        if keys and name and (name, keys) not in seen and not keys.startswith("Alt+"):  # Alt+letter: the underlined mnemonic
            seen.add((name, keys))
            entries.append(ShortcutEntry(_section(button, page_titles), name, keys))
    general = tr("Chung")
    return sorted(entries, key=lambda e: e.section != general)  # stable: keeps each section's order
