"""The attribution component's work: run the passes over one parsed document."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import CueLexicon, PeopleLexicon
from .grammar import CueGrammar
from .record import Attribution
from .registry import passes_named
from .state import AttributionState


class AttributionFinder:
    def __init__(
        self,
        cues: CueLexicon,
        people: PeopleLexicon,
        min_unattributed_words: int = 4,
        include_beliefs: bool = False,
        passes: list[str] | tuple[str, ...] | None = None,
    ):
        self.grammar = CueGrammar(cues, people, min_unattributed_words, include_beliefs)
        self.passes = passes_named(passes)

    def __call__(self, doc: Doc) -> list[Attribution]:
        state = AttributionState.of(doc, self.grammar)
        doc._.quote_marks = state.marks
        for run in self.passes:
            run(state)
        return sorted(state.found + state.direct, key=lambda a: a.start)
