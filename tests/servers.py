"""A local HTTP server for tests that fetch (127.0.0.1, a port of its own): the fetcher's tests
reach it only with private addresses allowed, as a user's `--allow-private` would."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer


@contextmanager
def serving(handler, state) -> Iterator:
    """The handler served on 127.0.0.1 while the block runs; state.base is its url."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
