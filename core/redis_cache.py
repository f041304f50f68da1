"""A Redis cache that fails open: when Redis is unreachable or slow, the site works without it.

Everything Wegwijs keeps in the cache can be made again (whole pages, the offline bank) or
is a limit that may lapse for a minute (feedback and one-time-code tries). So when Redis
does not answer within its short socket timeouts, every operation behaves as if the cache
were empty: reads miss, writes are dropped, counters count nothing. After a failure the
cache is left alone for `RETRY_SECONDS` (no request waits on a dead server meanwhile),
the failure is logged once per `LOG_SECONDS` rather than on every request, and
`cache_health()` reports "degraded" for /healthz/ready.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

try:  # the redis package comes with the [redis] extra; without it this backend is unused
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - settings only choose this backend with REDIS_URL
    RedisError = OSError

log = logging.getLogger("wegwijs.cache")

RETRY_SECONDS = 5.0  # after a failure, how long the cache is skipped before it is tried again
# At most one warning per this many seconds. The state below is kept per cache object,
# which Django makes per thread: per process with gunicorn's (single-threaded) sync workers.
LOG_SECONDS = 60.0


class FailOpenRedisCache(RedisCache):
    """django's RedisCache, where a failing Redis is a cache miss, never an error."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._last_failure = 0.0
        self._last_log = 0.0
        self._failures = 0

    # This worker's view of Redis.

    @property
    def degraded(self) -> bool:
        """Whether Redis failed recently (within the retry interval, or the last ping)."""
        return time.monotonic() < self._down_until

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self._failures += 1
            self._last_failure = now
            self._down_until = now + RETRY_SECONDS
            if now - self._last_log < LOG_SECONDS and self._last_log:
                return
            count, self._failures, self._last_log = self._failures, 0, now
        log.warning(
            "cache unavailable, serving without it (%s failure%s since the last warning): %s",
            count,
            "" if count == 1 else "s",
            error,
        )

    def _guard(self, default, operation, *args, **kwargs):
        if self.degraded:
            return default
        try:
            return operation(*args, **kwargs)
        except (RedisError, OSError) as error:
            self._failed(error)
            return default

    def ping(self) -> bool:
        """Ask Redis now, whatever happened before (for the health check)."""
        try:
            self._cache.get_client(write=False).ping()
        except (RedisError, OSError) as error:
            self._failed(error)
            return False
        with self._lock:
            self._down_until = 0.0
        return True

    # Every operation of the cache API, guarded. The composite ones in BaseCache
    # (get_or_set, decr, …) are made of these.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(False, super().add, key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._guard(default, super().get, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(None, super().set, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(False, super().touch, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._guard(False, super().delete, key, version=version)

    def get_many(self, keys, version=None):
        return self._guard({}, super().get_many, keys, version=version)

    def has_key(self, key, version=None):
        return self._guard(False, super().has_key, key, version=version)

    def incr(self, key, delta=1, version=None):
        # Nothing to count against: the limit this counter keeps lapses while Redis is down.
        return self._guard(delta, super().incr, key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(list(data), super().set_many, data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._guard(None, super().delete_many, keys, version=version)

    def clear(self):
        return self._guard(False, super().clear)


def cache_health() -> str:
    """ "ok", or "degraded" when the shared cache does not answer (pages still render)."""
    cache = caches["default"]
    if isinstance(cache, FailOpenRedisCache):
        return "ok" if cache.ping() else "degraded"
    return "ok"
