"""The explicit state the speaker passes read and write: the article (its parse, its cast and the
word lists, shared by every pass) and the source being resolved (its head token, the attribution
it belongs to, and the answer once a pass settles it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..attribution import Attribution
    from ..cast import Cast, Speaker
    from ..lexicon import PartyLexicon, PeopleLexicon


@dataclass(frozen=True)
class Lexicons:
    people: PeopleLexicon
    parties: PartyLexicon


@dataclass
class Article:
    """What every pass may read: the parsed article, its cast (built once) and the word lists."""

    doc: Doc
    cast: Cast
    words: Lexicons

    @property
    def people(self) -> PeopleLexicon:
        return self.words.people

    @property
    def parties(self) -> PartyLexicon:
        return self.words.parties


@dataclass
class Source:
    """One source mention on its way through the passes. A pass that recognises it settles it,
    with a speaker or with none ('it said' stays unresolved); a pass may also point it at another
    token (a relative pronoun at the noun it stands for) and let the passes after it go on."""

    subject: Token
    attribution: Attribution | None = None
    speaker: Speaker | None = None
    settled: bool = False

    def settle(self, speaker: Speaker | None) -> None:
        self.speaker = speaker
        self.settled = True

    def is_pronoun(self, article: Article) -> bool:
        """Pronoun passes resolve pronouns; the passes for names and descriptions everything else."""
        return self.subject.lower_ in article.people.personal_pronouns or self.subject.pos_ == "PRON"
