"""Run the pipeline over a stream of texts on all cores, in input order, with bounded memory.

Each worker process loads the pipeline once and receives texts in chunks; only plain
`AnalysedArticle` records travel back, never spaCy Docs. At most a few chunks per worker are in flight, so
memory stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from dataclasses import replace
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from contextlib import contextmanager
from typing import Any

from ..data import check_packaged
from ..read.furniture import mask_furniture
from ..schema import AnalysedArticle
from ..settings import get_settings
from .events.record import Event
from .events.timing import settle
from .event_filter import EventFilter, filter_in_use, kept_events
from .top_posts import resolve_top_posts

# A later window of a long article holds no opening sentence: its sentences count from here.
LATER_WINDOW = 1_000_000

_WORKER: dict[str, Any] = {}
# Texts longer than this are analysed in paragraph-aligned windows of about this size, since
# spaCy's parser refuses very long documents and memory grows with document length.
MAX_CHARS_PER_DOC = 200_000
# A worker is replaced (and loads the pipeline again, a few seconds) after this many chunks: its
# memory creeps up with every article it has seen (allocator fragmentation), and a fresh one
# keeps peak memory flat however long the input is.
RECYCLE_AFTER_CHUNKS = 60


def default_processes() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def windows(text: str, size: int = MAX_CHARS_PER_DOC) -> list[tuple[int, str]]:
    """Split text at paragraph breaks into windows of at most about size characters."""
    if len(text) <= size:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def analyse_texts(nlp, items: list, batch_size: int = 16, seconds: float | None = None) -> list[AnalysedArticle]:
    """The analysis of each item, offsets into its text. An item is a text or a (text,
    publication date) pair; the date resolves relative event dates ("on Wednesday"). An article
    that takes longer than `seconds` (default: the settings' article_seconds), or that breaks
    the pipeline, comes back with nothing but an error saying so, and the batch goes on."""
    limit = get_settings().article_seconds if seconds is None else seconds
    judge = filter_in_use()
    results: list[AnalysedArticle] = []
    # Strings the pipeline learns from these texts are freed when the zone closes, so a worker's
    # memory does not grow with the archive (everything leaving the zone is plain Python).
    with nlp.memory_zone():
        for item in items:
            text, published = (item, None) if isinstance(item, str) else item
            try:
                with time_limit(limit):
                    results.append(analyse_one(nlp, text, published, batch_size, judge))
            except ArticleTimeout:
                results.append(AnalysedArticle.failed(f"analysis stopped after {limit:g} s (the per-article time limit, CROSSFLOOR_ARTICLE_SECONDS)"))
            except Exception as err:  # noqa: BLE001 - one bad article must not end the batch
                results.append(AnalysedArticle.failed(f"analysis failed ({type(err).__name__}: {str(err).splitlines()[0] if str(err) else 'no message'})"))
        return results


def analyse_one(nlp, text: str, published, batch_size: int, judge: EventFilter | None = None) -> AnalysedArticle:
    """judge: the learned event filter, which keeps or drops each event once its date and news
    flag are settled (they are among what it reads); None keeps every event the rules found."""
    quotes: list[dict] = []
    events: list[Event] = []
    people: dict[str, dict] = {}
    sentences: list[list[int]] = []
    parts = windows(mask_furniture(text))
    for (offset, _), doc in zip(parts, nlp.pipe((p for _, p in parts), batch_size=batch_size)):
        first_quote = len(quotes)
        quotes.extend(_shift(q.to_dict(), offset, QUOTE_OFFSETS) for q in (doc._.quotes or []))
        for event in doc._.events or []:
            shift_event(event, offset, first_quote)
            events.append(event)
        for person in people_of(doc):
            people.setdefault(person["name"], person)
        sentences.extend([s.start_char + offset, s.end_char + offset] for s in doc.sents if s.text.strip())
    settle(events, published)
    records = [e.to_dict() for e in kept_events(events, text, published, judge)]
    resolve_top_posts(quotes, [*people, *(q["speaker_resolved"] for q in quotes if q.get("speaker_kind") == "person")], published)
    for quote in quotes:  # the words as the user gave them, furniture and all
        quote["text"] = text[quote["start"] : quote["end"]]
    return AnalysedArticle(quotes=quotes, events=records, people=list(people.values()), sentences=sentences)


class ArticleTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float | None):
    """Interrupt the block after `seconds` (SIGALRM). Only the main thread can take signals, so
    elsewhere (a Dask worker's thread, the web app's thread pool) the block runs unlimited."""
    usable = seconds and seconds > 0 and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def people_of(doc) -> list[dict]:
    """The people the article names, in their fullest form, with what it says they are."""
    cast = doc._.cast
    if cast is None:
        return []
    return [{"name": p.name, "role": p.role, "party": p.party, "seat": p.seat} for p in cast.people()]


QUOTE_OFFSETS = ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end")


def _shift(data: dict, offset: int, keys: tuple[str, ...]) -> dict:
    if offset:
        for key in keys:
            if data[key] is not None:
                data[key] += offset
    return data


def shift_event(event: Event, offset: int, first_quote: int) -> None:
    if offset:
        for key in ("start", "end", "trigger_start", "trigger_end"):
            if getattr(event, key) is not None:
                setattr(event, key, getattr(event, key) + offset)
        event.evidence = [[s + offset, e + offset] for s, e in event.evidence]
        event.tellings = [replace(t, sentence=t.sentence + LATER_WINDOW) for t in event.tellings]
    event.quotes = [k + first_quote for k in event.quotes]


def _bare(nlp, texts: list[str], batch_size: int = 16) -> list[int]:
    """The model alone, for the benchmark's baseline: token counts only."""
    out = []
    with nlp.memory_zone():
        for text in texts:
            out.append(sum(len(doc) for doc in nlp.pipe((p for _, p in windows(text)), batch_size=batch_size)))
    return out


def _init_worker(loader: Callable[[], Any]) -> None:
    # Ctrl-C reaches every process of the terminal's group. The parent decides what it means
    # (stop between articles) and ends the pool; a worker that took it too would print its own
    # traceback over the parent's one-line summary.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["nlp"] = loader()


def _work(args: tuple[str, list[str]]) -> list:
    task, texts = args
    nlp = _WORKER["nlp"]
    return _bare(nlp, texts) if task == "bare" else analyse_texts(nlp, texts)


def _warm(_: int) -> None:
    time.sleep(0.3)  # long enough that every worker takes one, so all have loaded the pipeline


def chunked(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def workers_for(chunks: Iterator[list], processes: int) -> tuple[Iterator[list], int]:
    """The chunks (all of them, in order) and how many workers they need: `processes`, or fewer
    when the input ends within the first `processes` chunks (read ahead to tell)."""
    ahead = list(islice(chunks, processes))
    return chain(ahead, chunks), processes if len(ahead) == processes else max(1, len(ahead))


def run_parallel(
    texts: Iterable,
    loader: Callable[[], Any],
    processes: int | None = None,
    chunk_size: int = 8,
    task: str = "extract",
    on_ready: Callable[[], None] | None = None,
) -> Iterator[Any]:
    """Yield one result per item, in order. task: 'extract' (an AnalysedArticle per text or
    (text, published) pair) or 'bare' (token counts per text).

    on_ready is called once every worker has loaded the pipeline (the benchmark starts its clock).
    An input of fewer chunks than processes gets a worker per chunk, and one chunk (a single
    article) is analysed here: a worker that would get nothing to do is not started, nor made to
    load the pipeline.
    """
    chunks, processes = workers_for(chunked(texts, chunk_size), processes or default_processes())
    if processes <= 1:
        nlp = loader()
        if on_ready:
            on_ready()
        for chunk in chunks:
            yield from (_bare(nlp, chunk) if task == "bare" else analyse_texts(nlp, chunk))
        return
    check_packaged()  # a broken word list is one line here, not a failure in every worker
    ctx = mp.get_context("fork")
    with ctx.Pool(processes, initializer=_init_worker, initargs=(loader,), maxtasksperchild=RECYCLE_AFTER_CHUNKS) as pool:
        if on_ready:
            pool.map(_warm, range(processes), chunksize=1)
            on_ready()
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_work, ((task, chunk),)))
            while len(pending) >= processes * 2:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
