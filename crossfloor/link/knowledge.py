"""One picture across articles, updated as each article is stored (inside its transaction, so
an interrupted ingest leaves no half-linked article and a re-run links the same way):

- copies: an article whose text is nearly that of a stored one (MinHash Jaccard >= 0.8 over word
  5-grams, found through locality-sensitive bands) is kept as another publication of it;
- people: names across articles become one person (reference-data id, full name, or a lone
  surname or initial that fits exactly one known person), every mention kept;
- events: reports of the same event become one canonical event with the reports as sources and
  the most precise date any gives; reports that disagree stay separate events;
- stories: articles sharing an event, or sharing a person and much of their wording (and, when
  both are dated, within a fortnight), are one story.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from datasketch import MinHash
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from ..analyse.lexicon import party_lexicon, people_lexicon
from ..analyse.names import first_name_gender, is_first_name
from ..people import PersonName, given_names_agree, has_given_name, name_key, one_person, plain_name, same_person, spelling_key
from ..schema import Article
from ..schema.events import SPECS, weightiest_status
from ..store.chunks import in_chunks
from ..store.schema import (
    ArticleBandRow,
    ArticleCopyRow,
    ArticleRow,
    ArticleSignatureRow,
    CanonicalEventRow,
    EventRow,
    PersonMentionRow,
    PersonRow,
    QuoteRow,
    StoryRow,
)

PERMUTATIONS = 128
BANDS = 16  # 16 bands of 8 rows: a pair at Jaccard 0.8 shares a band with probability 0.95
SHINGLE = 5
COPY_THRESHOLD = 0.8
STORY_THRESHOLD = 0.2
STORY_WINDOW = timedelta(days=14)
STORY_CANDIDATES = 300  # most recent articles sharing a person, compared for wording
STORY_SCAN = 2000  # most recent articles of a story window read to tell whom a surname means
DATE_SLACK = timedelta(days=3)
WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint64)


def bands(values: np.ndarray) -> list[str]:
    rows = PERMUTATIONS // BANDS
    return [hashlib.sha1(values[k * rows : (k + 1) * rows].tobytes()).hexdigest()[:32] for k in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)


def looks_like_name(value: str | None) -> bool:
    """'Rachel Reeves', 'Wakeford', 'Damian Green'; not 'Health Secretary', 'Labour leadership
    source', 'Tories', 'Lib Dems', 'Claims Obama' or 'he'. A party's name is no name except as a
    person's surname."""
    words = plain_name(value).split()
    if not words or len(words) > 5 or not all(w[:1].isupper() for w in words):
        return False
    people, parties = people_lexicon(), party_lexicon()
    if any(w.lower() in people.role_heads or w.lower() in people.rank_words for w in words) or words[0].lower() in people.not_name_openers:
        return False
    if run_together(words):
        return False
    return not parties.normalise(" ".join(words)) and not any(parties.normalise(w) for w in (words[:-1] or words))


def run_together(words: list[str]) -> bool:
    """Two names written as one ('the Donald Trump-Ted Cruz feud' read as a name; 'Donald Trump
    Donald'): a word twice, or a hyphen joining a surname to a first name that another word
    follows. 'David Lloyd-George' and 'Jean-Pierre Raffarin' are one name."""
    if len({w.lower() for w in words}) < len(words):
        return True
    return any("-" in w and is_first_name(w.rsplit("-", 1)[1]) for w in words[1:-1])


@dataclass
class Copy:
    article_id: int
    similarity: float


