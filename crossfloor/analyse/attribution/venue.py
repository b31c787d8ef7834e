"""Where something was said: 'told Sky News', 'in a statement', 'speaking on BBC One', 'tweeted'."""

from __future__ import annotations

from spacy.tokens import Token

from ..doctext import inside_quotation, text_of
from ..lexicon import CueLexicon, PeopleLexicon
from .record import char_span_of


class Venues:
    def __init__(self, cues: CueLexicon, people: PeopleLexicon):
        self.cues = cues
        self.people = people

    def venue_of(self, verb: Token) -> str | None:
        candidates = [verb, *(c for c in verb.children if c.dep_ in ("advcl", "conj") and c.i < verb.i)]
        if verb.dep_ in ("advcl", "conj", "xcomp"):
            candidates.append(verb.head)
        for v in candidates:
            venue = self.told_outlet(v) or self.venue_phrase(v, v is verb)
            if venue is not None:
                return venue
        return self.people.platforms.get(verb.lemma_.lower()) or self.people.platforms.get(verb.lower_)  # 'tweeted': Twitter

    def told_outlet(self, verb: Token) -> str | None:
        """'told Sky News', 'briefed the BBC'."""
        if verb.lemma_.lower() not in self.cues.telling_verbs:
            return None
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if any(self.looks_like_outlet(c) for c in objects):
            return phrase_of([t for c in objects for t in c.subtree])
        return None

    def venue_phrase(self, verb: Token, is_cue: bool) -> str | None:
        """'in a statement', 'on BBC One', 'during an interview', 'at a rally' (and, for the cue
        itself, 'to reporters')."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in self.cues.venue_prepositions or (c.lower_ in self.cues.addressee_prepositions and is_cue):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN" and inside_quotation(verb.doc, pobj.idx):
                    return quoted_title(pobj)  # 'said on "Morning Joe"', 'speaking on "Fox News Sunday,"'
                if pobj is not None and (pobj.lemma_.lower() in self.people.venue_nouns or self.looks_like_outlet(pobj)):
                    return phrase_of(list(pobj.subtree))
        return None

    def looks_like_outlet(self, tok: Token) -> bool:
        words = {t.lower_ for t in tok.subtree}
        if tok.lemma_.lower() in self.people.media_nouns:
            return True
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "WORK_OF_ART", "FAC"):
            return bool(words & self.people.outlet_words)
        return False


def phrase_of(tokens: list[Token]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    for k, t in enumerate(tokens):
        gap = k > 0 and t.i != tokens[k - 1].i + 1
        if gap or t.text in (":", ";") or t.is_quote or "\n" in t.text:
            tokens = tokens[:k]
            break
    while tokens and tokens[0].dep_ == "det":
        tokens.pop(0)
    if not tokens:
        return ""
    s, e = char_span_of(tokens)
    return text_of(tokens[0].doc)[s:e].strip(" ,.;:")


def quoted_title(head: Token) -> str:
    """A programme's or publication's quoted name, without its quotation marks."""
    tokens = [t for t in sorted(head.subtree, key=lambda t: t.i) if not t.is_quote and not (t.is_punct and t.text in ",.;:")]
    return " ".join(t.text for t in tokens if t.dep_ != "det" or t.i != tokens[0].i).strip()
