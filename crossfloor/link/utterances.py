"""One utterance, many outlets: quotes by one person (or organisation) within days of each other
that give the same words (exactly, trimmed, spliced or with words changed) join one utterance,
and indirect quotes that report it are linked to it as paraphrases.

Runs in the storing transaction after the people are linked (a quote's speaker is its
`person_id`), incrementally: an article's quotes are compared with the quotes of the same person
stored within `WINDOW` of its publication day, join the utterances those belong to (merging
utterances a quote shows to be one) or start one; then each utterance touched is restated: its
fullest direct rendering, and every rendering's difference from it (`renderings.py`). Mixed
quotes of a few quoted words each, too few to join as renderings, join one another when their
quoted words are one stretch (`echoes`): an utterance known only by such fragments, whose
fullest wording is the longest fragment. A near
copy of a stored article is stored as a copy, with no quotes, so it is never a second
rendering; nor are two quotes of one article compared. Undated articles are not linked (no
window to look in).
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..store.schema import ArticleRow, QuoteRow, UtteranceRow
from .renderings import KINDS, PARAPHRASE, Words, as_said, compare, compare_reported, different_words, echoes, fragment_words, joins, reports

WINDOW = timedelta(days=7)
# Work per quote is bounded before it starts: at most this many of the person's quotes in the
# window (the most recent) are compared, and an utterance takes at most this many renderings.
MAX_CANDIDATES = 400
# ... and at most this many of the window's articles (the most recent) are looked in.
MAX_WINDOW_ARTICLES = 5000
MAX_RENDERINGS = 500


@lru_cache(maxsize=50_000)
def said(text: str, kind: str | None) -> tuple[str, Words]:
    """How a quote takes part (direct or paraphrase) and its words, cached: the same stored
    quotes are candidates for article after article."""
    return as_said(text, kind)


def words(quote: QuoteRow) -> Words:
    return said(quote.text, quote.kind)[1]


def direct(quote: QuoteRow) -> bool:
    return said(quote.text, quote.kind)[0] != PARAPHRASE


@lru_cache(maxsize=50_000)
def quoted_fragment(text: str, kind: str | None) -> Words | None:
    return fragment_words(text, kind)


def fragment(quote: QuoteRow) -> Words | None:
    """A mixed quote's few quoted words, when it takes part as a paraphrase."""
    return None if direct(quote) else quoted_fragment(quote.text, quote.kind)


