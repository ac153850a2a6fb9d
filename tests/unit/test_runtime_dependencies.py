"""What the desktop app imports is what `pip install .` (no extras) and the bundle provide.

Every third-party module imported anywhere under desktop/ (top level or inside a function)
must come from a runtime dependency declared in pyproject.toml, or from a requirement
such a dependency always brings (shiboken6 with PySide6-Essentials); and none of them may
be in installer.spec's exclude list.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(package: Path) -> dict[str, str]:
    """Top-level names of absolute imports -> one file that imports each."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(REPO)))
    return found


def third_party(modules: dict[str, str]) -> dict[str, str]:
    own = {"desktop", "__future__"}
    return {m: f for m, f in modules.items() if m not in sys.stdlib_module_names and m not in own}


@cache
def declared_runtime() -> frozenset[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return frozenset(normalise(_NAME.match(req).group(1)) for req in project["dependencies"])


def always_brought_by(dist: str) -> set[str]:
    """Requirements of `dist` without an extra (platform markers are fine: this machine's)."""
    try:
        reqs = requires(dist) or []
    except PackageNotFoundError:
        return set()
    return {normalise(_NAME.match(r).group(1)) for r in reqs if "extra" not in r.partition(";")[2]}


def provided(dist: str) -> bool:
    declared = declared_runtime()
    return normalise(dist) in declared or any(normalise(dist) in always_brought_by(d) for d in declared)


def spec_excludes() -> list[str]:
    tree = ast.parse((REPO / "installer.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "EXCLUDED_MODULES" for t in node.targets):
            return [ast.literal_eval(e) for e in node.value.elts]
    raise AssertionError("installer.spec has no EXCLUDED_MODULES list")


def test_the_scan_sees_imports_inside_functions(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "m.py").write_text("import os\ndef f():\n    from pydantic import BaseModel\n    import keyring.backends\n", encoding="utf-8")
    global REPO
    saved, REPO = REPO, tmp_path
    try:
        assert set(third_party(imported_modules(pkg))) == {"pydantic", "keyring"}
    finally:
        REPO = saved


def test_every_third_party_import_of_the_app_is_a_declared_runtime_dependency():
    owners = packages_distributions()
    missing = []
    for module, where in sorted(third_party(imported_modules(REPO / "desktop")).items()):
        dists = owners.get(module)
        if not dists:
            missing.append(f"{module} ({where}): no installed distribution provides it")
        elif not any(provided(d) for d in dists):
            missing.append(f"{module} ({where}): from {dists[0]}, not a runtime dependency in pyproject.toml")
    assert not missing, "\n".join(missing)


def test_sync_and_time_zone_dependencies_are_declared():
    # desktop/sync imports pydantic; zoneinfo needs tzdata where the OS has no zone files (Windows).
    assert {"pydantic", "tzdata"} <= declared_runtime()


def test_the_bundle_excludes_nothing_the_app_imports():
    imported = set(imported_modules(REPO / "desktop"))
    dotted = {m for m in spec_excludes() if "." in m}
    clashes = sorted(m for m in spec_excludes() if m.split(".")[0] in imported and ("." not in m or m in dotted and _imports_exactly(m)))
    assert not clashes, f"installer.spec excludes modules the desktop app imports: {clashes}"


def _imports_exactly(dotted: str) -> bool:
    """Whether some file under desktop/ imports this dotted module (e.g. PySide6.QtSql)."""
    pattern = re.compile(rf"\b(?:import|from)\s+{re.escape(dotted)}\b")
    return any(pattern.search(p.read_text(encoding="utf-8")) for p in (REPO / "desktop").rglob("*.py"))


def test_the_spec_collects_every_desktop_module_and_reads_utf8():
    spec = (REPO / "installer.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("desktop")' in spec
    # Windows' ANSI code pages cannot decode "Tổ CĐS": every read names its encoding.
    assert not re.search(r"read_text\(\s*\)", spec)
    assert "tocds-cli" in spec and "tocds_cli.py" in spec


def text_io_without_encoding(path: Path) -> list[int]:
    """Lines calling read_text/write_text/open in text mode without encoding= (AST)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        keywords = {k.arg for k in node.keywords}
        if name in ("read_text", "write_text") and "encoding" not in keywords:
            lines.append(node.lineno)
        elif name == "open" and "encoding" not in keywords:
            mode = next((a.value for a in node.args[1:2] if isinstance(a, ast.Constant)), None)
            mode = next((k.value.value for k in node.keywords if k.arg == "mode" and isinstance(k.value, ast.Constant)), mode)
            if not (isinstance(mode, str) and "b" in mode) and isinstance(node.func, ast.Name):
                lines.append(node.lineno)
    return lines


def test_the_spec_and_build_scripts_read_and_write_utf8(tmp_path):
    # Windows' ANSI code pages (cp1252, cp1258) cannot decode "Tổ CĐS": a build there must name UTF-8.
    files = [REPO / "installer.spec", *sorted((REPO / "build").rglob("*.py"))]
    offending = {str(f.relative_to(REPO)): text_io_without_encoding(f) for f in files}
    assert not {f: lines for f, lines in offending.items() if lines}
    sample = tmp_path / "sample.py"
    sample.write_text('from pathlib import Path\nPath("x").read_text()\nopen("y")\nopen("z", "rb")\n', encoding="utf-8")
    assert text_io_without_encoding(sample) == [2, 3]
