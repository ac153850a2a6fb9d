"""The translation check: every visible string (tr/_/N_ in desktop/) has English."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def translations():
    spec = importlib.util.spec_from_file_location("tocds_build_translations", REPO / "build" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_visible_string_has_an_english_translation(translations):
    gaps = translations.missing("en")
    assert not gaps, (
        f"{len(gaps)} visible strings have no English; add them to resources/translations/en/<area>.json, then run "
        "`python build/translations.py update`. First ones: " + "; ".join(repr(g) for g in gaps[:15])
    )


def test_translations_keep_every_placeholder(translations):
    done = translations.load(translations.CATALOGUES["en"])
    wrong = []
    for source, english in done.items():
        if english and set(re.findall(r"\{(\w*)\}", source)) != set(re.findall(r"\{(\w*)\}", english)):
            wrong.append((source, english))
    assert not wrong, f"placeholders differ: {wrong[:10]}"


def test_the_check_catches_a_string_without_english(translations, tmp_path, monkeypatch):
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    src = tmp_path / "desktop"
    src.mkdir()
    (src / "page.py").write_text('from x import tr\nlabel = tr("Chuỗi mới chưa dịch {n}")\nother = tr("Cài đặt")\n', encoding="utf-8")
    found = translations.extract(src)
    assert set(found) == {"Chuỗi mới chưa dịch {n}", "Cài đặt"}
    done = translations.load(translations.CATALOGUES["en"])
    assert [s for s in found if not done.get(s)] == ["Chuỗi mới chưa dịch {n}"]


def test_check_command_exits_nonzero_on_a_gap(translations, monkeypatch, capsys):
    monkeypatch.setattr(translations, "missing", lambda lang="en": ["Chuỗi mới chưa dịch"])
    monkeypatch.setattr(translations, "extract", lambda root=None: {"Chuỗi mới chưa dịch": []})
    assert translations.cmd_check() == 1
    assert "Chuỗi mới chưa dịch" in capsys.readouterr().err


def test_qt_texts_the_app_shows_have_vietnamese(translations):
    """Standard buttons, message-box details and the file dialog speak Vietnamese (Qt has no qtbase_vi.qm)."""
    used = translations.qt_texts_used()
    assert {"OK", "Cancel"} <= used["QPlatformTheme"]  # "Chuyển xử lý" and every QDialogButtonBox
    assert "Show Details..." in used["QMessageBox"]  # the error dialog
    assert {"Look in:", "File name:", "&Save"} <= used["QFileDialog"]  # "Lưu báo cáo"
    assert translations.qt_missing() == []


def test_the_check_catches_a_qt_text_without_vietnamese(translations, tmp_path, monkeypatch):
    src = tmp_path / "desktop"
    src.mkdir()
    (src / "dialog.py").write_text("buttons = QDialogButtonBox.StandardButton.Abort | QDialogButtonBox.StandardButton.Ok\n",
                                   encoding="utf-8")
    used = translations.qt_texts_used(src)
    assert used["QPlatformTheme"] == {"Abort", "OK", "Cancel"}
    catalogue = tmp_path / "qt_vi.json"
    catalogue.write_text('{"QPlatformTheme": {"OK": "Đồng ý", "Cancel": "Hủy"}}', encoding="utf-8")
    monkeypatch.setattr(translations, "QT_CATALOGUE", catalogue)
    monkeypatch.setattr(translations, "qt_texts_used", lambda: used)
    assert translations.qt_missing() == [("QPlatformTheme", "Abort")]


def test_one_spelling_per_word(translations):
    assert translations.glossary_problems() == []
    found = translations.glossary_problems(["Tỉ lệ thành công", "Huỷ (Esc)", "Mọi người dân", "Trần Thị Thuỷ",
                                            "Tỷ lệ", "Hủy"])
    assert [(wrong, right) for _s, wrong, right in found] == [("Tỉ lệ", "Tỷ lệ"), ("Huỷ", "Hủy"), ("người dân", "cư dân")]
