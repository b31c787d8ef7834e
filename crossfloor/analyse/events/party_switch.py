"""Party switches: defections, quitting, expulsions, whips lost or resigned, new parties founded,
readmissions ('defected to Labour', 'crossed the floor', 'quit the Tories', 'was expelled from
UKIP', 'had the whip withdrawn', 'launched his new party', 'Tory defector Robert Jackson').
What the rest of the article adds is in switch_completions.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...schema.events import PARTY_SWITCH
from .switch_completions import SwitchCompletions
from .switch_verbs import SwitchVerbs
from .syntax import direct_object, noun_phrase, noun_prep_object, phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast, Speaker
    from .record import Event

WHIP_SUBTYPES = frozenset({"whip_withdrawn", "whip_resigned", "readmitted"})
TRIGGER_LISTS = ("defect_verbs", "join_verbs", "leave_verbs", "expel_verbs", "found_verbs", "readmit_verbs", "whip_withdrawn_verbs", "whip_resigned_verbs", "whip_restored_verbs", "sit_verbs")


class PartySwitch(SwitchVerbs, SwitchCompletions):
    spec = PARTY_SWITCH
    announced_future = True
    verb_readings = ("party_loses_member",)

    @property
    def trigger_verbs(self) -> frozenset[str]:
        return frozenset().union(*(self.words[key] for key in TRIGGER_LISTS))

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return self.words["nouns"]

    # ---- 'UKIP has lost one of its members to Veritas' --------------------------------------
    def party_loses_member(self, doc: Doc, verb: Token, cast: Cast) -> list[Event] | None:
        """'UKIP has lost one of its two London Assembly members to Kilroy-Silk's new party'."""
        if verb.lemma_.lower() not in self.words["lose_verbs"]:
            return None
        found = self.loss(doc, verb)
        if found is None:
            return []
        loser, member, target = found
        people, route = self.people.reach(doc, member, cast, lede=True)
        events = []
        for person in people:
            event = self.new_event(doc, verb)
            event.filled("person", person.name, f"participants.{route}")
            event.subtype, event.from_party = "defection", loser
            event.to_party = self.parties.party_in(doc, target, None)
            if event.to_party is None and self.is_new(target):
                event.filled("to_party", self.parties.nearest_party(doc, verb.idx, {loser}), "parties.nearest_party")
            events.append(event)
        return events

    def loss(self, doc: Doc, verb: Token) -> tuple[str, Token, Token] | None:
        """(the party that lost, the member it lost, where they went), when the verb says so."""
        subject, obj = self.people.subject_of(verb), direct_object(verb)
        target = prep_object(verb, self.lex.prepositions["moved_to"])
        if subject is None or obj is None or target is None or not self.assertion.is_asserted(verb):
            return None
        loser = self.parties.find(" ".join(t.text for t in noun_phrase(subject)))
        if loser is None or not (self.parties.names_party(doc, target) or target.lemma_.lower() in self.words["new_home_nouns"]):
            return None
        member = obj
        if obj.lemma_.lower() in self.lex.one_words:  # 'one of its members'
            member = next((c for c in obj.subtree if c.dep_ == "pobj"), obj)
        return loser, member, target

    # ---- verbs ------------------------------------------------------------------------------
    def fill_from_verb(self, doc: Doc, verb: Token, obj: Token | None, subtype: str, event: Event, person: Speaker | None) -> None:
        event.subtype = subtype
        if subtype in ("defection", "readmitted"):
            self.fill_joined(doc, verb, obj, subtype, event, person)
        elif subtype in ("quit", "expelled"):
            source = obj if (obj is not None and subtype == "quit") else prep_object(verb, self.lex.prepositions["expelled_from"])
            event.from_party = self.parties.party_in(doc, source, person)
            event.to_party = self.parties.party_in(doc, prep_object(verb, self.lex.prepositions["destination"]), person)
        elif subtype == "founded_new_party":
            event.to_party = self.new_party_name(doc, obj)
        elif subtype in ("whip_withdrawn", "whip_resigned"):
            event.from_party = (self.parties.party_in(doc, obj, person) if obj is not None else None) or (person.party if person else None)
            event.to_party = None
        if subtype in ("defection", "quit"):
            self.fill_unstated_parties(doc, verb, obj, event)

    def fill_joined(self, doc: Doc, verb: Token, obj: Token | None, subtype: str, event: Event, person: Speaker | None) -> None:
        target = prep_object(verb, self.lex.prepositions["destination"]) or (obj if verb.lemma_.lower() in self.words["join_verbs"] else None)
        if target is None and subtype == "readmitted":
            target = obj
        event.to_party = self.parties.party_in(doc, target, person)
        event.from_party = None if subtype == "readmitted" else self.parties.party_in(doc, prep_object(verb, self.lex.prepositions["source"]), person)

    def fill_unstated_parties(self, doc: Doc, verb: Token, obj: Token | None, event: Event) -> None:
        """What the clause around the verb says of the parties: 'to become an independent';
        'Seven Labour MPs have quit the party'."""
        if event.to_party is None:
            event.filled("to_party", self.party_taken_up(doc, verb), "parties.taken_up")
        source = obj if obj is not None else prep_object(verb, self.lex.prepositions["source"])
        if event.subtype == "quit" and event.from_party is None and source is not None and self.parties.is_party_noun(source):
            subject = self.people.subject_of(verb)
            event.filled("from_party", self.parties.find(" ".join(t.text for t in subject.subtree)) if subject is not None else None, "parties.subject")

    def party_taken_up(self, doc: Doc, verb: Token) -> str | None:
        """'leaving the Republican Party to become an independent', 'quit and will sit as an
        independent MP', 'sits with the Greens', 'crossed the floor to join Labour'."""
        for node in (verb, *(c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj"))):
            lemma = node.lemma_.lower()
            joins = node is not verb and lemma in self.words["join_verbs"]
            if node is not verb and lemma not in self.words["take_up_verbs"] and not joins:
                continue
            for child in node.children:
                target = child if joins and child.dep_ == "dobj" else taken_up(child, self.lex.prepositions["sits_as"])
                party = self.party_or_none(doc, target)
                if party:
                    return party
        return None

    def keep_mention(self, event: Event, subtype: str) -> bool:
        # A quit with no party named is no switch; a defection or founding may get its parties
        # from the rest of the article (its completions), and is dropped there if not.
        return bool(event.from_party or event.to_party) or subtype in ("defection", "founded_new_party", *WHIP_SUBTYPES)

    def new_party_name(self, doc: Doc, obj: Token | None) -> str | None:
        if obj is None:
            return None
        parties = self.parties
        if obj.pos_ == "PROPN":  # 'launched Respect, the Unity Coalition'
            name = phrase_text(doc, noun_phrase(obj))
            return parties.normalise(name) or parties.find(name) or name
        named = next((c for c in obj.children if c.dep_ in ("appos", "attr") and c.pos_ == "PROPN"), None)
        if named is not None:
            name = phrase_text(doc, noun_phrase(named))
            return parties.normalise(name) or name
        return parties.find(" ".join(t.text for t in obj.subtree)) or self.party_called(doc, obj)

    def party_called(self, doc: Doc, obj: Token) -> str | None:
        """'a new Brexit Party': the proper-noun words of a phrase, when they name a party."""
        name = phrase_text(doc, [t for t in obj.subtree if t.pos_ == "PROPN" or t.lower_ in self.lex.party_nouns])
        return name if name and self.lex.party_name.match(name) else None

    # ---- nouns ------------------------------------------------------------------------------
    def from_noun(self, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'Wakeford's defection to Labour', 'Tory defector Robert Jackson'."""
        gone_to = noun_prep_object(noun, self.lex.prepositions["destination"])
        if gone_to is not None and not self.parties.names_party(doc, gone_to):
            return []  # 'his defection to The New York Times': a move, not a switch of party
        people, route = self.people.holders_of(doc, noun, cast)
        events = []
        for person in people:
            event = self.new_event(doc, noun)
            event.subtype = "defection"
            event.filled("from_party", self.premodifying_party(noun), "parties.premodifier")
            event.to_party = self.party_after(doc, noun, self.lex.prepositions["destination"]) or self.new_own_party(noun)
            event.from_party = event.from_party or self.party_after(doc, noun, self.lex.prepositions["source"])
            event.filled("person", person.name, f"participants.{route}")
            events.append(event)
        return events

    def premodifying_party(self, noun: Token) -> str | None:
        """'Tory defector'."""
        premodifier = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
        if noun.lemma_.lower() in self.words["premodified_nouns"] and premodifier:
            return self.parties.find(" ".join(t.text for t in premodifier[0].subtree))
        return None

    def new_own_party(self, trigger: Token) -> str | None:
        """'Tory defector Robert Jackson and his new Labour bosses': the party the switcher's
        'new' colleagues, bosses or party belong to, in the same sentence."""
        for tok in trigger.sent:
            if tok.pos_ in ("NOUN", "PROPN") and self.is_new(tok) and any(c.lower_ in self.words["own_words"] for c in tok.children):
                party = self.parties.find(" ".join(t.text for t in tok.subtree))
                if party:
                    return party
        return None

    def party_after(self, doc: Doc, noun: Token, preps: frozenset[str]) -> str | None:
        """The party named by 'to X' / 'from X' within a few words after a noun trigger."""
        end = min(noun.sent.end, noun.i + 20)
        for k in range(noun.i + 1, end):
            if doc[k].lower_ in preps:
                party = self.parties.find(" ".join(t.text for t in doc[k + 1 : min(end, k + 5)]))
                if party:
                    return party
        return None

    def keep(self, event: Event) -> bool:
        return bool(event.from_party or event.to_party) or event.subtype in WHIP_SUBTYPES


def taken_up(child: Token, prepositions: frozenset[str]) -> Token | None:
    """The party a clause takes up: 'become an independent', 'sit as an independent'."""
    if child.dep_ in ("attr", "oprd", "acomp"):
        return child
    if child.dep_ == "prep" and child.lower_ in prepositions:
        return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None
