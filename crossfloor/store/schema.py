"""The database schema as SQLAlchemy 2 typed mappings."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .bounded import Clipped, Dropped, Keyed


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(Keyed(64), unique=True, index=True)
    external_id: Mapped[str | None] = mapped_column(Keyed(500))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    outlet: Mapped[str | None] = mapped_column(Clipped(300))
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)

    quotes: Mapped[list[QuoteRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="QuoteRow.start"
    )
    events: Mapped[list[EventRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="EventRow.start"
    )


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Clipped(10))
    cue: Mapped[str | None] = mapped_column(Clipped(200))
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None]
    speaker_end: Mapped[int | None]
    speaker_resolved: Mapped[str | None] = mapped_column(Clipped(300), index=True)
    speaker_role: Mapped[str | None] = mapped_column(Clipped(300))
    speaker_party: Mapped[str | None] = mapped_column(Clipped(100))
    speaker_seat: Mapped[str | None] = mapped_column(Clipped(200))
    speaker_kind: Mapped[str | None] = mapped_column(Clipped(20))  # person | organisation | role | group
    venue: Mapped[str | None] = mapped_column(Clipped(300))
    utterance: Mapped[int | None]
    act: Mapped[str | None] = mapped_column(Clipped(10), index=True)
    found_by: Mapped[str | None] = mapped_column(Clipped(60))  # the attribution pass that found it
    resolved_by: Mapped[str | None] = mapped_column(Clipped(60))  # the speaker pass that resolved it
    # The record's holder of the post or seat the speaker is described by, when the article never
    # names them: a suggestion, never the speaker (migration 0013).
    speaker_suggested: Mapped[str | None] = mapped_column(Clipped(300))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    # The utterance across articles this quote renders, and how it differs from the utterance's
    # fullest wording ({"kind", "flags", "ops"}: link/renderings.py) (migration 0014).
    utterance_id: Mapped[int | None] = mapped_column(ForeignKey("utterances.id"), index=True)
    rendering: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))

    article: Mapped[ArticleRow] = relationship(back_populates="quotes")

    # A speaker's quotes in a window of days are found through the window's articles, one probe
    # each, however many quotes the speaker has (link/utterances.py).
    __table_args__ = (Index("ix_quotes_article_start", "article_id", "start"), Index("ix_quotes_person_article", "person_id", "article_id"))


class UtteranceRow(Base):
    """One utterance as many outlets rendered it: quotes by one person (or organisation) within
    days of each other that give the same words, exactly, trimmed, spliced or changed, and the
    paraphrases that report them (link/utterances.py)."""

    __tablename__ = "utterances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    # The fullest direct rendering; no foreign key, since quotes point here (no cycle to sort).
    quote_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # its words, as that rendering gives them
    first_published: Mapped[date | None] = mapped_column(Date)
    last_published: Mapped[date | None] = mapped_column(Date)
    renderings: Mapped[int] = mapped_column(Integer, default=0)
    outlets: Mapped[int] = mapped_column(Integer, default=0)  # outlets rendering it (paraphrases included)
    different: Mapped[int] = mapped_column(Integer, default=0)  # outlets putting other words in the speaker's mouth
    # Every kind of change its renderings carry, comma-delimited (",changed,negation_lost,"), so
    # one LIKE filters by kind of change on SQLite and PostgreSQL alike.
    changes: Mapped[str] = mapped_column(Clipped(300), default="")

    __table_args__ = (Index("ix_utterances_person_first", "person_id", "first_published"),)


class EventFacts:
    """What an event is, as one report tells it (events) or as all its reports do
    (canonical_events). date is a day; date_first/date_last bound a range (equal to date when
    the day is known), so date queries need only the two bounds."""

    from_party: Mapped[str | None] = mapped_column(Clipped(200))
    to_party: Mapped[str | None] = mapped_column(Clipped(200))
    seat: Mapped[str | None] = mapped_column(Clipped(200))
    subtype: Mapped[str | None] = mapped_column(Clipped(40))
    by: Mapped[str | None] = mapped_column(Text)
    by_party: Mapped[str | None] = mapped_column(Clipped(200))
    target: Mapped[str | None] = mapped_column(Clipped(300))
    stance: Mapped[str | None] = mapped_column(Clipped(10))
    action: Mapped[str | None] = mapped_column(Clipped(20))
    count: Mapped[str | None] = mapped_column(Clipped(100))
    against: Mapped[str | None] = mapped_column(Clipped(300))
    office: Mapped[str | None] = mapped_column(Text)
    date: Mapped[date | None] = mapped_column(Date)
    date_first: Mapped[date | None] = mapped_column(Date, index=True)
    date_last: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(Clipped(20))


class EventRow(EventFacts, Base):
    """One event as one article states it (a report); canonical_id is the event across articles."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(Clipped(40), index=True)
    start: Mapped[int]
    end: Mapped[int]
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    trigger: Mapped[str | None] = mapped_column(Clipped(200))
    person: Mapped[str | None] = mapped_column(Clipped(300), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    record: Mapped[str | None] = mapped_column(Text)  # a switch: what the reference record shows (migration 0009)
    date_text: Mapped[str | None] = mapped_column(Clipped(200))
    kb_person: Mapped[str | None] = mapped_column(Keyed(200))
    quote_ids: Mapped[list] = mapped_column(JSON, default=list)
    found_by: Mapped[str | None] = mapped_column(Clipped(80))  # the trigger rule that proposed it
    filled_by: Mapped[dict | None] = mapped_column(JSON)  # field -> the pass that filled it
    # Reported as new (True), mentioned as background (False), or unknown (None): lists and
    # alerts show news (true or unknown) unless background is asked for.
    news: Mapped[bool | None] = mapped_column(Boolean)
    # The fields its type declares that have no column here (store/rows.py), so that a new
    # event type, or a new field of one, needs no migration.
    details: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    # The one event this report is a source of, across articles.
    canonical_id: Mapped[int | None] = mapped_column(ForeignKey("canonical_events.id"), index=True)

    article: Mapped[ArticleRow] = relationship(back_populates="events")


# ---- across articles: copies, people, events, stories -----------------------------------------


class ArticleCopyRow(Base):
    """Another publication of a stored article (syndication, re-publication): near-identical text,
    so it is not stored again; its own metadata is kept here."""

    __tablename__ = "article_copies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    content_hash: Mapped[str] = mapped_column(Keyed(64), unique=True)
    similarity: Mapped[float] = mapped_column(Float)
    external_id: Mapped[str | None] = mapped_column(Keyed(500))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    outlet: Mapped[str | None] = mapped_column(Clipped(300))
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ArticleSignatureRow(Base):
    """The article's MinHash signature, and its locality-sensitive bands for finding copies."""

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class ArticleBandRow(Base):
    __tablename__ = "article_bands"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    band: Mapped[int]
    hash: Mapped[str] = mapped_column(Clipped(32))

    __table_args__ = (Index("ix_article_bands_band_hash", "band", "hash"),)


class PersonRow(Base):
    """One person across articles; every way an article names them is a mention."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Clipped(300), index=True)
    surname: Mapped[str] = mapped_column(Clipped(200), index=True)  # lower case
    kb_person: Mapped[str | None] = mapped_column(Keyed(200), index=True)
    # What tied the person to kb_person (migration 0013): {"fields": which of name, date, role,
    # seat and party fitted the record, "record_name", "on", the values that fitted,
    # "article_id" of the mention that made the link}.
    kb_evidence: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    # person, or organisation: a source that speaks as a body ('the White House said')
    kind: Mapped[str] = mapped_column(Clipped(20), default="person", server_default="person")

    mentions: Mapped[list[PersonMentionRow]] = relationship(back_populates="person", cascade="all, delete-orphan")

    # People are looked up by surname within a kind; an index on kind alone (which SQLite chose
    # without statistics) read the whole table for each name.
    __table_args__ = (Index("ix_people_kind_surname", "kind", "surname"),)


class PersonMentionRow(Base):
    __tablename__ = "person_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Clipped(300))
    role: Mapped[str | None] = mapped_column(Clipped(300))
    party: Mapped[str | None] = mapped_column(Clipped(200))
    seat: Mapped[str | None] = mapped_column(Clipped(200))

    person: Mapped[PersonRow] = relationship(back_populates="mentions")

    # A person's latest mentions (the articles of their story) are read in article order.
    __table_args__ = (Index("ix_person_mentions_person_article", "person_id", "article_id"),)


class CanonicalEventRow(EventFacts, Base):
    """One event as all its reports tell it: each field from the reports that give it, the most
    precise date any report gives. Reports are the `events` rows pointing here."""

    __tablename__ = "canonical_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(Clipped(40), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    person: Mapped[str | None] = mapped_column(Clipped(300))


class StoryRow(Base):
    """Articles about the same story: linked by shared events, or by shared people and text."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)


# ---- reference data (crossfloor kb import) ----------------------------------------------------


class FromSource:
    """Reference rows carry the source they came from, so re-importing a source replaces them."""

    source_id: Mapped[int] = mapped_column(ForeignKey("kb_sources.id", ondelete="CASCADE"), index=True)


class Dated(FromSource):
    """A person's fact that held from start to end (open when None)."""

    person_id: Mapped[str] = mapped_column(Keyed(200), index=True)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)


