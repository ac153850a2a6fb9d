"""Is the sync server reachable? A cheap TCP probe, safe to run every few seconds."""

from __future__ import annotations

import socket
from urllib.parse import urlparse


def server_reachable(url: str, timeout: float = 2.0) -> bool:
    if not url:
        return False
    parsed = urlparse(url)
    host = parsed.hostname
    if not host:
        return False
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
