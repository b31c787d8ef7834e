"""Which urls the fetcher may ask for: a url is parsed and checked before any request, and every
address its host resolves to is checked before a connection is made to it (server-side request
forgery: a feed must not point the fetcher at this machine or its network).

- A url is valid when it is http(s), its host is a name of letters, digits, '-', '_' and dots
  (IDNA 2008 for other scripts) or an IP address, its port fits, and it holds no control,
  invisible or other non-printable character. Hosts written as numbers the way inet_aton reads
  them ('2130706433', '127.1', '0x7f.1', '0177.0.0.1') are rewritten as the address they mean,
  as browsers do (WHATWG URL), so the address checked is the address connected to.
- Refused always: cloud metadata services (by name and by address), unspecified addresses
  (0.0.0.0, ::), multicast. Refused unless private networks are allowed (`--allow-private`, as
  Miniflux's FETCHER_ALLOW_PRIVATE_NETWORKS): 'localhost', loopback, private (RFC 1918,
  fc00::/7), link-local, shared (CGNAT, 100.64/10) and every other non-global address. IPv4
  addresses inside IPv6 ones (::ffff:a.b.c.d, NAT64, 6to4) are judged as the IPv4 address.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence

import httpx

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

MAX_URL_CHARS = 2000  # what the store's url columns hold; longer links are not fetched
METADATA_NAMES = frozenset({"metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"})
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"))
SHARED = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
HOST_NAME = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)(\.(?!-)[a-z0-9_-]{1,63}(?<!-))*\.?$")
NUMBER = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")


class LinkProblem(Exception):
    """A url that is not fetched; the message is the reason, and `kind` says which."""

    def __init__(self, reason: str, kind: str, redirected: bool = False):
        super().__init__(reason)
        self.kind = kind  # "invalid", "refused", "unresolved", "robots", ...
        self.redirected = redirected  # a problem of a redirect's target, not of the url asked for


def checked_url(raw: str) -> httpx.URL:
    """The url, parsed and with a numeric host written as its address; LinkProblem if invalid."""
    text = raw.strip(" \t\r\n\f") if isinstance(raw, str) else ""
    if not text:
        raise LinkProblem("not a valid url (empty)", "invalid")
    if len(text) > MAX_URL_CHARS:
        raise LinkProblem(f"not a valid url (longer than {MAX_URL_CHARS} characters)", "invalid")
    odd = next((ch for ch in text if not ch.isprintable()), None)
    if odd is not None:
        raise LinkProblem(f"not a valid url (it holds the invisible or control character U+{ord(odd):04X})", "invalid")
    try:
        url = httpx.URL(text)
        port, host = url.port, url.host  # the host's IDNA is decoded here, lazily
    except (httpx.InvalidURL, ValueError, UnicodeError) as err:  # idna's errors are UnicodeErrors
        raise LinkProblem(f"not a valid url ({' '.join(str(err).split())[:200]})", "invalid") from None
    if url.scheme not in ("http", "https"):
        raise LinkProblem("only http and https urls are fetched", "invalid")
    if port is not None and not 0 < port < 65536:
        raise LinkProblem(f"not a valid url (port {port})", "invalid")
    return url.copy_with(host=canonical_host(host))


def canonical_host(host: str) -> str:
    """The host in one spelling: an address as ipaddress writes it, a name in lower case."""
    if not host:
        raise LinkProblem("not a valid url (no host)", "invalid")
    if ":" in host:  # only an IPv6 literal has one; httpx has parsed it
        return str(ipaddress.IPv6Address(host))
    address = numeric_ipv4(host)
    if address is not None:
        return str(address)
    if not HOST_NAME.match(host.lower()):
        raise LinkProblem(f"not a valid url (host {host[:100]!r})", "invalid")
    return host.lower()


def numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a host means when its last label is a number ('127.1', '0x7f.0.0.1',
    '2130706433', '017700000001'), as inet_aton and the WHATWG URL parser read it; None for a
    name; LinkProblem for a number that is no address ('1.2.3.4.5', '256.1.1.1')."""
    labels = host.rstrip(".").lower().split(".")
    if not NUMBER.match(labels[-1]):
        return None
    if len(labels) > 4 or not all(NUMBER.match(label) for label in labels):
        raise LinkProblem(f"not a valid url (host {host[:100]!r} is neither a name nor an address)", "invalid")
    numbers = [number_of(label) for label in labels]
    *high, last = numbers
    if any(n > 255 for n in high) or last >= 256 ** (5 - len(numbers)):
        raise LinkProblem(f"not a valid url (host {host[:100]!r} is no IPv4 address)", "invalid")
    value = sum(n << (8 * (3 - i)) for i, n in enumerate(high)) + last
    return ipaddress.IPv4Address(value)


def number_of(label: str) -> int:
    if label.startswith("0x"):
        return int(label[2:] or "0", 16)
    if len(label) > 1 and label.startswith("0"):
        if not set(label) <= set("01234567"):
            raise LinkProblem(f"not a valid url ({label!r} is not an octal number)", "invalid")
        return int(label, 8)
    return int(label)


def inner_ipv4(address: IP) -> IP:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), else the address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return address.ipv4_mapped
        if address in NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if address.sixtofour:
            return address.sixtofour
    return address


def refusal(address: IP, allow_private: bool) -> str | None:
    """Why a connection to this address is refused, or None."""
    inner = inner_ipv4(address)
    always = (
        (inner in METADATA_ADDRESSES, "a cloud metadata address"),
        (inner.is_unspecified, "the unspecified address"),
        (inner.is_multicast, "a multicast address"),
    )
    private = (
        (inner.is_loopback, "a loopback address"),
        (inner.is_link_local, "a link-local address"),
        (inner in SHARED, "a shared (CGNAT) address"),
        (inner.is_private, "a private address"),
        (not inner.is_global, "a reserved address"),
    )
    reason = next((why for hit, why in always if hit), None)
    if reason or allow_private:
        return reason
    reason = next((why for hit, why in private if hit), None)
    return f"{reason} (give --allow-private to fetch private addresses)" if reason else None


def name_refusal(host: str, allow_private: bool) -> str | None:
    """Why a host name is refused before it is resolved, or None."""
    name = host.rstrip(".").lower()
    if name in METADATA_NAMES:
        return f"{host} is a cloud metadata service"
    if not allow_private and (name == "localhost" or name.endswith(".localhost")):
        return f"{host} is this machine (give --allow-private to fetch private addresses)"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses DNS (and /etc/hosts) gives for a host."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def allowed_addresses(host: str, port: int, allow_private: bool, resolve: Resolver) -> list[IP]:
    """Every address the host resolves to, each checked: LinkProblem if any one is refused (a
    name with one private address among public ones is refused: the connection could reach it)."""
    reason = name_refusal(host, allow_private)
    if reason:
        raise LinkProblem(f"refused: {reason}", "refused")
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(found.split("%", 1)[0]) for found in resolve(host, port)]
        except (OSError, ValueError) as err:  # ValueError: an answer that is no address; UnicodeError is one
            raise LinkProblem(f"cannot resolve {host} ({getattr(err, 'strerror', None) or err})", "unresolved") from None
        if not addresses:
            raise LinkProblem(f"cannot resolve {host} (no address)", "unresolved")
    for address in addresses:
        reason = refusal(address, allow_private)
        if reason:
            said = f"{host} is" if str(address) == host.strip("[]") else f"{host} resolves to {address},"
            raise LinkProblem(f"refused: {said} {reason}", "refused")
    return addresses