class Linker:
    def __init__(self, session: Session):
        self.session = session

    # ---- copies -------------------------------------------------------------------------------
    def copy_of(self, values: np.ndarray) -> Copy | None:
        keys = bands(values)
        condition = or_(*(and_(ArticleBandRow.band == k, ArticleBandRow.hash == h) for k, h in enumerate(keys)))
        candidates = set(self.session.scalars(select(ArticleBandRow.article_id).where(condition)))
        best = None
        for article_id in sorted(candidates):
            stored = self.session.get(ArticleSignatureRow, article_id)
            score = similarity(values, from_bytes(stored.signature))
            if score >= COPY_THRESHOLD and (best is None or score > best.similarity):
                best = Copy(article_id, score)
        return best

    def add_copy(self, article: Article, copy: Copy) -> None:
        self.session.add(
            ArticleCopyRow(
                article_id=copy.article_id, content_hash=article.content_hash, similarity=round(copy.similarity, 4),
                external_id=article.id, title=article.title, published=article.published, outlet=article.outlet,
                url=article.url, source=article.source,
            )
        )

    def add_signature(self, article_id: int, values: np.ndarray) -> None:
        self.session.add(ArticleSignatureRow(article_id=article_id, signature=values.tobytes()))
        self.session.add_all(ArticleBandRow(article_id=article_id, band=k, hash=h) for k, h in enumerate(bands(values)))

    # ---- people -------------------------------------------------------------------------------
    def organisation(self, name: str) -> PersonRow | None:
        """The one organisation a source's name stands for ('the White House', 'Reuters'), kept
        apart from people: an organisation may speak, but it is not a person. A name with no
        word in it ("...") stands for none."""
        name = " ".join(name.split())
        key = spelling_key(name)
        if not key:
            return None
        same = self.session.scalars(select(PersonRow).where(PersonRow.kind == "organisation", PersonRow.surname == key.split()[-1]))
        found = next((p for p in same if spelling_key(p.name) == key), None)
        if found is None:
            found = PersonRow(name=name, surname=key.split()[-1], kind="organisation")
            self.session.add(found)
            self.session.flush()
        return found

    def person(self, name: str, kb_person: str | None = None, evidence: dict | None = None, near: Near | None = None) -> PersonRow | None:
        """The one person a name stands for across articles, made when new: by reference-data id,
        or the one known name it can be (`people.one_person`: 'Donald J. Trump' joins 'Donald
        Trump', never 'Donald Trump Jr.'; a person tied to another record is someone else). A
        surname alone goes to `by_surname_alone`, and may be nobody."""
        written = PersonName.parse(name)
        linked = self.session.scalar(select(PersonRow).where(PersonRow.kb_person == kb_person)) if kb_person else None
        if linked is not None and one_person(linked.name, written):
            return linked
        kb_person = None if linked is not None else kb_person  # a record already another name's: by name only
        known = self.same_surname(written, kb_person)
        if not has_given_name(written):
            return self.by_surname_alone(written, known, near)
        alike = next((p for p in known if name_key(p.name) == written.key), None)
        found = alike or fitting(written, [p for p in known if has_given_name(p.name)])
        if found is not None:
            return upgrade(found, written.plain, kb_person, evidence)
        found = behind_a_word(written, known)
        if found is not None:
            return found
        person = PersonRow(name=written.plain, surname=written.surname_key, kb_person=kb_person, kb_evidence=evidence if kb_person else None)
        self.session.add(person)
        self.session.flush()
        return person

    def same_surname(self, written: PersonName, kb_person: str | None) -> list[PersonRow]:
        """The people of the name's surname, but those tied to another reference record."""
        known = self.session.scalars(select(PersonRow).where(PersonRow.surname == written.surname_key, PersonRow.kind == "person").order_by(PersonRow.id))
        return [p for p in known if not (kb_person and p.kb_person and p.kb_person != kb_person)]

    def by_surname_alone(self, written: PersonName, known: list[PersonRow], near: Near | None) -> PersonRow | None:
        """A surname alone ('Wakeford' in an article that never gives the first name) is the one
        person of that surname (or, as part of a double-barrelled one, 'Kilroy' of 'Robert
        Kilroy-Silk') the article's story names, or the one the article's honorific and roles
        tell apart ('Mr Obama', 'President Trump': `told_apart`); when people of that surname are
        known but nothing tells which, nobody; when none is known, the record of the surname
        alone (Lord Woolf, whom articles never give a first name), made when new."""
        full = [p for p in known if has_given_name(p.name)]
        storied = in_story(self.session, full, written, near) if near is not None else []
        told = storied if len(storied) == 1 else told_apart(self.session, full, near.hints.get(written.key) if near else None)
        if len(told) == 1:
            return told[0]
        if full:
            return None
        alone = next((p for p in known if name_key(p.name) == written.key), None)
        if alone is None:
            alone = PersonRow(name=written.plain, surname=written.surname_key)
            self.session.add(alone)
            self.session.flush()
        return alone

    def link_people(self, article: ArticleRow, people: list[dict], quotes: list[QuoteRow], events: list[EventRow], values: np.ndarray | None = None) -> dict[str, PersonRow]:
        """Mentions for every person the article names; quotes and events point at people. A
        person the reference data identified (people's kb_person) is tied to that record with
        the evidence; an event's person the record named, with the event as evidence."""
        found: dict[str, PersonRow | None] = {}
        mentions: list[PersonMentionRow] = []
        near = Near(article, values, hints_of(people, quotes)) if values is not None else None

        def mention(name: str | None, kb_person: str | None = None, kind: str | None = None, evidence: dict | None = None, **about) -> PersonRow | None:
            if kind in ("role", "group") or not (kind == "organisation" or looks_like_name(name)):
                return None
            key = ("organisation " if kind == "organisation" else "") + plain_name(name).lower()
            if key not in found:
                evidence = {**evidence, "article_id": article.id} if evidence else None
                row = self.organisation(name) if kind == "organisation" else self.person(name, kb_person, evidence, near)
                found[key] = row
                if row is not None:
                    mentions.append(PersonMentionRow(person_id=row.id, article_id=article.id, name=plain_name(name), **about))
            return found[key]

        # Lookups need not see this article's mentions, and flushing them before every lookup
        # was most of the cost of linking: new people are flushed as they are made.
        with self.session.no_autoflush:
            for p in people:
                mention(p["name"], p.get("kb_person"), evidence=p.get("kb_evidence"), role=p.get("role"), party=p.get("party"), seat=p.get("seat"))
            for e in events:
                mention(e.person, e.kb_person, evidence={"fields": ["name"], "via": f"{e.type} event"} if e.kb_person else None)
            for q in quotes:
                row = mention(q.speaker_resolved, kind=q.speaker_kind, role=q.speaker_role, party=q.speaker_party, seat=q.speaker_seat)
                q.person_id = row.id if row is not None else None
        self.session.add_all(mentions)
        return {k: v for k, v in found.items() if v is not None}

    # ---- events -------------------------------------------------------------------------------
    def link_events(self, events: list[EventRow], people: dict[str, PersonRow]) -> set[int]:
        """Join each report to the canonical event it tells, or start one. Returns the ids of
        canonical events that already had reports from other articles."""
        shared: set[int] = set()
        for report in events:
            person = people.get(plain_name(report.person).lower()) if report.person else None
            canonical = self.matching(report, person)
            if canonical is None:
                canonical = CanonicalEventRow(type=report.type, person_id=person.id if person else None)
                self.session.add(canonical)
                fill_canonical(canonical, report, person)
                self.session.flush()
            else:
                shared.add(canonical.id)
                fill_canonical(canonical, report, person)
            report.canonical_id = canonical.id
        return shared

    def matching(self, report: EventRow, person: PersonRow | None) -> CanonicalEventRow | None:
        """The canonical event a report tells: same type and link column (the participant, for
        types that have one), and agreeing fields and dates (the type's `agrees`)."""
        kind = SPECS[report.type]
        query = select(CanonicalEventRow).where(CanonicalEventRow.type == report.type).order_by(CanonicalEventRow.id)
        if kind.participant:
            if person is None:
                return None
            query = query.where(CanonicalEventRow.person_id == person.id)
        else:
            query = query.where(getattr(CanonicalEventRow, kind.link_column) == getattr(report, kind.link_column))
        for candidate in self.session.scalars(query):
            if kind.agrees(candidate, report, agree_where_given) and dates_overlap(candidate.date_first, candidate.date_last, report.date_first, report.date_last):
                return candidate
        return None

    # ---- stories ------------------------------------------------------------------------------
    def link_story(self, article: ArticleRow, shared_events: set[int], people: dict[str, PersonRow], values: np.ndarray) -> None:
        related = set()
        sharing_events = select(ArticleRow.story_id).join(EventRow, EventRow.article_id == ArticleRow.id).where(ArticleRow.id != article.id)
        for query in in_chunks(sharing_events, EventRow.canonical_id, shared_events):
            related.update(self.session.scalars(query))
        person_ids = sorted({p.id for p in people.values()})
        if person_ids:
            sharing = select(PersonMentionRow.article_id).where(PersonMentionRow.person_id.in_(person_ids), PersonMentionRow.article_id != article.id).distinct()
            related |= similar_articles(self.session, article, values, sharing)
        related.discard(None)
        if not related:
            story = StoryRow(title=article.title or article.text.strip().split("\n", 1)[0][:200])
            self.session.add(story)
            self.session.flush()
            article.story_id = story.id
            return
        keep = min(related)
        article.story_id = keep
        others = sorted(related - {keep})
        if others:  # this article joins stories that were apart until now
            for statement in in_chunks(update(ArticleRow).values(story_id=keep), ArticleRow.story_id, others):
                self.session.execute(statement)
            for story_id in others:
                self.session.delete(self.session.get(StoryRow, story_id))


