"""Ingest: read -> analyse (in parallel, streaming) -> store, one transaction per article."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .analyse.pipeline import build_pipeline
from .analyse.run import run_parallel
from .read import ReadOptions, Skipped, iter_articles
from .schema import AnalysedArticle, Article
from .settings import get_settings
from .store.database import Database, Outcome, retrying
from .store.problems import DatabaseProblem


@dataclass
class IngestReport:
    stored: int = 0
    quotes: int = 0
    events: int = 0
    copies: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # A folder's files in no format crossfloor reads (.pdf, .bin), by suffix: not articles, so
    # not skips, but the user hears of them.
    passed_over: Counter[str] = field(default_factory=Counter)


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
    report: IngestReport | None = None,
    items: Iterable | None = None,
    stop: Callable[[], bool] | None = None,
) -> IngestReport:
    """engine 'local': worker processes on this machine; 'dask': a Dask cluster (the one at
    scheduler, or a local one with `processes` workers). Storing is always here, in order.
    report: filled in as articles are stored, so that a caller who stops the ingest (Ctrl-C)
    can say what was stored before. items: articles (or skips) read already, instead of paths.
    stop: asked after each article; when it says so, the ingest ends there with KeyboardInterrupt,
    between two transactions, never inside one."""
    from .link.reference import Reference

    report = report if report is not None else IngestReport()
    waiting: deque[Article] = deque()
    reference = Reference(db)

    def new_texts() -> Iterator[tuple[str, object]]:
        for item in items if items is not None else iter_articles(paths, options, report.passed_over):
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

        results = run_dask(new_texts(), scheduler, workers=processes or 2, attribution_model=get_settings().attribution_model)
    else:
        results = run_parallel(new_texts(), build_pipeline, processes=processes, on_ready=on_ready)
    for result in results:
        if stop and stop():
            raise KeyboardInterrupt
        article = waiting.popleft()
        outcome = Outcome("skipped", None, detail=result.error) if result.error else stored_or_skipped(article, result, db, reference)
        if outcome.kind == "skipped":
            report.skipped.append(Skipped(article.source, outcome.detail))
            if on_skip:
                on_skip(report.skipped[-1])
            continue
        if outcome.kind == "duplicate":
            report.duplicates += 1
            continue
        if outcome.kind == "copy":
            report.copies += 1
            continue
        report.stored += 1
        report.quotes += len(result.quotes)
        report.events += len(result.events)
        if on_article:
            on_article(article, len(result.quotes))
    return report


def stored_or_skipped(article: Article, result: AnalysedArticle, db: Database, reference) -> Outcome:
    """Store an article; one the store or the linker cannot take for a reason of its own (not a
    broken database, which ends the ingest) is skipped with the reason, its transaction rolled
    back, and the batch goes on."""
    try:
        return retrying(lambda: store_analysed(article, result, db, reference), f"{article.source}: linking")
    except DatabaseProblem:
        raise
    except Exception as err:  # noqa: BLE001 - one article the linker trips on must not end an archive's ingest
        return Outcome("skipped", None, detail=f"storing failed ({type(err).__name__}: {str(err).splitlines()[0] if str(err) else 'no message'})")


def store_analysed(article: Article, result: AnalysedArticle, db: Database, reference) -> Outcome:
    """Link an analysed article to reference data, then store it linked across articles, in
    one transaction: an interrupted ingest leaves nothing half-linked, and a re-run links the
    same way."""
    reference.link(article.published, result.quotes, result.events, result.people)
    duplicate = Outcome("duplicate", None)
    return db.in_transaction(lambda session: store_linked(session, db, article, result), f"{article.source}: storing", on_conflict=lambda: duplicate)


def store_linked(session, db: Database, article: Article, result: AnalysedArticle) -> Outcome:
    """In the caller's transaction: a text already stored is not stored again; a near copy of
    a stored article is kept as a copy of it; otherwise the article is added and tied to the
    people, events and stories already stored."""
    from .link.knowledge import Linker, signature
    from .link.utterances import UtteranceLinker

    if db.hash_stored(session, article.content_hash):  # another writer may have stored it since it was read
        return Outcome("duplicate", None)
    link = Linker(session)
    values = signature(article.text)
    copy = link.copy_of(values)
    if copy is not None:
        link.add_copy(article, copy)
        session.flush()
        return Outcome("copy", copy.article_id, copy.similarity)
    rows = db.add_article(session, article, result)
    link.add_signature(rows.article.id, values)
    people = link.link_people(rows.article, result.people, rows.quotes, rows.events, values)
    UtteranceLinker(session).link(rows.article, rows.quotes)
    shared = link.link_events(rows.events, people)
    link.link_story(rows.article, shared, people, values)
    return Outcome("stored", rows.article.id)


def ingest_now(article: Article, db: Database) -> Outcome:
    """Analyse and store one article in this process (the web app's upload)."""
    from .analyse.run import analyse_texts
    from .link.reference import Reference

    result = analyse_texts(build_pipeline(), [(article.text, article.published)])[0]
    if result.error:
        return Outcome("skipped", None, detail=f"{article.source}: {result.error}")
    return store_analysed(article, result, db, Reference(db))
