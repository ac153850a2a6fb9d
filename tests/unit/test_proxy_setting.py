"""The explicit proxy setting (#23 item 8): checked and saved with the other settings, named in its error."""

from __future__ import annotations

from dataclasses import replace

from desktop.services.people import preferences
from desktop.settings import Settings
from desktop.sync.http import proxies_for


def test_the_proxy_setting_is_checked_and_saved(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    prefs = preferences.load(settings)
    [error] = preferences.save(settings, replace(prefs, sync_proxy="proxy phuong 8080"))
    assert error.field == "sync_proxy" and error.message.startswith("Máy chủ proxy:")
    assert settings.get("sync_proxy") == ""
    assert preferences.save(settings, replace(prefs, sync_proxy=" http://proxy.phuong.vn:8080 ")) == []
    assert Settings(tmp_path / "settings.json").get("sync_proxy") == "http://proxy.phuong.vn:8080"


def test_which_proxy_a_request_takes(monkeypatch):
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert proxies_for("https://dongbo.hanoi.gov.vn") == {}
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.he-thong:3128")
    assert proxies_for("https://dongbo.hanoi.gov.vn")["https"] == "http://proxy.he-thong:3128"
    assert proxies_for("http://127.0.0.1:8000") == {}  # this computer never goes through the system's proxy
    assert proxies_for("https://dongbo.hanoi.gov.vn", "http://proxy.phuong.vn:8080") == {
        "http": "http://proxy.phuong.vn:8080", "https": "http://proxy.phuong.vn:8080"}  # the setting wins
