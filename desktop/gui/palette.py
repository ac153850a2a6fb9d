"""The app's colours, in one place: every colour by role, for the normal look and for high contrast.

Nothing else under desktop/gui writes a colour (tests/gui/test_palette.py greps for literals):
widgets name a style role (`appearance.set_role`) that the app style sheet colours from here;
item models return `brush(role)` from data(); charts ask `colour(role)` / `series_colours()`.
`Appearance.apply` tells this module which look is in force (`set_high_contrast`), so a model
asked again after the look changed answers in the new colours.

In high contrast every text/background pair reads at WCAG 4.5:1 or better (most at 7:1).
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

# role: (normal, high contrast). Values are style-sheet colours (also "palette(…)" where the
# normal look keeps the platform's own).
COLOURS: dict[str, tuple[str, str]] = {
    # text roles (set_role) and rich text (appearance.role_colour)
    "error": ("#b00020", "#ff6b6b"),
    "ok": ("#1b5e20", "#7dff9b"),
    "warning": ("#8a4b00", "#ffd400"),
    "hint": ("#555555", "#d0d0d0"),
    "link": ("#0a4fb3", "#7fd4ff"),
    # inputs and buttons
    "focus": ("#0a4fb3", "#ffd400"),  # dark blue 7:1 on white; yellow on black
    "border": ("palette(mid)", "#ffffff"),
    "check_border": ("#333333", "#ffffff"),
    # notices and the lock overlay
    "notice_background": ("#fff4e0", "#000000"),
    "notice_border": ("#e0a030", "#ffd400"),
    "overlay_background": ("#1f2d3d", "#000000"),
    "overlay_text": ("#ffffff", "#ffffff"),
    "overlay_error": ("#ffb4ab", "#ff6b6b"),
    "overlay_card": ("#2b3e52", "#000000"),
    # item models: rows and cells that stand out
    "overdue_background": ("#fde2e1", "#7a0000"),
    "overdue_text": ("#8a1c12", "#ffffff"),
    "unsure_background": ("#fff1c2", "#5c4a00"),
    "unsure_text": ("#000000", "#ffffff"),
    # charts (pyqtgraph)
    "chart_background": ("#ffffff", "#000000"),
    "chart_text": ("#333333", "#ffffff"),
    "chart_target": ("#c0392b", "#ff6b6b"),
}

# Chart series, in order: Tableau's calm colours on white; bright ones (≥ 7:1) on black.
SERIES: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"),
    ("#ffd400", "#7fd4ff", "#7dff9b", "#ff9e9e", "#ffffff", "#ffb366"),
)

# The high-contrast QPalette: white on black, yellow selection.
HIGH_CONTRAST = {
    "background": "#000000",
    "text": "#ffffff",
    "placeholder": "#a0a0a0",  # hints in empty fields must not look typed: grey, still 8:1 on black
    "highlight": "#ffd400",
    "link": "#7fd4ff",
    "mid": "#b0b0b0",
}

_state = {"high_contrast": False}


def set_high_contrast(on: bool) -> None:
    """The look in force (Appearance.apply calls this)."""
    _state["high_contrast"] = bool(on)


def high_contrast() -> bool:
    return _state["high_contrast"]


def colour_name(role: str, high_contrast_look: bool | None = None) -> str:
    """`role`'s colour in the look in force (or the one asked for) as a style-sheet value."""
    on = _state["high_contrast"] if high_contrast_look is None else high_contrast_look
    return COLOURS[role][1 if on else 0]


def colour(role: str, high_contrast_look: bool | None = None) -> QColor:
    return QColor(colour_name(role, high_contrast_look))


def brush(role: str) -> QBrush:
    """For an item model's data() (BackgroundRole / ForegroundRole)."""
    return QBrush(colour(role))


def series_colours(high_contrast_look: bool | None = None) -> list[QColor]:
    on = _state["high_contrast"] if high_contrast_look is None else high_contrast_look
    return [QColor(c) for c in SERIES[1 if on else 0]]


def high_contrast_colour(name: str) -> QColor:
    return QColor(HIGH_CONTRAST[name])