def in_story(session: Session, people: list[PersonRow], written: PersonName, near: Near) -> list[PersonRow]:
    """Those of the people, and of the people whose double-barrelled surname the name begins,
    who are named in an article of this one's story (`story_articles`). Read from the story's
    articles, not from each person's, so the cost does not grow with how many people share a
    surname or how often each was named."""
    story = near.story(session)
    if not story:
        return []
    named = select(PersonMentionRow.person_id).where(PersonMentionRow.article_id.in_(sorted(story))).distinct()
    ids = set(session.scalars(named.where(PersonMentionRow.person_id.in_([p.id for p in people])))) if people else set()
    double = select(PersonRow).where(PersonRow.kind == "person", PersonRow.name.ilike(f"% {written.words[0]}-%"), PersonRow.id.in_(named))
    return [p for p in people if p.id in ids] + list(session.scalars(double.limit(3)))


def similar_articles(session: Session, article: ArticleRow, values: np.ndarray, candidates) -> set[int]:
    """The stories of the candidate articles (a query of article ids, most recent first) that
    share at least STORY_THRESHOLD of this article's wording, within STORY_WINDOW."""
    candidates = candidates.order_by(PersonMentionRow.article_id.desc()).limit(STORY_CANDIDATES)
    rows = session.execute(
        select(ArticleRow.story_id, ArticleRow.published, ArticleSignatureRow.signature)
        .join(ArticleSignatureRow, ArticleSignatureRow.article_id == ArticleRow.id)
        .where(ArticleRow.id.in_(candidates))
    ).all()
    related = set()
    for story_id, published, stored in rows:
        if article.published and published and abs(article.published - published) > STORY_WINDOW:
            continue
        if similarity(values, from_bytes(stored)) >= STORY_THRESHOLD:
            related.add(story_id)
    return related


