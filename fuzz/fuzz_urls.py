"""Coverage-guided fuzzing of urls and feed links through the fetcher's checks, with atheris.

    python fuzz/fuzz_urls.py -atheris_runs=100000 CORPUS_DIR

Each input is a link put in a feed (as XML text) with a feed url to resolve it against, and a
list of addresses its host "resolves" to. Reading the feed's links, checking a link
(addresses.checked_url) and its addresses (addresses.allowed_addresses) must give a checked url
or a LinkProblem with a one-line reason, never raise anything else; an allowed url is http(s)
with a host, and no allowed address is one the policy refuses. Nothing is fetched and no name
is looked up: the resolver is the input's.
"""

import sys
from xml.sax.saxutils import escape

import atheris

with atheris.instrument_imports():
    from crossfloor.read.addresses import LinkProblem, allowed_addresses, checked_url, refusal
    from crossfloor.read.web import feed_links, shown

BASES = ["http://news.example/rss/feed.xml", "https://[2001:db8::1]:8443/f", "http://127.0.0.1:8000/"]
ADDRESSES = ["93.184.216.34", "127.0.0.1", "10.0.0.5", "169.254.169.254", "::ffff:127.0.0.1", "fd00::1", "2606:4700::1", "0.0.0.0", "not an address", "fe80::1%eth0"]


def check_one(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    base = provider.PickValueInList(BASES)
    allow_private = provider.ConsumeBool()
    answers = [provider.PickValueInList(ADDRESSES) for _ in range(provider.ConsumeIntInRange(0, 3))]
    link = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><item><link>{escape(link)}</link></item></channel></rss>'.encode()
    links = [found for found, _, _ in feed_links(feed, base)] + [link]
    for each in links:
        assert shown(each).isprintable()
        try:
            url = checked_url(each)
            assert url.scheme in ("http", "https") and url.host, url
            for address in allowed_addresses(url.host, url.port or 80, allow_private, lambda host, port: answers):
                assert refusal(address, allow_private) is None, address
        except LinkProblem as problem:
            assert str(problem) and "\n" not in str(problem) and problem.kind in ("invalid", "refused", "unresolved"), problem


def main() -> None:
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
