"""App-wide readability: text size (Ctrl+Plus / Ctrl+Minus / Ctrl+0, remembered as
`font_scale`), a clearly visible keyboard focus, a high-contrast palette, the app icon.

One `Appearance` per app context (`appearance_for(gui)`); it changes the QApplication
font and style sheet, so every window and dialog follows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QStyleFactory, QWidget

from desktop.gui import palette
from desktop.gui.i18n import tr
from desktop.resources import resource
from desktop.settings import Settings

MIN_SCALE, MAX_SCALE, STEP = 0.8, 2.0, 0.1

# Inputs get a fixed border in both states so focus changes colour and width only. The file dialog's
# icon buttons are 22 px square: the buttons' padding would leave no room for their icons.
_STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QDateEdit, QDateTimeEdit, QComboBox {{
    border: 1px solid {border}; border-radius: 3px; padding: 2px 4px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus,
QDateEdit:focus, QDateTimeEdit:focus, QComboBox:focus {{
    border: {width}px solid {focus}; padding: {pad_v}px {pad_h}px; }}
QSpinBox, QDoubleSpinBox, QDateEdit, QDateTimeEdit {{ padding-right: 18px; }}
QSpinBox::up-button, QDoubleSpinBox::up-button, QDateEdit::up-button, QDateTimeEdit::up-button {{
    subcontrol-origin: border; subcontrol-position: top right; width: 16px; border-left: 1px solid {border}; }}
QSpinBox::down-button, QDoubleSpinBox::down-button, QDateEdit::down-button, QDateTimeEdit::down-button {{
    subcontrol-origin: border; subcontrol-position: bottom right; width: 16px; border-left: 1px solid {border}; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow, QDateEdit::up-arrow, QDateTimeEdit::up-arrow {{
    image: url("{arrow_up}"); width: 9px; height: 6px; }}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow, QDateEdit::down-arrow, QDateTimeEdit::down-arrow,
QComboBox::down-arrow {{ image: url("{arrow_down}"); width: 9px; height: 6px; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: top right; width: 18px;
    border-left: 1px solid {border}; }}
QPushButton, QToolButton {{ border: 1px solid {border}; border-radius: 4px; padding: 4px 12px;
    background: palette(button); color: palette(button-text); }}
QPushButton:hover, QToolButton:hover {{ border-color: {focus}; }}
QPushButton:pressed, QToolButton:pressed {{ background: palette(mid); }}
QPushButton:default {{ border-width: 2px; padding: 3px 11px; }}
QPushButton:focus, QToolButton:focus {{ border: {width}px solid {focus}; padding: {btn_pad_v}px {btn_pad_h}px; }}
QPushButton:disabled, QToolButton:disabled {{ color: palette(mid); }}
QFileDialog QToolButton, QFileDialog QToolButton:focus {{ padding: 0px; }}
QListView, QTreeView, QTableView, QTextBrowser {{ border: 1px solid {border}; }}
QListView:focus, QTreeView:focus, QTableView:focus, QTextBrowser:focus {{ border: {width}px solid {focus}; }}
QCheckBox, QRadioButton {{ border: {width}px solid transparent; border-radius: 3px; padding: 1px 3px; }}
QCheckBox:focus, QRadioButton:focus {{ border: {width}px solid {focus}; }}
QCheckBox::indicator {{ width: 14px; height: 14px; border: 1px solid {text}; border-radius: 2px; background: palette(base); }}
QCheckBox::indicator:checked {{ image: url("{check}"); }}
QCheckBox::indicator:disabled {{ border-color: palette(mid); }}
QLabel[role="error"] {{ color: {error}; font-weight: bold; }}
*[role="ok"] {{ color: {ok}; }}
*[role="warning"] {{ color: {warning}; font-weight: bold; }}
*[role="hint"] {{ color: {hint}; }}
*[role="link"] {{ color: {link}; font-weight: bold; }}
*[role="counter"] {{ font-weight: bold; color: {link}; }}
*[textsize="heading"] {{ font-size: {heading_pt}pt; font-weight: bold; }}
*[textsize="large"] {{ font-size: {large_pt}pt; }}
*[textsize="big"] {{ font-size: {big_pt}pt; }}
*[textsize="huge"] {{ font-size: {huge_pt}pt; font-weight: bold; }}
QFrame[role="notice"] {{ background: {notice_bg}; border: 1px solid {notice_border}; }}
QFrame#lockOverlay {{ background: {overlay_bg}; }}
QFrame#lockOverlay QLabel {{ color: {overlay_text}; }}
QFrame#lockOverlay QLabel[role="error"] {{ color: {overlay_error}; font-weight: bold; }}
QFrame#lockCard {{ background: {card_bg}; border-radius: 8px; }}
QTabBar::tab:focus {{ border: {width}px solid {focus}; }}
*[invalid="true"] {{ border: {width}px solid {error}; }}
"""


