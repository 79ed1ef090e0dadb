"""Safe fetching of web pages and feeds (httpx): the only way realpolitik reaches the network.

Every request is checked before it is sent and again after every redirect:
- only http and https, at most `fetching.max_redirects` hops, each followed here and re-checked;
- the host is resolved once, every DNS answer must be a public address (no loopback, private,
  link-local, multicast, reserved or unspecified ones) unless `allow_private`, and the connection
  goes to that checked address (so a second DNS answer cannot swap in a private one);
- connect/read timeouts and an overall deadline; the body is streamed and cut at a size cap;
- the content type must be one realpolitik can read (HTML, feeds, XML, plain text).
Limits are the `fetching.*` settings (docs/settings.md): max_bytes, timeout, max_redirects, and
allow_hosts (a list of "host", "host:port" or CIDRs let through while other private addresses
stay refused; `--allow-host` on the command line).
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from urllib.parse import urljoin, urlsplit, urlunsplit

from realpolitik.errors import RealpolitikError
from realpolitik.ingest.base import IngestError, RawItem
from realpolitik.options import Options
from realpolitik.version import __version__

log = logging.getLogger(__name__)

# Size, redirect and read-timeout limits are settings (realpolitik/settings.py: MAX_BYTES, MAX_REDIRECTS,
# READ_TIMEOUT). Seconds: connecting takes under a second to a healthy server.
CONNECT_TIMEOUT = 10.0
DEADLINE = 60.0
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+xml")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
ALLOWED_TYPES = FEED_TYPES + HTML_TYPES + TEXT_TYPES
USER_AGENT = f"realpolitik/{__version__} (+news event coding; polite polling)"


class FetchError(RealpolitikError):
    """A URL that was not fetched: which URL and why."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


@dataclass(frozen=True)
class FetchResult:
    """A fetched body (or a 304) with what is needed for the next conditional request."""

    url: str
    final_url: str
    status: int
    content_type: str
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None
    redirects: tuple[str, ...] = field(default_factory=tuple)

    @property
    def not_modified(self) -> bool:
        """True when the server answered 304 Not Modified."""
        return self.status == 304


# IPv6 prefixes that carry an IPv4 address a relay or gateway will connect to: 6to4 (2002::/16,
# RFC 3056) and the NAT64 well-known prefix (64:ff9b::/96, RFC 6052). The embedded address is the
# one to check, so [2002:7f00:1::] is loopback and [64:ff9b::a00:1] is private.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, Teredo client, NAT64), if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _reason_for(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    inner = embedded_ipv4(ip)
    if inner is not None:
        why = _reason_for(inner)
        if why:
            return f"{why} (IPv4 {inner} inside)"
    for attr, name in (("is_loopback", "a loopback"), ("is_link_local", "a link-local"),
                       ("is_multicast", "a multicast"), ("is_unspecified", "an unspecified"),
                       ("is_reserved", "a reserved"), ("is_private", "a private")):
        if getattr(ip, attr):
            return name
    if not ip.is_global:
        return "a non-public"  # e.g. 100.64.0.0/10 carrier-grade NAT
    return None


def allowed(host: str, port: int, addr: str, allow_hosts: Iterable[str]) -> bool:
    """Whether an allow-list entry lets this host/address through: "host", "host:port" or a CIDR like 10.0.0.0/8."""
    ip = ipaddress.ip_address(addr)
    for entry in allow_hosts:
        entry = str(entry).strip()
        if entry in (host, f"{host}:{port}", f"[{host}]:{port}"):  # a name matches by name, not by its address
            return True
        try:
            net = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            continue
        if ip.version == net.version and ip in net:
            return True
    return False


def check_allow_entry(entry: str) -> str:
    """An allow-list entry as given, or ValueError saying what is wrong with it."""
    e = entry.strip()
    if not e or any(c.isspace() for c in e) or "/" in e and not _is_network(e):
        raise ValueError(f"{entry!r}: expected HOST, HOST:PORT or a CIDR such as 10.0.0.0/8")
    return e


def _is_network(s: str) -> bool:
    try:
        ipaddress.ip_network(s, strict=False)
        return True
    except ValueError:
        return False


