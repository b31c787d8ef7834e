"""From resolved attributions to quotes: continuations take the speaker and venue of the quote
they continue, pieces of one utterance share a number, and each quote records its provenance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...schema import Quote
from ..doctext import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..attribution import Attribution
    from ..cast import Cast, Said


def inherit(cast: Cast) -> None:
    """A continuation ('"Y."' after '"X," he said.') takes the speaker, venue and provenance of the
    nearest attribution up its chain that is settled."""
    for said in cast.said:
        if said.settled:
            continue
        root = said.attribution
        while root.inherits_from is not None and not is_settled(cast, root):
            root = root.inherits_from
        origin = cast.said_by(root)
        if origin is not None and origin.settled:
            said.speaker, said.resolved_by, said.venue = origin.speaker, origin.resolved_by, origin.venue
        said.settled = True


def is_settled(cast: Cast, attribution: Attribution) -> bool:
    said = cast.said_by(attribution)
    return said is not None and said.settled


def quotes_of(doc: Doc, cast: Cast) -> list[Quote]:
    attributions = [s.attribution for s in cast.said]
    quotes = [to_quote(doc, said) for said in cast.said]
    for quote, utterance in zip(quotes, utterances(text_of(doc), attributions)):
        quote.utterance = utterance
    return quotes


def utterances(text: str, attributions: list[Attribution]) -> list[int]:
    """Number the utterances: a piece joins the one before it in the same paragraph when
    they share a cue or it continues that one."""
    numbers: list[int] = []
    for k, a in enumerate(attributions):
        if k and "\n" not in text[attributions[k - 1].end : a.start]:
            b = attributions[k - 1]
            if (a.cue is not None and a.cue == b.cue) or a.inherits_from is b:
                numbers.append(numbers[-1])
                continue
        numbers.append(numbers[-1] + 1 if numbers else 0)
    return numbers


def source_span(a: Attribution) -> tuple[int, int] | None:
    """The source mention's characters, or those of the attribution a continuation inherits from."""
    while a.source is None and a.inherits_from is not None:
        a = a.inherits_from
    return a.source


def to_quote(doc: Doc, said: Said) -> Quote:
    text, a = text_of(doc), said.attribution
    quote = Quote(start=a.start, end=a.end, text=text[a.start : a.end], kind=a.kind, venue=said.venue, act=a.act, found_by=a.found_by or None)
    if a.cue is not None:
        quote.cue_start, quote.cue_end = a.cue
        quote.cue = text[a.cue[0] : a.cue[1]]
    source = source_span(a)
    if source is not None:
        quote.speaker_start, quote.speaker_end = source
        quote.speaker = text[source[0] : source[1]]
    speaker = said.speaker
    if speaker is not None:
        quote.speaker_resolved = speaker.name
        quote.speaker_role = speaker.role
        quote.speaker_party = speaker.party
        quote.speaker_seat = speaker.seat
        quote.speaker_kind = speaker.kind
        quote.resolved_by = said.resolved_by
    return quote
