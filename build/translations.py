"""Translation catalogue: extract, check, fill and compile.

    python build/translations.py update    # regenerate the .ts from the sources and the English fragments
    python build/translations.py check     # exit 1 if any visible string lacks an English translation
    python build/translations.py compile   # .ts -> .qm with pyside6-lrelease

English lives in fragments, one JSON file per area: resources/translations/en/*.json
({"Vietnamese source": "English"}); `update` merges them with what the .ts already
holds (fragments win) so several people can add strings without editing one file.

Visible strings are the literal first arguments of `tr(...)`, `_(...)` and `N_(...)` in
desktop/ (Vietnamese is the source language, context "tocds").
"""

from __future__ import annotations

import ast
import json
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
    print(f"{len(extract())} strings checked; {len(gaps)} missing")
    return 1 if gaps else 0


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
