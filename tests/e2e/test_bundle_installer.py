"""The Windows installer script (build/windows/tocds.iss) against a freshly built bundle.

Inno Setup cannot run here: this reads the script as ISCC would (UTF-8 with BOM, #define
constants) and checks that every file it takes from the bundle exists in the bundle that
installer.spec builds (on Linux the programs have no .exe), that it needs no file stock Inno
Setup lacks, and the settings the Windows issue asks for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.app_mutex import MUTEX_NAME
from tests.e2e.bundle_support import BUNDLE_MARKS, built_bundle

pytestmark = BUNDLE_MARKS

WINDOWS = Path(__file__).resolve().parents[2] / "build" / "windows"
ISS = WINDOWS / "tocds.iss"
BOM = b"\xef\xbb\xbf"


def read_iss() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Sections -> lines with {#Name} constants expanded, and the string #defines."""
    raw = ISS.read_bytes()
    assert raw.startswith(BOM), "Inno Setup reads a script without a UTF-8 BOM as ANSI"
    text = raw[len(BOM):].decode("utf-8")
    defines = dict(re.findall(r'^#define\s+(\w+)\s+"([^"]*)"\s*$', text, re.M))
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#") or line.startswith("//"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            continue
        for name, value in defines.items():
            line = line.replace("{#" + name + "}", value)
        sections.setdefault(current, []).append(line)
    return sections, defines


def entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "value"; Other: value` lines as dicts."""
    parsed = []
    for line in lines:
        fields = {}
        for key, quoted, bare in re.findall(r'(\w+):\s*(?:"((?:[^"]|"")*)"|([^;]*))', line):
            fields[key] = (quoted.replace('""', '"') if quoted else bare).strip()
        parsed.append(fields)
    return parsed


def setup_values(sections) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections["Setup"])


def in_bundle(bundle: Path, windows_path: str) -> Path:
    """A bundle path as the .iss names it (Windows separators, .exe) -> the Linux build's file."""
    parts = windows_path.replace("\\", "/").split("/")
    parts[-1] = parts[-1].removesuffix(".exe")
    return bundle.joinpath(*parts)


@pytest.fixture(scope="module")
def bundle() -> Path:
    return built_bundle()


def test_every_bundle_path_the_installer_names_exists(bundle):
    sections, defines = read_iss()
    bundle_dir = defines["BundleDir"]
    checked = 0
    for fields in entries(sections["Files"]):
        source = fields["Source"]
        assert source.startswith(bundle_dir + "\\"), f"{source}: every installed file comes from the bundle"
        relative = source[len(bundle_dir) + 1:]
        if relative.endswith("\\*"):
            folder = in_bundle(bundle, relative[:-2])
            assert folder.is_dir() and any(folder.iterdir()), relative
        else:
            assert in_bundle(bundle, relative).is_file(), relative
        checked += 1
    for section in ("Icons", "Run", "UninstallRun"):
        for fields in entries(sections.get(section, [])):
            for key in ("Filename", "IconFilename"):
                target = fields.get(key, "")
                if target.startswith("{app}\\"):
                    assert in_bundle(bundle, target[len("{app}\\"):]).is_file(), f"[{section}] {target}"
                    checked += 1
    assert checked >= 5
    # both programs are installed, and the app gets its Start-menu entry
    files = " ".join(f["Source"] for f in entries(sections["Files"]))
    assert defines["AppExe"] in files and defines["CliExe"] in files
    assert any(f.get("Filename") == "{app}\\" + defines["AppExe"] and f["Name"].startswith("{group}")
               for f in entries(sections["Icons"]))


def test_the_installer_needs_only_stock_inno_setup_and_files_beside_it():
    sections, _ = read_iss()
    for fields in entries(sections["Languages"]):
        for name in fields["MessagesFile"].split(","):
            if name.startswith("compiler:"):
                assert name == "compiler:Default.isl", f"{name}: not shipped with Inno Setup"
            else:
                isl = WINDOWS / name
                assert isl.read_bytes().startswith(BOM), f"{name} must be UTF-8 with a BOM"
                text = isl.read_bytes()[len(BOM):].decode("utf-8")
                assert "LanguageID=$042A" in text and "WindowsVersionNotSupported=" in text
    values = setup_values(sections)
    assert (WINDOWS / values["SetupIconFile"].replace("\\", "/")).is_file()


def test_the_installer_settings_for_ward_laptops():
    sections, defines = read_iss()
    values = setup_values(sections)
    assert values["MinVersion"] == "10.0.17763"
    assert values["PrivilegesRequired"] == "lowest"
    assert values["ArchitecturesAllowed"] == "x64compatible"
    # the version comes from tocds.exe's version resource, never a hand-kept number
    assert "AppVersion" not in defines
    assert re.search(r'GetStringFileInfo\(.*AppExe.*"ProductVersion"\)', ISS.read_bytes().decode("utf-8-sig"))
    # the mutex the app and the command line hold while they run
    assert MUTEX_NAME in values["AppMutex"].split(",")
    # the optional daily sync runs the bundled command line, and the uninstaller removes it
    run = " ".join(sections["Run"])
    assert "schtasks.exe" in run and "/SC DAILY" in run and defines["CliExe"] in run and "sync" in run
    assert any("/Delete" in line for line in sections["UninstallRun"])
    # the data folder is kept unless the user says otherwise
    code = " ".join(sections["Code"])
    assert "usPostUninstall" in code and "MB_DEFBUTTON2" in code
