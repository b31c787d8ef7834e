"""What analysis hands on for one article: the one contract between analyse and what follows
(extract, link, store). Plain data, so it pickles across worker processes and Dask."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class AnalysedArticle:
    """One article's analysis; every offset is a character offset into the article text.

    quotes are `Quote.to_dict()` records and events their public records (the fields their
    type declares), as the extract contract writes them; the linker corrects both in place
    before they are stored. people are the people the article names ({"name", "role", "party",
    "seat"}), sentences the [start, end] of every sentence (full-text search). An article whose
    analysis failed or ran out of time has nothing but its error."""

    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    error: str | None = None

    @classmethod
    def failed(cls, error: str) -> AnalysedArticle:
        return cls(error=error)

    def to_dict(self) -> dict:
        """The extract record without its id: quotes, events and the people the article names
        (what the record is applied against, as at ingest), and the error when there is one."""
        record = {"quotes": self.quotes, "events": self.events, "people": self.people}
        if self.error:
            record["error"] = self.error
        return record
