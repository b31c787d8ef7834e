"""Uploads are analysed one at a time, in a worker process of their own.

One spaCy pipeline must not be used by two threads at once (its StringStore is not thread-safe:
eight parallel uploads gave "KeyError E018" and OverflowError), and the per-article time limit
(analyse.run.time_limit, SIGALRM) works only in a process's main thread, which the web app's
request threads are not. So a single worker process loads the pipeline once and analyses in its
main thread, where the limit holds; requests wait their turn for it (a lock). Should it not
answer within the limit and a grace period (a call SIGALRM cannot interrupt), it is ended and a
fresh one started for the next upload.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from datetime import date

from ..schema import AnalysedArticle
from ..settings import configure, get_settings

# Loading the pipeline (the model, torch) in a fresh process takes a while on a busy machine.
START_SECONDS = 600.0
# Beyond the per-article limit, before a worker that does not answer is ended.
GRACE_SECONDS = 10.0


def serve_analyses(connection, options: dict) -> None:
    """The worker: this process's settings as the server's, the pipeline loaded once, then each
    (text, published, seconds) analysed in turn in the main thread, where the time limit holds."""
    from ..analyse.pipeline import build_pipeline
    from ..analyse.run import analyse_texts

    configure(**options)
    nlp = build_pipeline()
    connection.send("ready")
    while True:
        try:
            text, published, seconds = connection.recv()
        except EOFError:  # the server has gone
            return
        connection.send(analyse_texts(nlp, [(text, published)], seconds=seconds)[0])


class Analyser:
    """The server's one analysing worker, started at the first upload."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process = None
        self.connection = None

    def analyse(self, text: str, published: date | None, seconds: float) -> AnalysedArticle:
        """The analysis of one article, or an AnalysedArticle.failed saying why there is none."""
        with self.lock:
            if not self.ready():
                return AnalysedArticle.failed(f"the analysis could not start within {START_SECONDS:g} s")
            try:
                self.connection.send((text, published, seconds))
                if self.connection.poll(seconds + GRACE_SECONDS if seconds > 0 else None):
                    return self.connection.recv()
            except (EOFError, OSError):  # the worker died (out of memory, killed): a fresh one next time
                self.stop()
                return AnalysedArticle.failed("the analysis ended unexpectedly; try again")
            self.stop()
            return AnalysedArticle.failed(f"analysis stopped after {seconds:g} s (the per-article time limit, CROSSFLOOR_ARTICLE_SECONDS)")

    def ready(self) -> bool:
        if self.process is not None and self.process.is_alive():
            return True
        # spawn, not fork: the server has threads, and a fork copies only the one that forks.
        context = mp.get_context("spawn")
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=serve_analyses, args=(theirs, get_settings().model_dump()), daemon=True, name="crossfloor-analyser")
        self.process.start()
        theirs.close()
        try:
            if self.connection.poll(START_SECONDS) and self.connection.recv() == "ready":
                return True
        except (EOFError, OSError):  # it could not load the pipeline
            pass
        self.stop()
        return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join(5)
        self.process = None


# One per server process: every app in it shares the worker (and its loaded pipeline).
ANALYSER = Analyser()
