"""Django's Redis cache, failing soft when Redis is unreachable.

The cache holds rate limits (failed logins, portal and web forms) and short-lived
copies (the public figures). None of that may turn a Redis outage into a 500: the
citizen's question and the medewerker's login matter more than counting them. While
Redis is unreachable every call answers as an empty cache would (``get`` gives the
default, ``add`` succeeds, writes are dropped), a warning is logged, and Redis is not
tried again for ``RETRY_SECONDEN`` so each request does not wait for a time-out.
Rate limits are therefore not enforced during an outage; that is the trade-off.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDEN = 10.0
_ONBEREIKBAAR = (RedisConnectionError, RedisTimeoutError, OSError)
_GEEN_WAARDE = object()


class _EenClientPerPool(RedisCacheClient):
    """Django makes a new ``redis.Redis`` for every cache call (a fifth of a millisecond:
    it builds its table of reply parsers each time); one per connection pool does the
    same work, since a ``redis.Redis`` takes a connection from its pool per command."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSoftRedisCache(RedisCache):
    """``RedisCache`` whose calls fall back to 'not cached' when Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _EenClientPerPool
        self._storing_tot = 0.0
        self._lock = threading.Lock()

    def _veilig(self, naam: str, fallback, *args, **kwargs):
        if time.monotonic() < self._storing_tot:
            return fallback
        try:
            return getattr(super(), naam)(*args, **kwargs)
        except _ONBEREIKBAAR as exc:
            with self._lock:
                eerste = time.monotonic() >= self._storing_tot
                self._storing_tot = time.monotonic() + RETRY_SECONDEN
            if eerste:
                logger.warning(
                    "Cache (Redis) niet bereikbaar bij %s: %s. Verder zonder cache; "
                    "opnieuw proberen over %.0f s.",
                    naam,
                    exc,
                    RETRY_SECONDEN,
                )
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._veilig("add", True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._veilig("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._veilig("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._veilig("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._veilig("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._veilig("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._veilig("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # Like a key that is not there: callers already handle that ValueError.
        waarde = self._veilig("incr", _GEEN_WAARDE, key, delta, version)
        if waarde is _GEEN_WAARDE:
            raise ValueError(f"Key '{key}' not found (cache niet bereikbaar)")
        return waarde

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._veilig("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._veilig("delete_many", None, keys, version)

    def clear(self):
        return self._veilig("clear", False)
