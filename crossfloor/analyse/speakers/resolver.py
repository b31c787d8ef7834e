"""SpeakerResolver: builds the article's cast once, runs the speaker passes over each attribution,
and turns the attributions into quotes. Also the small API the events code resolves people with:
`who`, `role_phrase`, `name_tokens` and the `people` lexicon."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .casting import build_cast, name_tokens
from .order import plan
from .phrases import role_phrase
from .quotes import inherit, quotes_of
from .state import Article, Lexicons, Source

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...schema import Quote
    from ..attribution import Attribution
    from ..cast import Cast, Said, Speaker
    from ..lexicon import PartyLexicon, PeopleLexicon


class SpeakerResolver:
    def __init__(self, people: PeopleLexicon, parties: PartyLexicon, passes: Sequence[str] | None = None):
        """passes: the names of the passes to run, in order (None: DEFAULT_PASSES); a pass left
        out is switched off, an unknown name is a ValueError."""
        self.words = Lexicons(people, parties)
        self.plan = plan(passes)

    @property
    def people(self) -> PeopleLexicon:
        return self.words.people

    def resolve(self, doc: Doc, attributions: list[Attribution]) -> tuple[Cast, list[Quote]]:
        """The article's cast, with who said each attribution, and the quotes."""
        cast = build_cast(doc, self.words, attributions)
        article = Article(doc, cast, self.words)
        own = [s for s in cast.said if s.attribution.inherits_from is None]
        for said in own:
            self.resolve_said(article, said)
        for said in own:
            for _name, place in self.plan.venues:
                place(article, said)
        inherit(cast)
        for _name, step in self.plan.article:
            step(article)
        return cast, quotes_of(doc, cast)

    def resolve_said(self, article: Article, said: Said) -> None:
        subject = said.attribution.subject
        if subject is not None:
            said.speaker, said.resolved_by = self.run_sources(article, Source(subject, said.attribution))
        said.settled = True

    def run_sources(self, article: Article, source: Source) -> tuple[Speaker | None, str | None]:
        """(the speaker, the pass that found it) after the source passes, first settler wins."""
        for name, step in self.plan.sources:
            step(article, source)
            if source.settled:
                return source.speaker, name if source.speaker is not None else None
        return None, None

    # ---- the events' API ----------------------------------------------------------------------
    def who(self, doc: Doc, subject: Token, cast: Cast, a: Attribution | None = None) -> Speaker | None:
        """The person (or role, or group) a noun phrase or pronoun stands for, by the same passes."""
        return self.run_sources(Article(doc, cast, self.words), Source(subject, a))[0]

    def role_phrase(self, subject: Token) -> str:
        """'the Health Secretary' -> 'Health Secretary'."""
        return role_phrase(subject, self.people)

    def name_tokens(self, tokens) -> list[Token]:
        """A name without honorifics, determiners or possessive endings."""
        return name_tokens(tokens, self.people)
