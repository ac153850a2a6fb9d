"""The one HTTP path to the sync server, for syncing and for the online probe alike.

TLS is verified against the operating system's certificate store (`truststore`: Windows' store, where
IT pushes a government CA and antivirus HTTPS scanning adds its own root; macOS' keychain; the system
bundle on Linux) plus the CA-bundle setting. Proxy: the explicit setting when there is one, else the
system's (HTTP(S)_PROXY/NO_PROXY, and on Windows the Internet settings of the registry). Automatic
proxy scripts (PAC/WPAD) are not read: name the proxy in the setting then.
"""

from __future__ import annotations

import ssl
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import requests
import truststore
from requests.adapters import HTTPAdapter

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def ssl_context(ca_bundle: str = "") -> ssl.SSLContext:
    """Verifies certificates and host names against the system store, and the CAs of `ca_bundle` too."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle.strip():
        context.load_verify_locations(cafile=str(Path(ca_bundle.strip()).expanduser()))
    return context


def proxies_for(url: str, proxy: str = "") -> dict[str, str]:
    """requests' `proxies` for `url`: the explicit proxy, else the system's unless it bypasses this host."""
    if proxy.strip():
        return {"http": proxy.strip(), "https": proxy.strip()}
    host = urlparse(url).hostname or ""
    if host in LOCAL_HOSTS:
        return {}
    system = {k: v for k, v in urllib.request.getproxies().items() if k in ("http", "https")}
    if not system or urllib.request.proxy_bypass(host):
        return {}
    return system


class _SystemTrustAdapter(HTTPAdapter):
    """Every HTTPS connection (direct or through a proxy's tunnel) made with our SSL context."""

    def __init__(self, context: ssl.SSLContext, **kwargs):
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_context"] = self._context
        return super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy, **kwargs):
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(proxy, **kwargs)

    def cert_verify(self, conn, url, verify, cert) -> None:
        """The context verifies (never requests' own certifi bundle in place of the system store)."""
        if cert:
            super().cert_verify(conn, url, False, cert)


def new_session(url: str, *, ca_bundle: str = "", proxy: str = "") -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # proxies and trust are decided here, not by stray environment variables
    session.verify = True
    session.mount("https://", _SystemTrustAdapter(ssl_context(ca_bundle)))
    session.proxies = proxies_for(url, proxy)
    return session
