"""Layout pieces that keep screens inside a small laptop's screen at any text size.

- `ResponsiveSplitter`: side by side when there is room, one above the other below a width
  measured in characters (so the switch follows the text size).
- `remember_splitter`: a splitter's sizes kept in one declared setting.
- `fit_columns`: table column widths from sample texts in the table's font, re-measured when the
  text size changes (a phone or CCCD never ends in "…").
- `shrinkable`: a combo box that may be narrower than its longest entry.
- `vertical_scroll`: a tall panel that scrolls up and down inside a short window.
- `FlowLayout`: a row of buttons or filters that wraps onto the next line instead of widening.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QWidget,
)

from desktop.settings import Settings


_SAMPLE = "Nguyễn Thị Thanh Hương, Tổ dân phố số 2"


def char_width(metrics: QFontMetrics) -> float:
    """The width of an average character of Vietnamese text (the font's own average is narrower)."""
    return metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE)


class ResponsiveSplitter(QSplitter):
    """Horizontal when at least `side_by_side_chars` average characters wide, else vertical."""

    def __init__(self, side_by_side_chars: int, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.side_by_side_chars = side_by_side_chars
        self.setChildrenCollapsible(False)

    def breakpoint(self) -> int:
        return round(char_width(self.fontMetrics()) * self.side_by_side_chars)

    def resizeEvent(self, event) -> None:
        want = Qt.Orientation.Horizontal if event.size().width() >= self.breakpoint() else Qt.Orientation.Vertical
        if self.orientation() != want:
            self.setOrientation(want)
        super().resizeEvent(event)


def remember_splitter(splitter: QSplitter, settings: Settings, key: str) -> None:
    """Restore `splitter`'s sizes from the setting `key` and save them whenever a handle moves."""
    saved = settings.get(key)
    if saved:
        splitter.restoreState(QByteArray.fromBase64(saved.encode("ascii")))

    def save(*_args) -> None:
        settings.set(key, bytes(splitter.saveState().toBase64()).decode("ascii"))

    splitter.splitterMoved.connect(save)


class _ColumnFitter(QObject):
    def __init__(self, view: QTableView, samples: dict[int, str]):
        super().__init__(view)
        self.view = view
        self.samples = samples
        view.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        bold_font = QFont(self.view.font())
        bold_font.setBold(True)  # overdue rows are bold
        metrics = QFontMetrics(bold_font)
        header = self.view.horizontalHeader()
        pad = 2 * self.view.style().pixelMetric(self.view.style().PixelMetric.PM_FocusFrameHMargin) + 16
        for col, sample in self.samples.items():
            title = self.view.model().headerData(col, Qt.Orientation.Horizontal) if self.view.model() else ""
            head = header.fontMetrics().horizontalAdvance(str(title or "")) + 24
            self.view.setColumnWidth(col, max(metrics.horizontalAdvance(sample) + pad, head))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False


def fit_columns(view: QTableView, samples: dict[int, str]) -> None:
    """Column `col` as wide as `samples[col]` (a typical longest value) in the view's font, kept so."""
    _ColumnFitter(view, samples)


class _ComboFloor(QObject):
    """Keeps a combo box's minimum width at `chars` characters of its current font.

    Qt caches a combo's minimum size hint from its longest entry and does not drop it when the
    adjust policy changes, so the floor is set explicitly (and again when the text size changes)."""

    def __init__(self, combo: QComboBox, chars: int):
        super().__init__(combo)
        self.combo = combo
        self.chars = chars
        combo.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        metrics = self.combo.fontMetrics()
        self.combo.setMinimumWidth(metrics.averageCharWidth() * self.chars + metrics.height() + 24)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.combo and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False


def shrinkable(combo: QComboBox, chars: int = 10) -> QComboBox:
    """`combo` may be as narrow as `chars` characters (its list still shows entries in full)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    if combo.findChild(_ComboFloor) is None:
        _ComboFloor(combo, chars)
    return combo


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """`widget` at width×height, or as much of it as its screen's available area allows."""
    screen = widget.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 16), min(height, area.height() - 48)
    widget.resize(width, height)


def vertical_scroll(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` in a frameless scroll area: as wide as the area, scrolling only when too tall."""
    scroll = QScrollArea(parent)
    scroll.setObjectName(f"{content.objectName() or 'panel'}Scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(content)
    return scroll


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line when the width runs out (Qt's flow layout
    example). `addStretch` is accepted for QHBoxLayout compatibility and does nothing."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self, _stretch: int = 0) -> None:
        pass

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if parent else 6

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        gap = max(self._gap(), 4)
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


def wrap_policy(widget: QWidget) -> None:
    """A widget holding a FlowLayout: its height follows its width."""
    policy = widget.sizePolicy()
    policy.setHeightForWidth(True)
    policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
    widget.setSizePolicy(policy)