def clamp_scale(value: float) -> float:
    return round(min(MAX_SCALE, max(MIN_SCALE, float(value))), 2)


def system_prefers_high_contrast() -> bool:
    hints = QGuiApplication.styleHints()
    try:
        return hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    except AttributeError:  # older Qt: no accessibility hints
        return False


def high_contrast_palette() -> QPalette:
    """White on black, yellow selection: readable for low vision and in bright sun."""
    hc = palette.high_contrast_colour
    black, white, yellow, grey = hc("background"), hc("text"), hc("highlight"), hc("mid")
    pal = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button,
                 QPalette.ColorRole.AlternateBase, QPalette.ColorRole.ToolTipBase):
        pal.setColor(role, black)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText, QPalette.ColorRole.BrightText):
        pal.setColor(role, white)
    # Hints in empty fields must not look like typed values: grey, still 8:1 on black.
    pal.setColor(QPalette.ColorRole.PlaceholderText, hc("placeholder"))
    pal.setColor(QPalette.ColorRole.Highlight, yellow)
    pal.setColor(QPalette.ColorRole.HighlightedText, black)
    pal.setColor(QPalette.ColorRole.Link, hc("link"))
    pal.setColor(QPalette.ColorRole.Mid, grey)
    pal.setColor(QPalette.ColorRole.Dark, grey)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return pal


def role_colour(role: str) -> str:
    """The colour of `role` in the look in force, for rich text (which style sheets do not reach)."""
    return palette.colour_name(role)


def style_sheet(high_contrast: bool, point_size: float = 10.0) -> str:
    """The one app style sheet. Widgets never carry colours of their own: they name a role
    (`set_role(label, "error")`) and this sheet colours it, so high contrast reaches them too."""
    width = 3 if high_contrast else 2

    def c(role: str) -> str:
        return palette.colour_name(role, high_contrast)

    return _STYLE.format(
        ok=c("ok"),
        warning=c("warning"),
        hint=c("hint"),
        link=c("link"),
        notice_bg=c("notice_background"),
        notice_border=c("notice_border"),
        overlay_bg=c("overlay_background"),
        overlay_text=c("overlay_text"),
        overlay_error=c("overlay_error"),
        card_bg=c("overlay_card"),
        heading_pt=round(point_size * 1.2, 1),
        large_pt=round(point_size * 1.3, 1),
        big_pt=round(point_size * 1.5, 1),
        huge_pt=round(point_size * 2.2, 1),
        border=c("border"),
        focus=c("focus"),
        width=width,
        error=c("error"),
        text=c("check_border"),
        check=resource("icons", "check-light.svg" if high_contrast else "check.svg").as_posix(),
        arrow_up=resource("icons", "arrow-up-light.svg" if high_contrast else "arrow-up.svg").as_posix(),
        arrow_down=resource("icons", "arrow-down-light.svg" if high_contrast else "arrow-down.svg").as_posix(),
        pad_v=max(0, 2 - (width - 1)),
        pad_h=max(0, 4 - (width - 1)),
        btn_pad_v=max(0, 4 - (width - 1)),
        btn_pad_h=max(0, 12 - (width - 1)),
    )


class _LookFollower(QObject):
    def __init__(self, widget: QWidget, redraw):
        super().__init__(widget)
        self.redraw = redraw
        self.look = palette.high_contrast()
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange, QEvent.Type.Show) \
                and palette.high_contrast() != self.look:
            self.look = palette.high_contrast()
            self.redraw()
        return False


def follow_look(widget: QWidget, redraw) -> None:
    """Call `redraw()` when high contrast goes on or off: rich text coloured with `role_colour`
    (which the style sheet does not reach) is written again in the new look's colours."""
    _LookFollower(widget, redraw)


