"""Settings the user edits: every problem names its field; saving is all or nothing."""

from __future__ import annotations

import dataclasses
import json

from desktop.services.people import preferences
from desktop.settings import Settings

PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


def fresh(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.json")


def test_defaults_load_as_plain_data(tmp_path):
    prefs = preferences.load(fresh(tmp_path))
    assert prefs == preferences.Preferences("", 1.0, False, 5, 7, "", "")


def test_valid_values_are_saved_in_one_write(tmp_path):
    settings = fresh(tmp_path)
    ca = tmp_path / "so-ca.pem"
    ca.write_text(PEM)
    prefs = preferences.Preferences("en", 1.3, True, 10, 14, " https://dongbo.hanoi.gov.vn ", str(ca))
    assert preferences.save(settings, prefs) == []
    stored = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert stored["language"] == "en" and stored["font_scale"] == 1.3 and stored["high_contrast"] is True
    assert stored["sync_server_url"] == "https://dongbo.hanoi.gov.vn"  # trimmed
    assert preferences.load(Settings(tmp_path / "settings.json")).backup_keep == 14


def test_each_bad_value_is_named_and_nothing_is_saved(tmp_path):
    settings = fresh(tmp_path)
    settings.set("sync_server_url", "https://cu.example.vn")
    bad = preferences.Preferences("fr", 3.0, False, 500, 0, "dongbo hanoi", str(tmp_path / "khong-co.pem"))
    errors = preferences.save(settings, bad)
    fields = {e.field for e in errors}
    assert fields == {"language", "font_scale", "idle_lock_minutes", "backup_keep", "sync_server_url", "sync_ca_bundle"}
    messages = {e.field: e.message for e in errors}
    assert messages["sync_server_url"].startswith("Địa chỉ máy chủ đồng bộ:")
    assert "khong-co.pem" in messages["sync_ca_bundle"]
    assert messages["idle_lock_minutes"].startswith("Tự khóa sau (phút): phải từ 0 đến 240")
    assert Settings(tmp_path / "settings.json").get("sync_server_url") == "https://cu.example.vn"  # untouched


def test_a_file_that_is_not_a_certificate_is_refused(tmp_path):
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("không phải chứng chỉ")
    prefs = dataclasses.replace(preferences.load(fresh(tmp_path)), sync_ca_bundle=str(notes))
    (error,) = preferences.validate(prefs)
    assert error.field == "sync_ca_bundle" and "PEM" in error.message


def test_messages_follow_the_language(tmp_path, monkeypatch):
    from desktop.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    prefs = dataclasses.replace(preferences.load(fresh(tmp_path)), sync_server_url="ftp://x")
    (error,) = preferences.validate(prefs)
    assert error.message.startswith("Sync server address: “ftp://x” is not a valid address")