class UtteranceLinker:
    def __init__(self, session: Session):
        self.session = session
        # Each (article, person)'s window of quotes, read once per article linked, not once per
        # quote: a speaker quoted twenty times in an article read the same 400 rows twenty
        # times, and on PostgreSQL each read is a round trip. Rows are the session's own, so
        # utterances joined or let go since are seen in them.
        self.windows: dict[tuple[int, int], list[QuoteRow]] = {}
        self.article_windows: dict[int, list[int]] = {}

    def link(self, article: ArticleRow, quotes: list[QuoteRow]) -> set[int]:
        """Join the article's quotes to utterances; the ids of the utterances touched."""
        if article.published is None:
            return set()
        # The windows hold for this article only: a linker kept for many (relink) would otherwise
        # hand out quotes the session has let go of since.
        self.windows.clear()
        self.article_windows.clear()
        spoken = [q for q in quotes if q.person_id is not None]
        joined: set[int] = set()
        for quote in spoken:
            if direct(quote):
                joined |= self.join_direct(article, quote)
        self.restate_all(joined)  # dated now, so this article's paraphrases can find them
        reported: set[int] = set()
        for quote in spoken:
            if not direct(quote) and quote.utterance_id is None:
                reported |= self.join_paraphrase(article, quote)
        self.restate_all(reported)
        echoed: set[int] = set()
        for quote in spoken:
            if quote.utterance_id is None and fragment(quote):
                echoed |= self.join_fragment(article, quote)
        self.restate_all(echoed)
        return joined | reported | echoed

    def restate_all(self, utterance_ids: set[int]) -> None:
        for utterance_id in sorted(utterance_ids):
            self.restate(utterance_id)
        self.session.flush()

    # ---- direct renderings --------------------------------------------------------------------
    def candidates(self, article: ArticleRow, person_id: int, directly: bool) -> list[QuoteRow]:
        """The person's quotes from other articles within the window, most recent first: those
        that give words (directly) or those that paraphrase."""
        key = (article.id, person_id)
        if key not in self.windows:
            query = (
                select(QuoteRow)
                .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
                .where(QuoteRow.person_id == person_id, QuoteRow.article_id.in_(self.window_articles(article)))
                .order_by(ArticleRow.published.desc(), QuoteRow.id.desc())
                .limit(MAX_CANDIDATES)
            )
            self.windows[key] = list(self.session.scalars(query))
        return [q for q in self.windows[key] if direct(q) == directly]

    def window_articles(self, article: ArticleRow) -> list[int]:
        """The ids of the other articles within the window. Given as values, not as a subquery:
        the (person, article) index is then probed once per article. PostgreSQL, planning a
        prepared statement for any speaker, read every quote of the speaker instead (13,051 of
        Donald Trump's, 21 ms a query, growing with the store)."""
        if article.id not in self.article_windows:
            day = article.published
            query = (
                select(ArticleRow.id)
                .where(ArticleRow.published >= day - WINDOW, ArticleRow.published <= day + WINDOW, ArticleRow.id != article.id)
                .order_by(ArticleRow.published.desc())
                .limit(MAX_WINDOW_ARTICLES)
            )
            self.article_windows[article.id] = list(self.session.scalars(query))
        return self.article_windows[article.id]

    def join_direct(self, article: ArticleRow, quote: QuoteRow) -> set[int]:
        mine = words(quote)
        matches = [c for c in self.candidates(article, quote.person_id, directly=True) if joins(mine, words(c))]
        return self.join_matches(quote, matches, lambda u: joins(mine, self.fullest_words(u)))

    def join_fragment(self, article: ArticleRow, quote: QuoteRow) -> set[int]:
        """A mixed quote of a few quoted words joins the person's other such quotes in the
        window whose quoted words are one stretch with its own (`echoes`), and the utterance
        they make, unless that one's fullest words are other words."""
        mine = fragment(quote)
        matches = [c for c in self.candidates(article, quote.person_id, directly=False) if fragment(c) and echoes(mine, fragment(c))]
        return self.join_matches(quote, matches, lambda u: (full := self.fullest_fragment(u)) is not None and echoes(mine, full))

    def join_matches(self, quote: QuoteRow, matches: list[QuoteRow], joins_fullest) -> set[int]:
        """The quote and the quotes it matches join the utterance those belong to, or start one.
        An utterance is joined only when the quote joins its fullest wording (`joins_fullest`),
        not one of its renderings: through a rendering that quotes two passages, two different
        passages would be one. Utterances the quote joins merge into the oldest."""
        known = [u for u in sorted({c.utterance_id for c in matches if c.utterance_id is not None}) if joins_fullest(u)]
        matches = [c for c in matches if c.utterance_id is None or c.utterance_id in known]
        if not matches:
            return set()
        target = known[0] if known else self.start(quote)
        self.merge(target, known[1:])
        if self.full(target):
            return {target}
        for row in [quote, *matches]:
            row.utterance_id = target
        self.session.flush()
        return {target}

    def fullest_fragment(self, utterance_id: int) -> Words | None:
        """The quoted words of an utterance known only by fragments; None for any other."""
        utterance = self.session.get(UtteranceRow, utterance_id)
        if utterance is None:
            return None
        kind = fullest_kind(self.session, utterance)
        return quoted_fragment(utterance.text, kind) if said(utterance.text, kind)[0] == PARAPHRASE else None

    def start(self, quote: QuoteRow) -> int:
        utterance = UtteranceRow(person_id=quote.person_id, quote_id=quote.id, text=quote.text, renderings=0, outlets=0, different=0, changes="")
        self.session.add(utterance)
        self.session.flush()
        return utterance.id

    def merge(self, target: int, others: list[int]) -> None:
        """Utterances one quote shows to be one become the oldest of them."""
        if not others:
            return
        self.session.execute(update(QuoteRow).where(QuoteRow.utterance_id.in_(others)).values(utterance_id=target))
        for other in others:
            self.session.delete(self.session.get(UtteranceRow, other))
        self.session.flush()

    def full(self, utterance_id: int) -> bool:
        return len(self.renderings(utterance_id)) >= MAX_RENDERINGS

    # ---- paraphrases --------------------------------------------------------------------------
    def join_paraphrase(self, article: ArticleRow, quote: QuoteRow) -> set[int]:
        """An indirect quote joins the utterance (of its speaker, in the window) whose fullest
        wording it reports, when there is one."""
        day = article.published
        query = select(UtteranceRow).where(
            UtteranceRow.person_id == quote.person_id,
            UtteranceRow.last_published >= day - WINDOW,
            # Bounded from below too, so the index reads a few weeks of the speaker's utterances:
            # one first quoted more than two windows before is not looked at.
            UtteranceRow.first_published >= day - 2 * WINDOW,
            UtteranceRow.first_published <= day + WINDOW,
        )
        mine = words(quote)
        for utterance in self.session.scalars(query.order_by(UtteranceRow.id).limit(MAX_CANDIDATES)):
            # One known by fragments only is not reported: its fullest wording is the writer's.
            role, full = said(utterance.text, fullest_kind(self.session, utterance))
            if role != PARAPHRASE and reports(mine, full) and not self.full(utterance.id):
                quote.utterance_id = utterance.id
                self.session.flush()
                return {utterance.id}
        return set()

    def fullest_words(self, utterance_id: int) -> Words:
        utterance = self.session.get(UtteranceRow, utterance_id)
        return said(utterance.text, fullest_kind(self.session, utterance))[1]

    def adopt_paraphrases(self, utterance: UtteranceRow, fullest: QuoteRow, article: ArticleRow) -> None:
        """A new utterance takes the stored indirect quotes of its speaker that report it."""
        full = words(fullest)
        for quote in self.candidates(article, utterance.person_id, directly=False):
            if quote.utterance_id is None and reports(words(quote), full):
                quote.utterance_id = utterance.id

    # ---- what the utterance holds -------------------------------------------------------------
    def renderings(self, utterance_id: int) -> list[tuple[QuoteRow, ArticleRow]]:
        query = (
            select(QuoteRow, ArticleRow)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
            .where(QuoteRow.utterance_id == utterance_id)
            .order_by(QuoteRow.id)
        )
        return [(q, a) for q, a in self.session.execute(query)]

    def restate(self, utterance_id: int) -> None:
        """The utterance's fullest wording and every rendering's difference from it, again."""
        utterance = self.session.get(UtteranceRow, utterance_id)
        if utterance is None:  # merged into another by a later quote of the same article
            return
        rows = self.renderings(utterance_id)
        (fullest, article), by_fragments = fullest_of(rows)
        wording = fragment if by_fragments else words
        if utterance.renderings == 0 and not by_fragments:
            self.adopt_paraphrases(utterance, fullest, article)
            self.session.flush()
            rows = self.renderings(utterance_id)
        full = wording(fullest)
        leaving = [q for q, _ in rows if q.id != fullest.id and not stays(full, q, by_fragments)]
        for quote in leaving:
            quote.utterance_id, quote.rendering = None, None
        rows = [(q, a) for q, a in rows if q.utterance_id == utterance_id]
        if len(rows) < 2:  # nothing else renders its fullest wording: no utterance across articles
            dissolve(self.session, utterance)
            return
        for quote, _ in rows:
            quote.rendering = rendering_of(full, quote, by_fragments).to_dict()
        utterance.quote_id, utterance.text = fullest.id, fullest.text
        summarise(utterance, rows)