def set_role(widget: QWidget, role: str | None = None, size: str | None = None) -> None:
    """Give `widget` a style role (colour: "error", "ok", "warning", "hint", "link", "counter"; "" for
    none) and/or a text size ("heading", "large", "big", "huge", relative to the app's text size),
    both drawn by the app style sheet, and re-polish it so the change shows at once."""
    changed = False
    for name, value in (("role", role), ("textsize", size)):
        if value is not None and (widget.property(name) or "") != value:
            widget.setProperty(name, value)
            changed = True
    if not changed:
        return
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource("icons", f"tocds-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    svg = resource("icons", "tocds.svg")
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


_platform: dict[str, object] = {}


def _platform_look() -> tuple[float, QPalette, str]:
    """The font size, palette and style the platform gave, remembered before we change them."""
    app = QApplication.instance()
    if _platform.get("app") is not app:
        size = app.font().pointSizeF()
        style = app.style().name() or "Fusion"
        _platform.update(app=app, size=size if size > 0 else 10.0, palette=QPalette(app.palette()), style=style,
                         style_in_use=style)
    return float(_platform["size"]), QPalette(_platform["palette"]), str(_platform["style"])


def _use_style(app: QApplication, name: str) -> None:
    """Switch the widget style only when it really changes, with no style sheet in force.

    Under an app style sheet `app.style()` is Qt's style-sheet wrapper whose name() is "", so
    comparing names re-created the style on every save and every Ctrl+Plus; replacing the style
    under a live style sheet while widgets are polished by it crashed in libQt6Widgets (issue 17).
    We remember the style we set instead, and swap it only between two sheets."""
    if str(_platform.get("style_in_use", "")).lower() == name.lower():
        return
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet("")
    app.setStyle(QStyleFactory.create(name))
    _platform["style_in_use"] = name
    if sheet:
        app.setStyleSheet(sheet)


def reset_appearance() -> None:
    """Back to the platform's look (tests; a fresh window applies the saved one again)."""
    app = QApplication.instance()
    if app is None or _platform.get("app") is not app:
        return
    size, platform_palette, style = _platform_look()
    app.setStyleSheet("")
    _use_style(app, style)
    app.setPalette(platform_palette)
    palette.set_high_contrast(False)
    font = app.font()
    font.setPointSizeF(size)
    app.setFont(font)


class Appearance(QObject):
    """Applies the remembered text size and contrast to the whole application."""

    scale_changed = Signal(float)

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.base_point_size, self._default_palette, self._default_style = _platform_look()

    @property
    def scale(self) -> float:
        return clamp_scale(self.settings.get("font_scale"))

    @property
    def high_contrast(self) -> bool:
        return bool(self.settings.get("high_contrast")) or system_prefers_high_contrast()

    def apply(self) -> None:
        app = QApplication.instance()
        font = app.font()
        font.setPointSizeF(self.base_point_size * self.scale)
        app.setFont(font)
        forced = bool(self.settings.get("high_contrast"))
        _use_style(app, "Fusion" if forced else self._default_style)
        palette.set_high_contrast(self.high_contrast)  # before the change events: models and charts ask it
        app.setPalette(high_contrast_palette() if forced else self._default_palette)
        sheet = style_sheet(self.high_contrast, font.pointSizeF())
        if app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        icon = app_icon()
        if not icon.isNull():
            app.setWindowIcon(icon)

    def set_scale(self, value: float) -> float:
        value = clamp_scale(value)
        if value != self.scale:
            self.settings.set("font_scale", value)
        self.apply()
        self.scale_changed.emit(value)
        return value

    def set_high_contrast(self, on: bool) -> None:
        if bool(self.settings.get("high_contrast")) != on:
            self.settings.set("high_contrast", on)
        self.apply()

    def bigger(self) -> float:
        return self.set_scale(self.scale + STEP)

    def smaller(self) -> float:
        return self.set_scale(self.scale - STEP)

    def reset(self) -> float:
        return self.set_scale(1.0)


def appearance_for(gui) -> Appearance:
    """The one Appearance of this app context, made and applied on first use."""
    existing = gui.appearance
    if existing is None:
        existing = Appearance(gui.app.settings, QApplication.instance())
        gui.appearance = existing
        existing.apply()
    return existing


def install_appearance(window: QMainWindow) -> Appearance:
    """Apply the remembered look and add the text-size actions (with a View menu) to `window`."""
    appearance = appearance_for(window.gui)
    window.setWindowIcon(app_icon())
    menu = window.menuBar().addMenu(tr("&Xem"))
    menu.setObjectName("viewMenu")
    for name, text, keys, slot in (
        ("zoomInAction", tr("Chữ to hơn"), [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")], appearance.bigger),
        ("zoomOutAction", tr("Chữ nhỏ hơn"), [QKeySequence(QKeySequence.StandardKey.ZoomOut)], appearance.smaller),
        ("zoomResetAction", tr("Cỡ chữ mặc định"), [QKeySequence("Ctrl+0")], appearance.reset),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, fn=slot: fn())
        menu.addAction(action)
    return appearance