@dataclass
class Hint:
    """What an article says of a person it names by the surname alone: the gender of the
    honorific it writes ('Mr Obama') and the roles it gives them ('President Trump')."""

    gender: str | None = None
    roles: set[str] = field(default_factory=set)


def hints_of(people: list[dict], quotes: list[QuoteRow]) -> dict[str, Hint]:
    """Hints by the name's key ('obama'), from the people the article names and its quotes'
    speakers as written ('Mr. Obama')."""
    hints: dict[str, Hint] = {}
    said = [(p["name"], p["name"], p.get("role")) for p in people]
    said += [(q.speaker_resolved, q.speaker, q.speaker_role) for q in quotes if q.speaker_kind == "person" and q.speaker_resolved]
    for name, written, role in said:
        hint = hints.setdefault(name_key(name), Hint())
        hint.gender = hint.gender or PersonName.parse(written).gender
        hint.roles |= {role.lower()} if role else set()
    return hints


def told_apart(session: Session, people: list[PersonRow], hint: Hint | None) -> list[PersonRow]:
    """Those of the people the hint tells apart from the others: articles gave them one of its
    roles ('President'), and their first name's gender is its honorific's. A gender alone tells
    only where it rules someone out ('Mr Obama' beside Barack and Michelle Obama); none when
    the hint tells nothing."""
    if hint is None or not (hint.gender or hint.roles):
        return []
    fits = [p for p in people if not hint.gender or first_name_gender(p.name) == hint.gender]
    if not hint.roles:
        return fits if len(fits) < len(people) else []
    return [p for p in fits if described(session, p, hint.roles)]


def described(session: Session, person: PersonRow, roles: set[str]) -> bool:
    """Whether some article gave the person one of the roles (the first such mention will do:
    a person named in thousands of articles is not read whole)."""
    query = select(PersonMentionRow.id).where(PersonMentionRow.person_id == person.id, func.lower(PersonMentionRow.role).in_(sorted(roles)))
    return session.scalar(query.limit(1)) is not None


@dataclass
class Near:
    """The article a name is read in, its wording and what it says of the people it names by
    the surname alone, for telling which person of a surname it means."""

    article: ArticleRow
    values: np.ndarray
    hints: dict[str, Hint] = field(default_factory=dict)
    _story: set[int] | None = None

    def story(self, session: Session) -> set[int]:
        """The stored articles of this one's story (`story_articles`), read once per article."""
        if self._story is None:
            self._story = story_articles(session, self.article, self.values)
        return self._story


