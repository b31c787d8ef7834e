"""The attribution record every pass writes and the speaker resolver reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..marks import MarkSpan


@dataclass
class Attribution:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None  # character span
    subject: Token | None = None  # head token of the source mention
    source: tuple[int, int] | None = None  # character span of the source mention
    cue_token: Token | None = None
    venue: str | None = None  # raw venue words, may be anaphoric ("the broadcaster")
    inherits_from: "Attribution | None" = None
    # The pass that produced it (a name of passes.PASSES, or "tagger" for the trained tagger's);
    # a direct quotation's is the pass that found its cue, or "continuation" when it took the
    # speaker of the quote it continues.
    found_by: str = ""
    mark: MarkSpan | None = None
    marks_inside: list[MarkSpan] = field(default_factory=list)
    act: str = "said"  # or "thought", after a word of belief or intention

    @property
    def is_attributed(self) -> bool:
        return self.subject is not None or self.inherits_from is not None


def char_span_of(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
