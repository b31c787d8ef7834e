"""How a verb states a party switch, and which: defection, quitting, expulsion, whip withdrawn or
resigned or restored, founding, readmission ('crossed the floor', 'was expelled from UKIP', 'had
the whip withdrawn', 'launched his new party', 'will sit as an independent')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import BLOCKED, EventType
from .parties import owned_by_other
from .syntax import agent_of, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A verb reading's answer when the verb may still be read another way (the next list).
NEXT = object()
# Penn tags of a plural noun: a party's people ('Democrats', 'the Tories'), not its name.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# The verb lists of the section, in the order they are tried, and the reading of each.
VERB_READINGS = (
    ("expel_verbs", "expulsion"),
    ("readmit_verbs", "readmission"),
    ("found_verbs", "founding"),
    ("defect_verbs", "defection"),
    ("join_verbs", "joining"),
    ("sit_verbs", "sitting"),
    ("leave_verbs", "leaving"),
)


class SwitchVerbs(EventType):
    """The verb classifier of party switches (its words: the party_switch section)."""

    def classify_verb(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        lemma = verb.lemma_.lower()
        if self.about_whip(verb, obj, passive):
            return self.whip_subtype(lemma, passive)
        for key, reading in VERB_READINGS:
            if lemma in self.words[key]:
                found = getattr(self, reading)(doc, verb, obj, passive)
                if found is not NEXT:
                    return found
        return None

    def about_whip(self, verb: Token, obj: Token | None, passive: bool) -> bool:
        """'withdrew the whip', 'the whip was withdrawn'."""
        whip = self.words["whip_nouns"]
        if obj is not None and obj.lemma_.lower() in whip:
            return True
        return passive and any(c.lemma_.lower() in whip for c in verb.subtree if c.dep_ in ("nsubjpass",))

    def whip_subtype(self, lemma: str, passive: bool) -> str:
        w = self.words
        if lemma in w["whip_restored_verbs"]:
            return "readmitted"
        if lemma in w["whip_resigned_verbs"] and not passive:
            return "whip_resigned"
        if lemma in w["whip_withdrawn_verbs"]:
            return "whip_withdrawn"
        return BLOCKED

    def expulsion(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | object:
        if not (passive or obj is not None):
            return NEXT
        source = prep_object(verb, self.lex.prepositions["expelled_from"])
        return "expelled" if source is not None and self.parties.names_party(doc, source) else BLOCKED

    def readmission(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str:
        return "readmitted"

    def founding(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str:
        if obj is not None and self.parties.is_party_noun(obj) and self.is_new(obj):
            return "founded_new_party"
        named = obj if obj is not None else (self.people.subject_of(verb) if passive else None)
        if named is not None and verb.lemma_.lower() in self.words["naming_found_verbs"] and named.pos_ == "PROPN" and self.parties.names_party(doc, named):
            return "founded_new_party"
        return BLOCKED

    def defection(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | object:
        lemma = verb.lemma_.lower()
        w = self.words
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        if lemma in w["cross_verbs"]:
            return "defection" if obj_lemma in w["cross_objects"] else BLOCKED
        if lemma in w["always_defect_verbs"] or self.moves_to_party(doc, verb):
            return "defection"
        if lemma in w["switch_verbs"] and obj_lemma in w["switch_objects"]:
            return BLOCKED if obj_lemma in w["vague_switch_objects"] and not self.switches_to_a_party(doc, verb) else "defection"
        if lemma in w["desert_verbs"] and obj is not None and self.parties.names_party(doc, obj):
            return "quit"
        return NEXT

    def moves_to_party(self, doc: Doc, verb: Token) -> bool:
        """'went over to the Greens', not 'moved to Starmer's party' nor 'went to the Democrats
        for help'."""
        lemma = verb.lemma_.lower()
        target = prep_object(verb, self.lex.prepositions["moved_to"])
        if lemma not in self.words["to_party_verbs"] or target is None or not self.parties.names_party(doc, target) or owned_by_other(target):
            return False
        needed = self.words["to_party_particles"].get(lemma)
        return not needed or any(c.dep_ in ("prt", "advmod") and c.lower_ in needed for c in verb.children)

    def joining(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str:
        lemma = verb.lemma_.lower()
        target = obj if obj is not None else prep_object(verb, self.lex.prepositions["joined"])
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
        if lemma in self.words["sign_verbs"] and not (particles & self.words["sign_particles"] or target is not None):
            return BLOCKED
        if target is not None and self.parties.names_party(doc, target) and not self.joined_in_doing(verb, target):
            return "readmitted" if lemma in self.words["rejoin_verbs"] else "defection"
        return BLOCKED

    def sitting(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        seat = prep_object(verb, self.lex.prepositions["sits_as"])  # 'will sit as an independent', 'sits with the Greens'
        return "defection" if seat is not None and self.party_or_none(doc, seat) else None

    def leaving(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        source = obj if obj is not None else prep_object(verb, self.lex.prepositions["source"])
        if source is None or not self.parties.names_party(doc, source):
            return None
        return BLOCKED if self.leaves_in_a_state(verb) else "quit"

    def leaves_in_a_state(self, verb: Token) -> bool:
        """'leaving the party in flux', 'leaves the party with two options': not a departure."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in self.words["result_prepositions"]:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME") and pobj.lemma_.lower() not in self.lex.protest_nouns:
                        return True
        return False

    def switches_to_a_party(self, doc: Doc, verb: Token) -> bool:
        """'switched sides to join Labour', 'switched sides to the Greens'."""
        target = prep_object(verb, self.lex.prepositions["destination"])
        if target is not None and self.parties.names_party(doc, target):
            return True
        joins = [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj") and c.lemma_.lower() in self.words["join_verbs"]]
        return any(self.parties.names_party(doc, o) for j in joins for o in j.children if o.dep_ == "dobj")

    def verb_arguments(self, verb: Token, obj: Token | None, subject: Token | None, passive: bool, subtype: str):
        if passive and subtype == "founded_new_party":  # 'Veritas was formed by Mr Kilroy-Silk'
            return subject, agent_of(verb)
        if not passive and subtype == "whip_withdrawn":
            # 'removing the whip from the 21 Tory MPs': who lost it is the one it was taken from
            loser = prep_object(verb, self.lex.prepositions["source"])
            if loser is not None:
                return obj, loser
        return obj, subject

    def joined_in_doing(self, verb: Token, target: Token) -> bool:
        """Siding with a party in an act ('joined the SNP in voting down the bill'), or joining
        its people, named in the plural, to do something or where they are ('joined Democrats to
        block the bill', 'joined the Republicans at a rally'): not joining the party. A party
        joined by its name admits a member wherever it does ('joined the BJP at the party
        headquarters', 'joined Labour to fight for the NHS')."""
        people = target.tag_ in PLURAL_TAGS
        return any(self.sides_in(c) or (people and (self.gathers_at(c) or purpose(c))) for c in verb.children)

    def sides_in(self, child: Token) -> bool:
        """'in voting down the bill'."""
        return child.dep_ == "prep" and child.lower_ in self.words["siding_prepositions"] and any(g.tag_ == "VBG" for g in child.children)

    def gathers_at(self, child: Token) -> bool:
        """'at a rally', 'for a vote'; not a time ('on Monday')."""
        return child.dep_ == "prep" and child.lower_ in self.words["gathering_prepositions"] and any(g.dep_ == "pobj" and not is_time(g) for g in child.children)

    def is_new(self, tok: Token) -> bool:
        """'his new party'."""
        return any(c.lower_ in self.words["new_words"] for c in tok.children)

    def party_or_none(self, doc: Doc, target: Token | None) -> str | None:
        """A party, or Independent for 'an independent (MP)', 'unaffiliated'."""
        if target is None:
            return None
        words = self.words["independent_words"]
        if target.lower_ in words or any(c.lower_ in words for c in target.children if c.dep_ == "amod"):
            return self.lex.independent
        return self.parties.party_in(doc, target, None)


def purpose(child: Token) -> bool:
    """'to block the bill'."""
    return child.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.tag_ == "TO" for a in child.children)


def is_time(phrase: Token) -> bool:
    """'Monday', 'the weekend', 'the age of 16', 'the second time': a phrase of time or count."""
    return any(t.ent_type_ in ("DATE", "TIME", "ORDINAL", "CARDINAL") for t in phrase.subtree)
