"""A Doc's text, built once: spaCy's `Doc.text` joins every token on each call, so code that asks
for it per quotation or per name is quadratic on long texts (a 50 KB paragraph took minutes)."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

KEY = "crossfloor_text"
MARKS_KEY = "crossfloor_mark_starts"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that token i is part of, found from the token's IOB tag (asking
    `doc.ents` builds every entity of the document)."""
    from spacy.tokens import Span

    if not doc[i].ent_iob_ or doc[i].ent_iob_ == "O":
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)


def inside_quotation(doc: Doc, offset: int) -> bool:
    """Whether a character lies inside quotation marks (doc._.quote_marks), by bisection."""
    marks = doc._.quote_marks or []
    cached = doc.user_data.get(MARKS_KEY)
    if cached is None or cached[0] is not marks:
        ordered = sorted(marks, key=lambda m: m.start)
        cached = doc.user_data[MARKS_KEY] = (marks, [m.start for m in ordered], ordered)
    _, starts, ordered = cached
    k = bisect_right(starts, offset) - 1
    return k >= 0 and offset < ordered[k].end


def tokens_of(doc: Doc, where: tuple[int, int] | None) -> Span | None:
    """The tokens covering a character span; None when there is no span or it covers no token."""
    span = doc.char_span(*where, alignment_mode="expand") if where else None
    return span if span is not None and len(span) else None
