"""The database schema as SQLAlchemy 2 typed mappings."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
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
