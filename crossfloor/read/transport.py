"""The fetcher's connections: each one made only to an address the address policy has checked,
the address resolved once and connected to as checked (no second lookup a DNS rebinding could
answer differently), and every read and write within the request's total deadline.

httpx has no total time-out (its time-outs are per operation, so a server sending a byte every
few seconds holds a request as long as it likes), and resolves names where it connects; both
are done here, in the network backend under httpx's connection pool. The name still goes in
the Host header and in TLS's SNI, and certificates are checked against it."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
import httpx

from .addresses import Resolver, allowed_addresses

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("crossfloor_fetch_deadline", default=None)


class DeadlinePassed(Exception):
    """The request's total deadline passed (connect, headers and body together)."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """What runs inside (one request, its redirects included) must be done within seconds."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def within_deadline(timeout: float | None) -> tuple[float | None, bool]:
    """The time-out for one operation: the given one, or what is left of the deadline if that
    is shorter (then True). DeadlinePassed when nothing is left."""
    end = _deadline.get()
    if end is None:
        return timeout, False
    left = end - time.monotonic()
    if left <= 0:
        raise DeadlinePassed
    return (left, True) if timeout is None or left < timeout else (timeout, False)


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream):
        self.stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        timeout, bounded = within_deadline(timeout)
        try:
            return self.stream.read(max_bytes, timeout)
        except httpcore.ReadTimeout:
            if bounded:
                raise DeadlinePassed from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        timeout, bounded = within_deadline(timeout)
        try:
            self.stream.write(buffer, timeout)
        except httpcore.WriteTimeout:
            if bounded:
                raise DeadlinePassed from None
            raise

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None) -> httpcore.NetworkStream:
        timeout, _ = within_deadline(timeout)
        return DeadlineStream(self.stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str):
        return self.stream.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Connects only to checked addresses, trying each the host resolves to in turn."""

    def __init__(self, allow_private: bool, resolve: Resolver):
        self.allow_private, self.resolve = allow_private, resolve

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options=None) -> httpcore.NetworkStream:
        addresses = allowed_addresses(host, port, self.allow_private, self.resolve)
        for address in addresses[:-1]:
            try:
                return self.connect_to(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue
        return self.connect_to(str(addresses[-1]), port, timeout, local_address, socket_options)

    def connect_to(self, address: str, port: int, timeout: float | None, local_address: str | None, socket_options) -> httpcore.NetworkStream:
        limit, _ = within_deadline(timeout)
        return DeadlineStream(super().connect_tcp(address, port, limit, local_address, socket_options))


def guarded_transport(allow_private: bool, resolve: Resolver) -> httpx.HTTPTransport:
    """httpx's transport, its connection pool on the guarded backend. Proxies from the
    environment are not used: through one, the address policy would see only the proxy."""
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx builds its pool without a way to pass a network backend; this replaces it with the
    # same pool (httpx's defaults) on ours.
    transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0, network_backend=GuardedBackend(allow_private, resolve))
    return transport
