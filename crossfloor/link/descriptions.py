"""Speakers an article gives only by a post or a seat ('the Health Secretary said', 'the
Streatham MP said', 'the Ohio senator said'), resolved through the record, never invented: the
record's holder on the day is the speaker when the article itself names that person (the quote's
`resolved_by` is then 'record'); when it never does, the role stays the speaker and the holder is
only `speaker_suggested`. A description two holders fit (a state's two senators) names nobody
unless the article names one of them."""

from __future__ import annotations

from datetime import date

from ..people import article_name

# A quote's `resolved_by` when the record told who held the post or seat its speaker is
# described by, and the article names that person.
RECORD = "record"


def article_names(people: list[dict], quotes: list[dict], events: list[dict]) -> list[str]:
    """The names of people an article gives: its people, its speakers that are people and the
    people of its events."""
    speakers = [q.get("speaker_resolved") for q in quotes if q.get("speaker_kind") == "person"]
    return [n for n in [*(p.get("name") for p in people), *speakers, *(e.get("person") for e in events)] if n]


def description_holders(reference, description: str | None, on: date | None) -> list:
    """Who held the post or the seat a description names on the day (`reference.Member`s; none
    when it names neither, or the record does not say)."""
    seated = reference.seat_holders(description, on)
    if seated is not None:
        return seated
    holder = reference.holder(description, on) if reference.is_title(description) else None
    return [holder] if holder else []


def resolve_description(reference, quote: dict, published: date | None, names: list[str]) -> None:
    """A quote whose speaker is a role ('Health Secretary'): the holder the article names is the
    speaker, by the record; a holder it never names is only suggested; in place."""
    if quote.get("speaker_kind") not in (None, "role"):
        return
    description = quote.get("speaker_role") or quote.get("speaker_resolved")
    holders = description_holders(reference, description, published) or description_holders(reference, quote.get("speaker"), published)
    named = [(h, written) for h in holders for written in [article_name(h.name, names)] if written]
    quote["speaker_suggested"] = None
    if len(named) == 1:
        quote.update(speaker_role=description, speaker_resolved=named[0][1], speaker_kind="person", resolved_by=RECORD)
    elif len(holders) == 1 and description:
        quote.update(speaker_role=description, speaker_resolved=description, speaker_suggested=holders[0].name)