class KbSourceRow(Base):
    __tablename__ = "kb_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    format: Mapped[str] = mapped_column(Clipped(40))
    # The last day the source speaks for: an open-ended post is only known to last until then.
    covers_until: Mapped[date | None] = mapped_column(Date)
    # A file `kb fetch` downloaded (its path is its url): what the publisher said of it, for the
    # next conditional request (migration 0011). Saved with its rows, so a failed import keeps
    # the old ones and the old validators together.
    etag: Mapped[str | None] = mapped_column(Dropped(500))
    last_modified: Mapped[str | None] = mapped_column(Dropped(100))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class KbPersonRow(FromSource, Base):
    __tablename__ = "kb_persons"

    id: Mapped[str] = mapped_column(Keyed(200), primary_key=True)
    name: Mapped[str] = mapped_column(Clipped(300))


class KbNameRow(Dated, Base):
    """A name a person goes by ('Shaun Woodward', 'The Prime Minister'), when it was valid."""

    __tablename__ = "kb_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Clipped(300))
    surname: Mapped[str] = mapped_column(Clipped(200), index=True)  # lower case, for 'Mr Woodward'


class KbMembershipRow(Dated, Base):
    """One continuous period in one seat (or none) for one party."""

    __tablename__ = "kb_memberships"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party: Mapped[str | None] = mapped_column(Clipped(200))  # canonical name (parties.json)
    seat: Mapped[str | None] = mapped_column(Clipped(200), index=True)
    house: Mapped[str | None] = mapped_column(Clipped(40))
    start_reason: Mapped[str | None] = mapped_column(Clipped(60))
    end_reason: Mapped[str | None] = mapped_column(Clipped(60))
    # Migration 0009: the country (ISO code) and the state or province of the seat (a US
    # senator's seat is the state; a representative's district lies in one).
    country: Mapped[str | None] = mapped_column(Clipped(10))
    region: Mapped[str | None] = mapped_column(Clipped(100), index=True)


