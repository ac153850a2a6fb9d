"""Token buckets per key (in memory; one server process): per device for the sync API, per client
address for failed enrolment attempts."""

from __future__ import annotations

import threading
import time


class RateLimiter:
    def __init__(self, rate: float = 50.0, burst: float = 200.0):
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Take one token; False (nothing taken) when the bucket is empty."""
        return self._take(key, 1)

    def has(self, key: str) -> bool:
        """The bucket still holds a token (none is taken)."""
        return self._take(key, 0)

    def _take(self, key: str, n: int) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - n, now)
            return True
