"""Translation catalogue: extract, check, fill and compile.

    python build/translations.py update    # regenerate the .ts from the sources and the English fragments
    python build/translations.py check     # exit 1 if any visible string lacks an English translation,
                                           # a Qt text the app uses lacks Vietnamese, or a word is
                                           # spelt another way than resources/glossary.json says
    python build/translations.py compile   # .ts -> .qm with pyside6-lrelease

English lives in fragments, one JSON file per area: resources/translations/en/*.json
({"Vietnamese source": "English"}); `update` merges them with what the .ts already
holds (fragments win) so several people can add strings without editing one file.

Visible strings are the literal first arguments of `tr(...)`, `_(...)` and `N_(...)` in
desktop/ (Vietnamese is the source language, context "tocds").

Qt's own texts (standard buttons, message-box details, the file dialog, wizard buttons, edit
menus) come in Vietnamese from resources/translations/qt_vi.json (Qt ships no qtbase_vi.qm);
`check` lists the ones the app uses (QT_TEXTS, by what desktop/ calls) and fails on any without
Vietnamese. One spelling per word: resources/glossary.json maps each chosen spelling to the
spellings not used ("Tỷ lệ" not "Tỉ lệ"); `check` fails on any of those in a visible string.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
CATALOGUES = {"en": TS_DIR / "tocds_en.ts"}
FRAGMENTS = {"en": TS_DIR / "en"}
FUNCS = {"tr", "_", "N_"}
CONTEXT = "tocds"


def extract(root: Path = ROOT / "desktop") -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            arg = node.args[0]
            if name in FUNCS and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, []).append((str(path.relative_to(ROOT)), node.lineno))
    return found


def load(path: Path) -> dict[str, str | None]:
    if not path.exists():
        return {}
    out: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        tr_el = message.find("translation")
        done = tr_el is not None and tr_el.text and tr_el.get("type") not in ("unfinished", "vanished", "obsolete")
        out[source] = tr_el.text if done else None
    return out


def save(path: Path, lang: str, sources: dict[str, list[tuple[str, int]]], translations: dict[str, str | None]) -> None:
    ts = ET.Element("TS", version="2.1", language="en_US" if lang == "en" else lang, sourcelanguage="vi_VN")
    ctx = ET.SubElement(ts, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for source in sorted(sources):
        msg = ET.SubElement(ctx, "message")
        for filename in sorted({f for f, _line in sources[source]})[:3]:
            ET.SubElement(msg, "location", filename="../../" + filename)
        ET.SubElement(msg, "source").text = source
        tr_el = ET.SubElement(msg, "translation")
        text = translations.get(source)
        if text:
            tr_el.text = text
        else:
            tr_el.set("type", "unfinished")
    ET.indent(ts)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


QT_CATALOGUE = TS_DIR / "qt_vi.json"
GLOSSARY = ROOT / "resources" / "glossary.json"
# StandardButton name -> the text Qt asks its translator for (context QPlatformTheme)
STANDARD_BUTTONS = {
    "Ok": "OK", "Save": "Save", "SaveAll": "Save All", "Open": "Open", "Yes": "&Yes", "YesToAll": "Yes to &All",
    "No": "&No", "NoToAll": "N&o to All", "Abort": "Abort", "Retry": "Retry", "Ignore": "Ignore", "Close": "Close",
    "Cancel": "Cancel", "Discard": "Discard", "Help": "Help", "Apply": "Apply", "Reset": "Reset",
    "RestoreDefaults": "Restore Defaults",
}
# what else of Qt's own the app shows, by the call that brings it: (pattern in desktop/, context, texts)
QT_TEXTS = [
    (r"setDetailedText\(", "QMessageBox", ["Show Details...", "Hide Details..."]),
    (r"QMessageBox\.(information|warning|critical|question)\(", "QMessageBox", ["OK"]),
    (r"file_dialogs\.", "QFileDialog", ["Look in:", "File name:", "Files of type:", "&Save", "&Open", "&Choose", "Back",
                                        "Forward", "Parent Directory", "Create New Folder", "List View", "Detail View",
                                        "New Folder", "Recent Places", "My Computer", "&Rename", "&Delete",
                                        "Show &hidden files", "%1 already exists.\nDo you want to replace it?"]),
    (r"file_dialogs\.", "QFileDialog", ["&Look in:", "Files of &type:"]),  # Qt 6 asks with the accelerator
    (r"file_dialogs\.", "QFileSystemModel", ["Name", "Size", "Type", "Date Modified", "Computer"]),
    (r"file_dialogs\.", "QAbstractFileIconProvider", ["Drive", "File", "Folder", "%1 File"]),  # the Type column
    (r"QProgressDialog\(", "QProgressDialog", ["Cancel"]),
    (r"QInputDialog\b", "QInputDialog", ["Enter a value:"]),
    (r"Q(Spin|DoubleSpin)Box\(|QDate(Time)?Edit\(", "QAbstractSpinBox", ["&Select All", "&Step up", "Step &down"]),
    (r"QWizard\b", "QWizard", ["< &Back", "&Next >", "&Finish", "Cancel", "&Help"]),
    (r"QLineEdit\(", "QLineEdit", ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"]),
    (r"Q(Plain)?TextEdit\(", "QWidgetTextControl", ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"]),
]


def qt_texts_used(root: Path = ROOT / "desktop") -> dict[str, set[str]]:
    """Qt's own texts the app shows, by context: its standard buttons and the dialogs it opens."""
    used: dict[str, set[str]] = {}
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.py")))
    for name in set(re.findall(r"StandardButton\.(\w+)", code)):
        if name in STANDARD_BUTTONS:
            used.setdefault("QPlatformTheme", set()).add(STANDARD_BUTTONS[name])
    if re.search(r"QDialogButtonBox|QMessageBox", code):
        used.setdefault("QPlatformTheme", set()).update({"OK", "Cancel"})
    for pattern, context, texts in QT_TEXTS:
        if re.search(pattern, code):
            used.setdefault(context, set()).update(texts)
    return used