class KbPostRow(Dated, Base):
    """A post held (minister, spokesperson, committee chair), with its department."""

    __tablename__ = "kb_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Clipped(300))


class KbAreaRow(FromSource, Base):
    """A constituency (or other electoral area) under one of its names."""

    __tablename__ = "kb_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_id: Mapped[str] = mapped_column(Keyed(200), index=True)
    name: Mapped[str] = mapped_column(Clipped(300), index=True)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)


class KbIdentifierRow(FromSource, Base):
    """An id a source gives a person in some scheme (parlparse, bioguide, wikidata, ...): records
    of one person from several sources join through the shared ones (migration 0009)."""

    __tablename__ = "kb_identifiers"
    __table_args__ = (Index("ix_kb_identifiers_scheme_value", "scheme", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(Keyed(200), index=True)
    scheme: Mapped[str] = mapped_column(Clipped(40))
    value: Mapped[str] = mapped_column(Keyed(300))


# ---- following the web (crossfloor watch) ----------------------------------------------------
class WebResourceRow(Base):
    """A feed or page fetched over HTTP: what its server said of it last time, for conditional
    requests, and the article it gave. A page a feed listed is recorded (status NULL: pending)
    in the transaction that saves the feed's ETag, so a round stopped part-way fetches it in the
    next round even when the feed then answers 304."""

    __tablename__ = "web_resources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Keyed(2000), unique=True, index=True)
    kind: Mapped[str] = mapped_column(Clipped(10))  # feed | page
    etag: Mapped[str | None] = mapped_column(Dropped(500))
    last_modified: Mapped[str | None] = mapped_column(Dropped(100))
    status: Mapped[int | None] = mapped_column(Integer)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    feed_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the feed that listed this page
    title: Mapped[str | None] = mapped_column(Text)  # as the feed gave it, for a page fetched later
    published: Mapped[str | None] = mapped_column(Clipped(10))  # YYYY-MM-DD, as the feed gave it
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # failed fetches that may mend


class WatchStateRow(Base):
    """How far the alerts have looked: events stored after `last_event_id` are still to alert."""

    __tablename__ = "watch_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)


class AlertRow(Base):
    """One alert to deliver: a new canonical event, or a further source for one (an update).
    Unique per event and article, so an event is never alerted twice."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_once", "canonical_id", "article_id", "target", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_id: Mapped[int] = mapped_column(ForeignKey("canonical_events.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    kind: Mapped[str] = mapped_column(Clipped(10))  # new | update
    target: Mapped[str] = mapped_column(Clipped(10))  # notify (a webhook) | exec (a command)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    # Set by the watcher that is delivering it, so no other watcher sends it too; a claim older
    # than alerts.CLAIM_SECONDS is a watcher that died, and may be taken over.
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# ---- readers' corrections ---------------------------------------------------------------------
class FlagRow(Base):
    """A reader's flag on a fact a page shows (a quote or an event) that they say is wrong: what
    is wrong, in their words, and the fact as the page showed it then, so the flag keeps its
    meaning when the fact is later corrected or re-analysed; exported for the development data
    (migration 0012)."""

    __tablename__ = "flags"
    __table_args__ = (Index("ix_flags_target", "target", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(Clipped(10))  # quote | event
    target_id: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)  # bounded by the web app (serve.pages.FLAG_CHARS)
    fact: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