def fullest_kind(session: Session, utterance: UtteranceRow) -> str | None:
    return session.scalar(select(QuoteRow.kind).where(QuoteRow.id == utterance.quote_id))


def fullest_of(rows: list[tuple[QuoteRow, ArticleRow]]) -> tuple[tuple[QuoteRow, ArticleRow], bool]:
    """The rendering with the most words (the earliest of equals) among the direct ones, else
    among the fragments; and whether the utterance is known by fragments only."""
    spoken = [(q, a) for q, a in rows if direct(q)]
    wording = words if spoken else fragment
    return max(spoken or [(q, a) for q, a in rows if fragment(q)], key=lambda row: (len(wording(row[0])), -row[0].id)), not spoken


def dissolve(session: Session, utterance: UtteranceRow) -> None:
    """An utterance no longer rendered by two quotes is gone. Every quote still pointing at it
    is let go in SQL first: the unit of work, which knows no relationship between the two,
    may otherwise delete the utterance before it writes the quotes that leave it."""
    session.flush()
    let_go(session, QuoteRow.utterance_id == utterance.id)
    session.execute(delete(UtteranceRow).where(UtteranceRow.id == utterance.id))


def let_go(session: Session, which) -> None:
    """The quotes `which` selects render no utterance any more (in SQL, before utterances go)."""
    session.execute(update(QuoteRow).where(which).values(utterance_id=None, rendering=None))