def resolve(url: str, allow_private: bool = False, allow_hosts: Iterable[str] = ()) -> list[str]:
    """The checked IP addresses of the URL's host; FetchError when any answer is not allowed.

    `allow_hosts` entries ("host", "host:port" or a CIDR) are let through even on private addresses:
    one named local server or network can be allowed without opening every private address.
    """
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
        # IDNA encoding here, so a bad name (empty or 64+ character label) is refused by name.
        host and host.encode("idna")
    except ValueError as exc:  # bad port, bad IPv6 literal, bad name (UnicodeError is a ValueError)
        raise FetchError(url, f"malformed URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"refused: scheme {parts.scheme or '(none)'!r} is not http or https")
    if not host:
        raise FetchError(url, "refused: the URL has no host")
    if parts.username or parts.password:
        raise FetchError(url, "refused: credentials in the URL")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {host!r}: {exc.strerror or exc}") from exc
    except (UnicodeError, ValueError) as exc:
        raise FetchError(url, f"malformed URL: {exc}") from exc
    addrs = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    if not addrs:
        raise FetchError(url, f"cannot resolve host {host!r}")
    if not allow_private:
        allow = list(allow_hosts)
        for a in addrs:
            why = _reason_for(ipaddress.ip_address(a))
            if why and not allowed(host, port, a, allow):
                where = f"{host} is" if host == a else f"{host} resolves to {a},"
                raise FetchError(url, f"refused: {where} {why} address (use --allow-host {host} or a CIDR "
                                      "to fetch from it, or --allow-private for every local or private network)")
    return addrs


def _limits(options: Options) -> tuple[int, int, float]:
    x = options.fetching
    return x.max_bytes, x.max_redirects, x.timeout


def fetch(url: str, options: Options | None = None, *, etag: str | None = None, last_modified: str | None = None,
          accept: tuple[str, ...] = ALLOWED_TYPES, method: str = "GET", json_body: object = None) -> FetchResult:
    """Fetch one URL safely (see the module doc); a 304 is returned, other errors raise FetchError.

    `accept` lists the content types taken (empty: any, e.g. a webhook's reply).
    """
    import httpx

    options = options or Options()
    max_bytes, max_redirects, read_timeout = _limits(options)
    timeout = httpx.Timeout(read_timeout, connect=min(CONNECT_TIMEOUT, read_timeout))
    headers = {"User-Agent": USER_AGENT, "Accept": (", ".join(accept) + ", */*;q=0.1") if accept else "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + max(DEADLINE, read_timeout)
    current, hops = url, list[str]()
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _ in range(max_redirects + 1):
            try:
                resp_or_next = _one_hop(client, method, current, headers, json_body, options, max_bytes, accept,
                                        deadline, url, tuple(hops))
            except httpx.TimeoutException as exc:
                raise FetchError(current, f"timed out ({type(exc).__name__})") from exc
            except (httpx.InvalidURL, ValueError) as exc:  # a Location httpx or urljoin cannot use
                raise FetchError(current, f"malformed URL: {exc}") from exc
            except httpx.HTTPError as exc:
                raise FetchError(current, f"request failed: {type(exc).__name__}: {exc}") from exc
            if isinstance(resp_or_next, FetchResult):
                return resp_or_next
            if method != "GET":
                raise FetchError(url, f"refused: the server redirected a {method} to {resp_or_next}")
            hops.append(current)
            current = resp_or_next
    raise FetchError(url, f"refused: more than {max_redirects} redirects (last {current})")


def _one_hop(client, method: str, current: str, headers: dict[str, str], json_body: object, options: Options,
             max_bytes: int, accept: tuple[str, ...], deadline: float, url: str, hops: tuple[str, ...]):
    """One request: a FetchResult, or the next URL when the answer is a redirect."""
    import httpx

    addrs = resolve(current, options.allow_private, options.fetching.allow_hosts)
    for i, addr in enumerate(addrs):
        try:
            with client.stream(method, _pinned(current, addr), headers={**headers, "Host": _host_header(current)},
                               extensions={"sni_hostname": urlsplit(current).hostname},
                               json=json_body if method == "POST" else None) as resp:
                if resp.status_code in (301, 302, 303, 307, 308):
                    loc = resp.headers.get("location")
                    if not loc:
                        raise FetchError(current, f"HTTP {resp.status_code} redirect without a Location header")
                    return urljoin(current, loc)
                return _read(url, current, resp, max_bytes, accept, deadline, hops)
        except httpx.ConnectError:
            if i == len(addrs) - 1:
                raise
    raise FetchError(current, "no address to connect to")


def _pinned(url: str, addr: str) -> str:
    # Connect to the address we checked, not to whatever a second DNS lookup would return.
    p = urlsplit(url)
    host = f"[{addr}]" if ":" in addr else addr
    netloc = host if p.port is None else f"{host}:{p.port}"
    return urlunsplit((p.scheme, netloc, p.path or "/", p.query, ""))


def _host_header(url: str) -> str:
    p = urlsplit(url)
    host = p.hostname or ""
    host = f"[{host}]" if ":" in host else host
    return host if p.port is None else f"{host}:{p.port}"


def _read(url: str, final: str, resp, max_bytes: int, accept: tuple[str, ...], deadline: float,
          hops: tuple[str, ...]) -> FetchResult:
    ctype_full = resp.headers.get("content-type", "")
    ctype = ctype_full.split(";")[0].strip().lower()
    etag, lm = resp.headers.get("etag"), resp.headers.get("last-modified")
    if resp.status_code == 304:
        return FetchResult(url, final, 304, ctype, b"", etag, lm, redirects=hops)
    if resp.status_code >= 400:
        raise FetchError(final, f"HTTP {resp.status_code} {resp.reason_phrase}")
    if accept and ctype and ctype not in accept:
        raise FetchError(final, f"refused: content type {ctype!r} is not one of {', '.join(accept)}")
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(final, f"refused: body is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    buf = bytearray()
    for chunk in resp.iter_bytes():
        buf.extend(chunk)
        if len(buf) > max_bytes:
            raise FetchError(final, f"refused: body is over the limit of {max_bytes:,} bytes (stopped reading)")
        if time.monotonic() > deadline:
            raise FetchError(final, "timed out: the body took too long to arrive")
    return FetchResult(url, final, resp.status_code, ctype, bytes(buf), etag, lm, resp.charset_encoding, hops)


def looks_like_feed(content_type: str, data: bytes) -> bool:
    """True for RSS/Atom: by content type, or by the root element of an XML body."""
    if content_type in HTML_TYPES:
        return False
    head = data[:2048].lstrip().lower()
    if content_type in FEED_TYPES and content_type not in ("application/xml", "text/xml"):
        return True
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) or (
        content_type in ("application/xml", "text/xml") and head.startswith(b"<?xml"))


def items_from_result(res: FetchResult, options: Options) -> Iterator[RawItem | IngestError]:
    """The articles in a fetched body: one per feed entry, or the page's main text."""
    from realpolitik.ingest.feeds import parse_feed
    from realpolitik.ingest.files import DecodeError, decode, parse_text_document
    from realpolitik.ingest.html import extract_html

    if looks_like_feed(res.content_type, res.content):
        yield from parse_feed(res.content, options, where=res.final_url)
        return
    try:
        text = res.content.decode(res.charset) if res.charset else decode(res.content, res.final_url)
    except (DecodeError, LookupError, UnicodeDecodeError) as exc:
        yield IngestError(res.final_url, f"cannot decode the body: {exc}")
        return
    if res.content_type in TEXT_TYPES:
        yield parse_text_document(text, options, where=res.final_url)
    else:
        yield extract_html(text, options, where=res.final_url, url=res.final_url)


def read_url(url: str, options: Options | None = None) -> Iterator[RawItem | IngestError]:
    """Fetch one page or feed and yield its articles; a refused or failed fetch is one IngestError."""
    options = options or Options()
    try:
        res = fetch(url, options)
    except FetchError as exc:
        yield IngestError(exc.url, exc.reason)
        return
    yield from items_from_result(res, options)
