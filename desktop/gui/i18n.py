"""Qt side of translations: `tr()` for every visible string, and the translator install.

Source strings are Vietnamese, context "tocds" (one catalogue shared with the CLI).
English comes from resources/translations/tocds_en.qm when built (build/translations.py),
otherwise straight from the .ts source through the same catalogue the CLI reads.
"""

from __future__ import annotations

import json
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core import i18n as core_i18n
from desktop.resources import resource

CONTEXT = core_i18n.CONTEXT


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class CatalogueTranslator(QTranslator):
    """Serves the .ts catalogue when no compiled .qm is present (running from a fresh checkout)."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self._messages = core_i18n._catalogue(lang)

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None (a null QString) means "not translated here": an empty string would
        # replace Qt's own texts (e.g. "%1+%2" in key names) with nothing.
        if context != CONTEXT:
            return None
        return self._messages.get(source_text)

    def isEmpty(self) -> bool:
        return not self._messages


@lru_cache(maxsize=1)
def qt_catalogue() -> dict[str, dict[str, str]]:
    """Vietnamese for Qt's own texts by context and source (resources/translations/qt_vi.json)."""
    data = json.loads(resource("translations", "qt_vi.json").read_text(encoding="utf-8"))
    return {context: texts for context, texts in data.items() if isinstance(texts, dict)}


class QtTextsTranslator(QTranslator):
    """Qt's standard buttons, message boxes, file dialog and edit menus in Vietnamese: Qt ships
    no qtbase_vi.qm, so these come from our own catalogue (and win over one that may come later)."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return qt_catalogue().get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return False


def _qt_translators(app) -> list[QTranslator]:
    """Qt's own Vietnamese: qtbase_vi.qm from Qt's translations folder when there is one (the
    bundle ships it), then ours on top (installed last, asked first)."""
    found: list[QTranslator] = []
    qtbase = QTranslator(app)
    if qtbase.load("qtbase_vi", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        found.append(qtbase)
    found.append(QtTextsTranslator(app))
    return found


_installed: list[QTranslator] = []


def install_language(lang: str) -> str:
    """Install the translator for `lang` ("vi" needs none: sources are Vietnamese)."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = lang if lang in core_i18n.LANGUAGES else "vi"
    core_i18n.set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English))
    if lang == "vi":
        for translator in _qt_translators(app):
            app.installTranslator(translator)
            _installed.append(translator)
        return lang
    translator: QTranslator = QTranslator(app)
    qm, ts = resource("translations", f"tocds_{lang}.qm"), resource("translations", f"tocds_{lang}.ts")
    fresh = qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime)  # a stale .qm misses new strings
    if not (fresh and translator.load(str(qm))):
        translator = CatalogueTranslator(lang, app)
    app.installTranslator(translator)
    _installed.append(translator)
    return lang