def stays(full: Words, quote: QuoteRow, by_fragments: bool = False) -> bool:
    """Whether a rendering joins the fullest wording itself (a direct one), reports it (a
    paraphrase) or, in an utterance known by fragments, echoes it; one that does not, joined
    through another rendering (a merge, a new fullest wording), leaves the utterance rather than
    be shown as a changed version of words it never quoted."""
    if by_fragments:
        return fragment(quote) is not None and echoes(full, fragment(quote))
    return joins(full, words(quote)) if direct(quote) else reports(words(quote), full)


def rendering_of(full: Words, quote: QuoteRow, by_fragments: bool):
    """How a rendering differs from the fullest wording: word by word for a direct one or a
    fragment beside fragments; as a report of it otherwise."""
    if by_fragments:
        return compare(full, fragment(quote))
    return compare(full, words(quote)) if direct(quote) else compare_reported(full, quote.text, quote.kind)


def summarise(utterance: UtteranceRow, rows: list[tuple[QuoteRow, ArticleRow]]) -> None:
    """Counts and the kinds of change, from the renderings as they now are."""
    days = [a.published for _, a in rows if a.published]
    utterance.first_published, utterance.last_published = min(days), max(days)
    utterance.renderings = len(rows)
    utterance.outlets = len({outlet_of(a) for _, a in rows})
    utterance.different = len({outlet_of(a) for q, a in rows if different_words(q.rendering)})
    kinds = {q.rendering["kind"] for q, _ in rows} - {KINDS[0]}
    flags = {flag for q, _ in rows for flag in q.rendering["flags"]}
    utterance.changes = "".join(f",{name}" for name in sorted(kinds | flags)) + ("," if kinds | flags else "")


def outlet_of(article: ArticleRow) -> str:
    """An outlet by name; an article without one counts as an outlet of its own."""
    return (article.outlet or "").strip().lower() or f"article {article.id}"


# Articles linked between flushes when utterances are rebuilt: the session lets go of what it
# has written, so memory does not grow with the store.
RELINK_BATCH = 200


def relink_all(session: Session) -> dict[str, int]:
    """Every utterance built again with this version's rules, in the caller's transaction (all
    or nothing): stored quotes are unlinked, then each dated article's quotes are linked in
    publication order, as ingest would have linked them. Returns the counts after."""
    let_go(session, QuoteRow.utterance_id.is_not(None))
    session.execute(delete(UtteranceRow))
    linker = UtteranceLinker(session)
    dated = select(ArticleRow.id).where(ArticleRow.published.is_not(None)).order_by(ArticleRow.published, ArticleRow.id)
    for n, article_id in enumerate(list(session.scalars(dated)), 1):
        article = session.get(ArticleRow, article_id)
        quotes = list(session.scalars(select(QuoteRow).where(QuoteRow.article_id == article_id).order_by(QuoteRow.start)))
        linker.link(article, quotes)
        if n % RELINK_BATCH == 0:
            session.flush()
            session.expunge_all()
    session.flush()
    return {
        "utterances": session.scalar(select(func.count(UtteranceRow.id))) or 0,
        "quotes": session.scalar(select(func.count(QuoteRow.id)).where(QuoteRow.utterance_id.is_not(None))) or 0,
    }
