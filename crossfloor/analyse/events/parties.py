"""Which party a phrase names, folded to its canonical name (data/parties.json)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import text_of
from .syntax import noun_phrase, phrase_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Speaker
    from ..lexicon import PartyLexicon
    from .lexicon import EventLexicon


class Parties:
    def __init__(self, lexicon: EventLexicon, parties: PartyLexicon):
        self.lex = lexicon
        self.lexicon = parties

    def find(self, text: str) -> str | None:
        return self.lexicon.find(text)

    def normalise(self, name: str) -> str | None:
        return self.lexicon.normalise(name)

    def leading(self, words: list[str]) -> int:
        return self.lexicon.leading(words)

    def is_party_noun(self, tok: Token) -> bool:
        """'party' itself, as in 'the party', 'his party'."""
        return tok.lemma_.lower() in self.lex.party_nouns

    def own_name(self, name: str) -> bool:
        """A party's own name ('Veritas Party'), not the bare word."""
        return bool(self.lex.party_name.match(name)) and name.lower() not in self.lex.party_nouns

    def party_in(self, doc: Doc, tok: Token | None, person: Speaker | None) -> str | None:
        """The party a noun phrase names: 'Labour', 'the Labour party', 'Robert Kilroy Silk's
        Veritas Party'; 'the party' is the person's own party."""
        if tok is None:
            return None
        tokens = noun_phrase(tok)
        party = self.find(" ".join(t.text for t in tokens))
        if party:
            return party
        name = phrase_text(doc, [t for t in tokens if t.tag_ != "POS" and t.ent_type_ != "PERSON" and t.dep_ != "poss"])
        if self.own_name(name):
            return name
        if not self.is_party_noun(tok) or owned_by_other(tok):
            return None  # not 'the party'; or 'Starmer's party': someone else's, not named here
        if person is not None:
            return person.party or self.party_before(doc, tok.idx)
        return self.apposed_name(tok)

    def apposed_name(self, tok: Token) -> str | None:
        """'the party, Veritas'."""
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return self.normalise(child.text) or child.text
        return None

    def party_before(self, doc: Doc, offset: int) -> str | None:
        """The last party named before an offset ('another former Tory MP ... who left the party')."""
        found = None
        for ent in doc.ents:
            if ent.start_char >= offset:
                break
            party = self.normalise(ent.text) or (self.find(ent.text) if ent.label_ in ("NORP", "ORG") else None)
            if party:
                found = party
        return found

    def names_party(self, doc: Doc, tok: Token) -> bool:
        """The phrase is a party ('the Labour party', 'UKIP'), not something of one ('Labour's
        campaign team')."""
        if self.names_known_party(tok) or self.is_party_noun(tok):
            return True
        return bool(self.lex.party_name.match(phrase_text(doc, [t for t in tok.subtree if t.tag_ != "POS" and t.dep_ != "poss" and t.ent_type_ != "PERSON"])))

    def names_known_party(self, tok: Token) -> bool:
        """The phrase, less its owner, holds a party's name and is headed by it, by 'party' or by
        a proper noun."""
        owner = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        own = [t for t in noun_phrase(tok) if t.i not in owner]
        return bool(self.find(" ".join(t.text for t in own))) and bool(self.normalise(tok.text) or self.is_party_word(tok) or tok.pos_ == "PROPN")

    def is_party_word(self, tok: Token) -> bool:
        """'party' or 'parties'."""
        return tok.lemma_.lower() in self.lex.party_nouns | self.lex.party_plurals

    def nearest_party(self, doc: Doc, offset: int, exclude: set) -> str | None:
        """'he launched his new party. ... Veritas would avoid the old parties' lies': the
        party named nearest the founding, within its paragraph, that the founder did not leave."""
        text = text_of(doc)
        start = text.rfind("\n", 0, offset) + 1
        end = paragraphs_end(text, offset)
        best = None
        for position, party in self.lexicon.find_all(text[start:end]):
            if party not in exclude and party not in self.lex.unaffiliated_parties:
                distance = abs(start + position - offset)
                if best is None or distance < best[0]:
                    best = (distance, party)
        return best[1] if best else None

    def other_party(self, doc: Doc, to_party: str) -> str | None:
        """The party a defector left when the article only says where they went: the one it names
        most often besides the new party."""
        counts: dict[str, int] = {}
        for tok in doc:
            party = self.normalise(tok.text)
            if party and party != to_party and party not in self.lex.unaffiliated_parties:
                counts[party] = counts.get(party, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]


def owned_by_other(party: Token) -> bool:
    """'Starmer's party' (someone else's), unlike 'his party' or 'the party'."""
    return any(c.dep_ in ("poss", "nmod") and c.pos_ in ("PROPN", "NOUN") and any(g.dep_ == "case" for g in c.children) for c in party.children) or any(
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in party.children
    )


def paragraphs_end(text: str, offset: int) -> int:
    """Where the paragraph after the one holding offset ends (or the text does)."""
    end = offset
    for _ in range(2):  # this paragraph and the next
        end = text.find("\n", end + 1)
        while 0 <= end < len(text) - 1 and text[end + 1] == "\n":
            end += 1
        if end < 0:
            return len(text)
    return end
