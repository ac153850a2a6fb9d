"""HTTPS against the system's certificate store plus the CA-bundle setting, through a proxy (#23 item 8).

A real HTTPS sync server (uvicorn with a certificate from a private CA that only the CA-bundle setting
names) and a real CONNECT proxy on 127.0.0.1. The server's name, `dongbo.test`, does not resolve on this
machine: only the proxy reaches it, so an answer proves the request went through the proxy.
"""

from __future__ import annotations

import threading

import pytest
import trustme
import uvicorn

from desktop.sync.connectivity import reachable_with, server_reachable
from desktop.sync.transport import Transport, TransportError
from tests.e2e.sync_harness import ServerThread, open_laptop
from tests.support.connect_proxy import ConnectProxy

HOST = "dongbo.test"


@pytest.fixture
def https_server(tmp_path):
    """The real sync server over HTTPS with a certificate for dongbo.test from a private CA."""
    ca = trustme.CA()
    cert = ca.issue_cert(HOST, "127.0.0.1")
    key_file, cert_file, ca_file = tmp_path / "server.key", tmp_path / "server.pem", tmp_path / "phuong-ca.pem"
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    ca.cert_pem.write_to_path(str(ca_file))
    srv = ServerThread(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "srv")
    config = uvicorn.Config(srv.app, host="127.0.0.1", port=srv.port, log_level="warning", access_log=False,
                            ssl_keyfile=str(key_file), ssl_certfile=str(cert_file))
    srv.server = uvicorn.Server(config)
    srv.thread = threading.Thread(target=srv.server.run, daemon=True)
    srv.start()
    yield srv, f"https://{HOST}:{srv.port}", str(ca_file)
    srv.stop()


@pytest.fixture
def proxy():
    p = ConnectProxy()
    yield p
    p.close()


@pytest.fixture(autouse=True)
def no_system_proxy(monkeypatch):
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_the_ca_bundle_setting_adds_a_private_ca_to_the_system_store(https_server, proxy):
    srv, url, ca_file = https_server
    with pytest.raises(TransportError, match="tls"):  # the system store alone does not know the ward's CA
        Transport(url, proxy=proxy.url).info()
    t = Transport(url, ca_bundle=ca_file, proxy=proxy.url)
    try:
        assert t.info().protocol_version >= 1
    finally:
        t.close()
    assert proxy.tunnels and all(tunnel == f"{HOST}:{srv.port}" for tunnel in proxy.tunnels)


def test_a_full_sync_through_the_proxy_setting(https_server, proxy, tmp_path):
    from desktop.services.sync.service import sync_now
    from tests.e2e.sync_harness import add_residents

    srv, url, ca_file = https_server
    ctx = open_laptop(tmp_path / "laptop")
    try:
        ctx.settings.update({"sync_ca_bundle": ca_file, "sync_proxy": proxy.url})
        add_residents(ctx, ["Nguyễn Văn Proxy", "Trần Thị Chứng Chỉ"])
        result = sync_now(ctx, url, srv.enroll_code("00166"), trigger="cli")
        assert result["pushed"] >= 2 and result["pending"] == 0
    finally:
        ctx.close()
    assert len(srv.records("00166")) >= 2
    assert f"{HOST}:{srv.port}" in proxy.tunnels


def test_the_online_probe_goes_through_the_same_path(https_server, proxy, tmp_path):
    _srv, url, ca_file = https_server
    assert not server_reachable(url, ca_bundle=ca_file), "without the proxy dongbo.test cannot be reached"
    assert server_reachable(url, ca_bundle=ca_file, proxy=proxy.url)
    assert not server_reachable(url, proxy=proxy.url), "a certificate nobody vouches for is not 'online'"
    ctx = open_laptop(tmp_path / "laptop")
    try:
        ctx.settings.update({"sync_server_url": url, "sync_ca_bundle": ca_file, "sync_proxy": proxy.url})
        assert reachable_with(ctx.settings)
    finally:
        ctx.close()


def test_the_system_proxy_is_honoured(https_server, proxy, monkeypatch):
    srv, url, ca_file = https_server
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)  # what Windows' Internet settings give urllib on a laptop
    assert server_reachable(url, ca_bundle=ca_file)
    t = Transport(url, ca_bundle=ca_file)
    try:
        assert t.info().protocol_version >= 1
    finally:
        t.close()
    assert f"{HOST}:{srv.port}" in proxy.tunnels
    monkeypatch.setenv("NO_PROXY", HOST)  # the system says: not through the proxy for this host
    assert not server_reachable(url, ca_bundle=ca_file)
