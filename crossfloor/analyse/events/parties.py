"""Which party a phrase names, folded to its canonical name (data/parties.json)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import text_of
from .syntax import PARTY_NAME, noun_phrase, phrase_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast, Speaker
    from ..lexicon import PartyLexicon


class Parties:
    parties: PartyLexicon

    def party_in(self, doc: Doc, tok: Token | None, person: Speaker | None, cast: Cast) -> str | None:
        """The party a noun phrase names: 'Labour', 'the Labour party', 'Robert Kilroy Silk's
        Veritas Party'; 'the party' is the person's own party."""
        if tok is None:
            return None
        tokens = noun_phrase(tok)
        words = " ".join(t.text for t in tokens)
        party = self.parties.find(words)
        if party:
            return party
        name = phrase_text(doc, [t for t in tokens if t.tag_ != "POS" and t.ent_type_ != "PERSON" and t.dep_ != "poss"])
        if PARTY_NAME.match(name) and name.lower() != "party":
            return name
        if tok.lemma_.lower() != "party":
            return None
        if self.owned_by_other(tok):
            return None  # 'Starmer's party': someone else's party, not named here
        if person is not None:
            return person.party or self.party_before(doc, tok.idx)
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return self.parties.normalise(child.text) or child.text
        return None

    @staticmethod
    def owned_by_other(party: Token) -> bool:
        """'Starmer's party' (someone else's), unlike 'his party' or 'the party'."""
        return any(c.dep_ in ("poss", "nmod") and c.pos_ in ("PROPN", "NOUN") and any(g.dep_ == "case" for g in c.children) for c in party.children) or any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in party.children
        )

    def party_before(self, doc: Doc, offset: int) -> str | None:
        """The last party named before an offset ('another former Tory MP ... who left the party')."""
        found = None
        for ent in doc.ents:
            if ent.start_char >= offset:
                break
            party = self.parties.normalise(ent.text) or (self.parties.find(ent.text) if ent.label_ in ("NORP", "ORG") else None)
            if party:
                found = party
        return found

    def names_party(self, doc: Doc, tok: Token) -> bool:
        """The phrase is a party ('the Labour party', 'UKIP'), not something of one ('Labour's
        campaign team')."""
        owner = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        own = [t for t in noun_phrase(tok) if t.i not in owner]
        words = " ".join(t.text for t in own)
        if self.parties.find(words) and (self.parties.normalise(tok.text) or tok.lemma_.lower() in ("party", "parties") or tok.pos_ == "PROPN"):
            return True
        if tok.lemma_.lower() == "party":
            return True
        return bool(PARTY_NAME.match(phrase_text(doc, [t for t in tok.subtree if t.tag_ != "POS" and t.dep_ != "poss" and t.ent_type_ != "PERSON"])))

    def nearest_party(self, doc: Doc, offset: int, exclude: set) -> str | None:
        """'he launched his new party. ... Veritas would avoid the old parties' lies': the
        party named nearest the founding, within its paragraph, that the founder did not leave."""
        text = text_of(doc)
        start = text.rfind("\n", 0, offset) + 1
        end = offset
        for _ in range(2):  # this paragraph and the next
            end = text.find("\n", end + 1)
            while 0 <= end < len(text) - 1 and text[end + 1] == "\n":
                end += 1
            if end < 0:
                end = len(text)
                break
        best = None
        for position, party in self.parties.find_all(text[start:end]):
            if party not in exclude and party != "Independent":
                distance = abs(start + position - offset)
                if best is None or distance < best[0]:
                    best = (distance, party)
        return best[1] if best else None

    def other_party(self, doc: Doc, to_party: str) -> str | None:
        """The party a defector left when the article only says where they went: the one it names
        most often besides the new party."""
        counts: dict[str, int] = {}
        for tok in doc:
            party = self.parties.normalise(tok.text)
            if party and party != to_party and party != "Independent":
                counts[party] = counts.get(party, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]