def story_articles(session: Session, article: ArticleRow, values: np.ndarray) -> set[int]:
    """The articles sharing STORY_THRESHOLD of this one's wording among the STORY_SCAN latest
    published within STORY_WINDOW of it (of those stored, for an undated article): bounded by
    how much news a fortnight holds, not by the size of the store."""
    query = select(ArticleRow.id, ArticleSignatureRow.signature).join(ArticleSignatureRow, ArticleSignatureRow.article_id == ArticleRow.id).where(ArticleRow.id != article.id)
    if article.published:
        query = query.where(ArticleRow.published.between(article.published - STORY_WINDOW, article.published + STORY_WINDOW))
    rows = session.execute(query.order_by(ArticleRow.id.desc()).limit(STORY_SCAN))
    return {article_id for article_id, stored in rows if similarity(values, from_bytes(stored)) >= STORY_THRESHOLD}


def behind_a_word(written: PersonName, known: list[PersonRow]) -> PersonRow | None:
    """A known full name with one more word in front that fits no one ('Tell Donald Trump', a
    headline's verb that is also a first name) is that person, not a new one: the one the rest
    of the name denotes ('Comparing Donald Trump' is Donald J. Trump)."""
    rest = PersonName.parse(" ".join(written.plain.split()[1:]))
    if not has_given_name(rest):
        return None  # 'Orrin Quint Jr.' is no word in front of 'Quint Jr.'
    return fitting(rest, [p for p in known if has_given_name(p.name)])


def fitting(written: PersonName, known: list[PersonRow]) -> PersonRow | None:
    """The one known person the full name can denote (`people.one_person`); of several, the one
    whose first name it shares, when only one does ('Donald Trump' is Donald J. Trump, not a
    'Comparing Donald Trump' a headline made)."""
    fitting = [p for p in known if one_person(p.name, written)]
    if len(fitting) > 1:
        first = written.words[0]
        fitting = [p for p in fitting if given_names_agree(PersonName.parse(p.name).words[0], first)]
    return fitting[0] if len(fitting) == 1 else None


def upgrade(person: PersonRow, name: str, kb_person: str | None, evidence: dict | None = None) -> PersonRow:
    """A person is shown by the fullest name seen ('C. Wakeford' becomes 'Christian Wakeford'),
    but never by a form opening with an initial, which is a poorer way to write the same name.
    The first reference record a mention ties them to is kept, with its evidence."""
    if fuller_name(person.name, name):
        person.name = name
    if kb_person and not person.kb_person:
        person.kb_person, person.kb_evidence = kb_person, evidence
    return person


def fuller_name(old: str, new: str) -> bool:
    """Whether `new` is a fuller way to write the person `old` names: longer, not opening with an
    initial, no word twice ("Donald Trump Trump"), and when `old` gives a first name, `new` opens
    with it. A word in front is not taken even when it can be a first name: a headline's verb
    ("Tell Donald Trump"), a name run in ("Donald Trump-Ted Cruz", "Amy Klobuchar Joe Biden")
    would become the name of everything the person said."""
    words = new.split()
    if len(new) <= len(old) or len(words[0].rstrip(".")) <= 1 or len({w.lower() for w in words}) < len(words):
        return False
    return not has_given_name(old) or given_names_agree(words[0].rstrip(".").lower(), old.split()[0].rstrip(".").lower())


def fill_canonical(canonical: CanonicalEventRow, report: EventRow, person: PersonRow | None) -> None:
    """A report adds what the canonical event lacks; the weightier status (weightiest_status) and
    the most precise date win, since later reports may know more than the first."""
    kind = SPECS[canonical.type]
    for key in kind.view_fields:
        if getattr(canonical, key) is None and getattr(report, key) is not None:
            setattr(canonical, key, getattr(report, key))
    if person is not None and kind.participant:
        setattr(canonical, kind.participant, person.name)
    canonical.status = weightiest_status((canonical.status, report.status))
    if report.date_first and (canonical.date_first is None or span(report) < span(canonical)):
        canonical.date, canonical.date_first, canonical.date_last = report.date, report.date_first, report.date_last


def agree_where_given(a: str | None, b: str | None) -> bool:
    """A canonical event's field and a report's agree where either leaves it out; given, they must
    be names that can denote one person ('Mr Wakeford' = 'Christian Wakeford'), or descriptions
    one of which ends the other ('transport minister' = 'minister'), as `same_person` has it."""
    return a is None or b is None or same_person(a, b)


def dates_overlap(a_first: date | None, a_last: date | None, b_first: date | None, b_last: date | None) -> bool:
    if not (a_first and b_first):
        return True
    return a_first - DATE_SLACK <= b_last and b_first - DATE_SLACK <= a_last


def span(row) -> int:
    return (row.date_last - row.date_first).days if row.date_first and row.date_last else 10**6