def qt_missing() -> list[tuple[str, str]]:
    catalogue = json.loads(QT_CATALOGUE.read_text(encoding="utf-8"))
    return sorted((context, text) for context, texts in qt_texts_used().items() for text in texts
                  if not (catalogue.get(context) or {}).get(text))


def _labels(data) -> list[str]:
    """Every "label" in a reference-data file (complaint kinds and categories shown in lists)."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "label" and isinstance(v, str)] + [
            t for v in data.values() for t in _labels(v)]
    return [t for v in data for t in _labels(v)] if isinstance(data, list) else []


def _guide_texts(data: dict) -> list[str]:
    """The Vietnamese a triage guides file shows: every reason's steps and what the police must do."""
    return [t for guide in data.get("reasons", {}).values() for t in [*guide.get("steps", []), guide.get("needed", "")] if t]


def glossary_problems(strings: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(string, spelling found, spelling to use) for every visible string that spells a word another
    way than the glossary: Vietnamese sources, Qt's Vietnamese, the Vietnamese help pages, the
    complaint categories and the triage guides (their steps and what the police must do)."""
    glossary = {k: v for k, v in json.loads(GLOSSARY.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    if strings is None:
        catalogue = json.loads(QT_CATALOGUE.read_text(encoding="utf-8"))
        strings = (list(extract()) + [t for texts in catalogue.values() if isinstance(texts, dict) for t in texts.values()]
                   + [line for page in sorted((ROOT / "resources" / "help" / "vi").glob("*.md"))
                      for line in page.read_text(encoding="utf-8").splitlines()]
                   + _labels(json.loads((ROOT / "resources" / "data" / "complaint_categories.json").read_text(encoding="utf-8")))
                   + _guide_texts(json.loads((ROOT / "resources" / "data" / "triage.json").read_text(encoding="utf-8"))))
    found = []
    for right, wrongs in glossary.items():
        for wrong in wrongs:
            pattern = re.compile(rf"(?<!\w){re.escape(wrong)}(?!\w)", re.IGNORECASE)
            found += [(s, wrong, right) for s in strings if pattern.search(s)]
    return found


def fragments(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(FRAGMENTS[lang].glob("*.json")):
        merged.update({k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if v})
    return merged


def missing(lang: str = "en") -> list[str]:
    sources = extract()
    done = load(CATALOGUES[lang])
    return sorted(s for s in sources if not done.get(s))


def cmd_update() -> int:
    sources = extract()
    for lang, path in CATALOGUES.items():
        current = load(path)
        current.update(fragments(lang))
        save(path, lang, sources, current)
    print(f"{len(sources)} strings; {len(missing())} without English")
    return 0


def cmd_check() -> int:
    gaps = missing()
    for s in gaps:
        print(f"no English translation: {s!r}", file=sys.stderr)
    qt_gaps = qt_missing()
    for context, text in qt_gaps:
        print(f"no Vietnamese for Qt's {context} {text!r}: add it to {QT_CATALOGUE.relative_to(ROOT)}", file=sys.stderr)
    spelling = glossary_problems()
    for text, wrong, right in spelling:
        print(f"spelling: {wrong!r} -> {right!r} in {text!r} (resources/glossary.json)", file=sys.stderr)
    used = sum(len(t) for t in qt_texts_used().values())
    print(f"{len(extract())} strings checked; {len(gaps)} missing; {used} Qt texts, {len(qt_gaps)} without Vietnamese; "
          f"{len(spelling)} spelt against the glossary")
    return 1 if gaps or qt_gaps or spelling else 0


def cmd_compile() -> int:
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    for path in CATALOGUES.values():
        subprocess.run([lrelease, str(path), "-qm", str(path.with_suffix(".qm"))], check=True)
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, *rest = argv
    if cmd == "update":
        return cmd_update()
    if cmd == "check":
        return cmd_check()
    if cmd == "compile":
        return cmd_compile()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
