"""The database schema as SQLAlchemy 2 typed mappings."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    external_id: Mapped[str | None] = mapped_column(String(500))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    outlet: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

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
    kind: Mapped[str] = mapped_column(String(10))
    cue: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None]
    speaker_end: Mapped[int | None]
    speaker_resolved: Mapped[str | None] = mapped_column(String(300), index=True)
    speaker_role: Mapped[str | None] = mapped_column(String(300))
    speaker_party: Mapped[str | None] = mapped_column(String(100))
    speaker_seat: Mapped[str | None] = mapped_column(String(200))
    venue: Mapped[str | None] = mapped_column(String(300))
    utterance: Mapped[int | None]

    article: Mapped[ArticleRow] = relationship(back_populates="quotes")

    __table_args__ = (Index("ix_quotes_article_start", "article_id", "start"),)


class EventRow(Base):
    """One event an article states. date is a day; date_first/date_last bound a range (equal
    to date when the day is known), so date queries need only the two bounds."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    start: Mapped[int]
    end: Mapped[int]
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    trigger: Mapped[str | None] = mapped_column(String(200))
    person: Mapped[str | None] = mapped_column(String(300), index=True)
    from_party: Mapped[str | None] = mapped_column(String(200))
    to_party: Mapped[str | None] = mapped_column(String(200))
    seat: Mapped[str | None] = mapped_column(String(200))
    subtype: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str | None] = mapped_column(Text)
    by_party: Mapped[str | None] = mapped_column(String(200))
    target: Mapped[str | None] = mapped_column(String(300))
    stance: Mapped[str | None] = mapped_column(String(10))
    action: Mapped[str | None] = mapped_column(String(20))
    count: Mapped[str | None] = mapped_column(String(100))
    against: Mapped[str | None] = mapped_column(String(300))
    office: Mapped[str | None] = mapped_column(Text)
    date: Mapped[date | None] = mapped_column(Date)
    date_first: Mapped[date | None] = mapped_column(Date, index=True)
    date_last: Mapped[date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str | None] = mapped_column(String(20))
    kb_person: Mapped[str | None] = mapped_column(String(200))
    quote_ids: Mapped[list] = mapped_column(JSON, default=list)

    article: Mapped[ArticleRow] = relationship(back_populates="events")


# ---- reference data (crossfloor kb import) ----------------------------------------------------


class FromSource:
    """Reference rows carry the source they came from, so re-importing a source replaces them."""

    source_id: Mapped[int] = mapped_column(ForeignKey("kb_sources.id", ondelete="CASCADE"), index=True)


class Dated(FromSource):
    """A person's fact that held from start to end (open when None)."""

    person_id: Mapped[str] = mapped_column(String(200), index=True)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)


class KbSourceRow(Base):
    __tablename__ = "kb_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    format: Mapped[str] = mapped_column(String(40))
    # The last day the source speaks for: an open-ended post is only known to last until then.
    covers_until: Mapped[date | None] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class KbPersonRow(FromSource, Base):
    __tablename__ = "kb_persons"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))


class KbNameRow(Dated, Base):
    """A name a person goes by ('Shaun Woodward', 'The Prime Minister'), when it was valid."""

    __tablename__ = "kb_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    surname: Mapped[str] = mapped_column(String(200), index=True)  # lower case, for 'Mr Woodward'


class KbMembershipRow(Dated, Base):
    """One continuous period in one seat (or none) for one party."""

    __tablename__ = "kb_memberships"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party: Mapped[str | None] = mapped_column(String(200))  # canonical name (parties.json)
    seat: Mapped[str | None] = mapped_column(String(200), index=True)
    house: Mapped[str | None] = mapped_column(String(40))
    start_reason: Mapped[str | None] = mapped_column(String(60))
    end_reason: Mapped[str | None] = mapped_column(String(60))


class KbPostRow(Dated, Base):
    """A post held (minister, spokesperson, committee chair), with its department."""

    __tablename__ = "kb_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(String(300))


class KbAreaRow(FromSource, Base):
    """A constituency (or other electoral area) under one of its names."""

    __tablename__ = "kb_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_id: Mapped[str] = mapped_column(String(200), index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
