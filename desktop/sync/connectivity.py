"""Is the sync server reachable? One small HTTP request through the sync's own path (system trust store,
CA-bundle setting, proxy), so it answers the same behind a proxy as the sync would; safe every few seconds."""

from __future__ import annotations

import requests

from desktop.settings import Settings
from desktop.sync import protocol as p
from desktop.sync.http import new_session
from desktop.sync.transport import BadServerUrl, check_url


def server_reachable(url: str, timeout: float = 2.0, *, ca_bundle: str = "", proxy: str = "") -> bool:
    """True when the server answers over HTTP(S) at all (any status: it is there); False otherwise."""
    if not url:
        return False
    try:
        base = check_url(url)
        session = new_session(base, ca_bundle=ca_bundle, proxy=proxy)
    except (BadServerUrl, OSError, ValueError):
        return False
    try:
        session.get(base + f"{p.API_PREFIX}/info", timeout=(timeout, timeout))
        return True
    except requests.RequestException:
        return False
    finally:
        session.close()


def reachable_with(settings: Settings, timeout: float = 2.0) -> bool:
    """The probe with the data folder's settings (server address, CA bundle, proxy)."""
    return server_reachable(settings.get("sync_server_url"), timeout, ca_bundle=settings.get("sync_ca_bundle"),
                            proxy=settings.get("sync_proxy"))
