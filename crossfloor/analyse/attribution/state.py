"""What the passes read and write, in one place: nothing passes between them otherwise."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..doctext import text_of
from ..marks import MarkSpan, find_quote_spans
from .grammar import CueGrammar
from .record import Attribution


@dataclass
class HandedCue:
    """A cue a clause pass read whose content is a quotation: the mark route reports the quotation
    as direct, with this cue."""

    verb: Token
    found_by: str


@dataclass
class AttributionState:
    doc: Doc
    grammar: CueGrammar
    marks: list[MarkSpan]
    mark_of_token: list[int]  # for each token, the index of the quotation it lies in, else -1
    # cue-first: reports found from a cue (indirect and mixed), in the order of their cue tokens
    found: list[Attribution] = field(default_factory=list)
    # mark-first: one direct quotation per quotation-mark span no report holds, and transcript lines
    direct: list[Attribution] = field(default_factory=list)
    handed: dict[int, HandedCue] = field(default_factory=dict)  # mark index -> the cue it was handed
    read_clauses: set[int] = field(default_factory=set)  # cue tokens whose content a clause pass read
    cue_tokens: set[int] = field(default_factory=set)  # tokens that produced a report

    @classmethod
    def of(cls, doc: Doc, grammar: CueGrammar) -> AttributionState:
        marks = find_quote_spans(text_of(doc))
        return cls(doc, grammar, marks, mark_index(doc, marks))

    @property
    def text(self) -> str:
        return text_of(self.doc)

    def free_tokens(self):
        """Tokens outside quotation marks that no earlier pass made a report of."""
        return (t for t in self.doc if self.mark_of_token[t.i] < 0 and t.i not in self.cue_tokens)

    def report(self, a: Attribution) -> None:
        """Add a report found from its cue token, keeping them in cue order."""
        self.cue_tokens.add(a.cue_token.i)
        self.found.append(a)
        self.found.sort(key=lambda f: f.cue_token.i)

    def marks_over(self, start: int, end: int) -> tuple[list[MarkSpan], list[MarkSpan]]:
        """The quotations inside a content span (marks included), and those it cuts through."""
        inside = [m for m in self.marks if m.start >= start - 1 and m.end <= end + 1]
        cutting = [m for m in self.marks if m not in inside and m.start < end and m.end > start]
        return inside, cutting

    def hand_over(self, marks: list[MarkSpan], verb: Token, found_by: str) -> None:
        """Give quotations a cue; the first cue in the text wins."""
        for i, m in enumerate(self.marks):
            held = self.handed.get(i)
            if m in marks and (held is None or verb.i < held.verb.i):
                self.handed[i] = HandedCue(verb, found_by)

    def unresolved_direct(self):
        """Direct quotations that no pass has found a cue for yet."""
        return (a for a in self.direct if a.cue_token is None and a.mark is not None)


def mark_index(doc: Doc, marks: list[MarkSpan]) -> list[int]:
    """For each token, the index of the quotation (marks included) it lies in, else -1."""
    index = [-1] * len(doc)
    starts = [m.start - 1 for m in marks]
    for tok in doc:
        k = bisect_right(starts, tok.idx) - 1
        if k >= 0 and tok.idx < marks[k].end + 1:
            index[tok.i] = k
    return index
