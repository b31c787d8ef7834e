"""Ingest: read -> analyse (in parallel, streaming) -> store, one transaction per article."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .analyse.pipeline import build_pipeline
from .analyse.run import run_parallel
from .read import ReadOptions, Skipped, iter_articles
from .records import Article
from .store.database import Database, Outcome, retrying


@dataclass
class IngestReport:
    stored: int = 0
    quotes: int = 0
    events: int = 0
    copies: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ingest(
    paths: Iterable[str],
    db: Database,
    options: ReadOptions,
    processes: int | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article, int], None] | None = None,
    on_ready: Callable[[], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> IngestReport:
    """engine 'local': worker processes on this machine; 'dask': a Dask cluster (the one at
    scheduler, or a local one with `processes` workers). Storing is always here, in order."""
    from .link.reference import Reference

    report = IngestReport()
    waiting: deque[Article] = deque()
    reference = Reference(db)

    def new_texts() -> Iterator[tuple[str, object]]:
        for item in iter_articles(paths, options):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                if on_skip:
                    on_skip(item)
                continue
            report.warnings.extend(f"{item.source}: {w}" for w in item.warnings)
            if retrying(lambda: db.known_hashes([item.content_hash]), f"{item.source}: checking"):
                report.duplicates += 1
                continue
            waiting.append(item)
            yield item.text, item.published

    if engine == "dask" or scheduler:
        from .analyse.distributed import run_dask

        results = run_dask(new_texts(), scheduler, workers=processes or 2)
    else:
        results = run_parallel(new_texts(), build_pipeline, processes=processes, on_ready=on_ready)
    for result in results:
        article = waiting.popleft()
        if result.get("error"):
            skipped = Skipped(article.source, result["error"])
            report.skipped.append(skipped)
            if on_skip:
                on_skip(skipped)
            continue
        quotes, events = result["quotes"], result["events"]
        outcome = retrying(lambda: store_analysed(article, result, db, reference), f"{article.source}: linking")
        if outcome.kind == "duplicate":
            report.duplicates += 1
            continue
        if outcome.kind == "copy":
            report.copies += 1
            continue
        report.stored += 1
        report.quotes += len(quotes)
        report.events += len(events)
        if on_article:
            on_article(article, len(quotes))
    return report


def store_analysed(article: Article, result: dict, db: Database, reference) -> Outcome:
    """Link an analysed article to reference data, then store it linked across articles."""
    from .link.knowledge import Linker

    reference.link(article.published, result["quotes"], result["events"])
    return db.store(article, result, linker=Linker)


def ingest_now(article: Article, db: Database) -> Outcome:
    """Analyse and store one article in this process (the web app's upload)."""
    from .analyse.run import analyse_texts
    from .link.reference import Reference

    result = analyse_texts(build_pipeline(), [(article.text, article.published)])[0]
    if result.get("error"):
        return Outcome("skipped", None, detail=f"{article.source}: {result['error']}")
    return store_analysed(article, result, db, Reference(db))
