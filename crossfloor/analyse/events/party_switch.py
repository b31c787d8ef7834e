"""Party switches: defections, quitting, expulsions, whips lost or resigned, new parties founded,
readmissions ('defected to Labour', 'crossed the floor', 'quit the Tories', 'was expelled from
UKIP', 'had the whip withdrawn', 'launched his new party', 'Tory defector Robert Jackson')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import BLOCKED, Conflict, EventType, Key
from ..doctext import tokens_of
from .places import constituency_of
from .syntax import (
    PARTY_NAME,
    agent_of,
    direct_object,
    noun_phrase,
    phrase_text,
    prep_object,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cast import Cast, Speaker
    from .finder import EventFinder
    from .record import Event

WHIP_SUBTYPES = frozenset({"whip_withdrawn", "whip_resigned", "readmitted"})
INFERS_FORMER_PARTY = ("defection", "founded_new_party", "whip_withdrawn", "whip_resigned")


def about_whip(verb: Token, obj: Token | None, passive: bool) -> bool:
    """'withdrew the whip', 'the whip was withdrawn'."""
    if obj is not None and obj.lemma_.lower() == "whip":
        return True
    return passive and any(c.lemma_.lower() == "whip" for c in verb.subtree if c.dep_ in ("nsubjpass",))


class PartySwitch(EventType):
    name = "party_switch"
    fields = ("person", "from_party", "to_party", "seat", "subtype", "reason")
    view_fields = ("person", "from_party", "to_party", "seat", "subtype")
    people_fields = ("person",)
    party_fields = ("from_party", "to_party")
    participant = "person"
    merge_keys = ("person",)
    link_column = "person_id"
    agree_fields = ("from_party", "to_party")
    score_keys = (
        Key("person", "person"),
        Key("from_party", "party"),
        Key("to_party", "party"),
    )
    conflict = Conflict(same=("person", "from_party"), differ="to_party", given=("person", "to_party"))
    subtype_order = (
        "founded_new_party",
        "defection",
        "expelled",
        "whip_withdrawn",
        "whip_resigned",
        "quit",
        "readmitted",
    )
    announced_future = True

    @classmethod
    def describe(cls, event: dict) -> str:
        change = f"{event.get('from_party') or '?'} -> {event.get('to_party') or '?'}"
        return f"{event.get('person')}: {change} ({event.get('subtype') or 'switch'})" + (f", {event['seat']}" if event.get("seat") else "")

    @property
    def trigger_verbs(self) -> frozenset[str]:
        w = self.words
        return (
            w["defect_verbs"]
            | w["join_verbs"]
            | w["leave_verbs"]
            | w["expel_verbs"]
            | w["found_verbs"]
            | w["readmit_verbs"]
            | w["whip_withdrawn_verbs"]
            | w["whip_resigned_verbs"]
            | w["whip_restored_verbs"]
            | w["sit_verbs"]
        )

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return self.words["nouns"]

    # ---- verbs ------------------------------------------------------------------------------
    def verb_hook(self, finder: EventFinder, doc: Doc, verb: Token, cast: Cast) -> list[Event] | None:
        if verb.lemma_.lower() == "lose":
            return self.party_loses_member(finder, doc, verb, cast)
        return None

    def party_loses_member(self, finder: EventFinder, doc: Doc, verb: Token, cast: Cast) -> list[Event]:
        """'UKIP has lost one of its two London Assembly members to Kilroy-Silk's new party'."""
        subject, obj = finder.subject_of(verb), direct_object(verb)
        target = prep_object(verb, ("to",))
        if subject is None or obj is None or target is None or not finder.is_asserted(verb):
            return []
        loser = finder.parties.find(" ".join(t.text for t in noun_phrase(subject)))
        if loser is None or not (finder.names_party(doc, target) or target.lemma_.lower() in ("party", "group")):
            return []
        member = obj
        if obj.lemma_.lower() == "one":  # 'one of its members'
            member = next((c for c in obj.subtree if c.dep_ == "pobj"), obj)
        events = []
        for person in finder.people_in(doc, member, cast, lede=True):
            event = finder.new_event(doc, verb, self.name)
            event.person, event.subtype, event.from_party = person.name, "defection", loser
            event.to_party = finder.party_in(doc, target, None, cast)
            if event.to_party is None and any(c.lower_ == "new" for c in target.children):
                event.to_party = finder.nearest_party(doc, verb.idx, {loser})
            events.append(event)
        return events

    def classify_verb(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        lemma = verb.lemma_.lower()
        w = self.words
        if about_whip(verb, obj, passive):
            return self.whip_subtype(lemma, passive)
        if lemma in w["expel_verbs"] and (passive or obj is not None):
            source = prep_object(verb, ("from", "out"))
            return "expelled" if source is not None and finder.names_party(doc, source) else BLOCKED
        if lemma in w["readmit_verbs"]:
            return "readmitted"
        if lemma in w["found_verbs"]:
            return self.founding(finder, doc, verb, obj, passive)
        if lemma in w["defect_verbs"]:
            found = self.defection(finder, doc, verb, obj)
            if found is not None:
                return found
        if lemma in w["join_verbs"]:
            return self.joining(finder, doc, verb, obj)
        if lemma in w["sit_verbs"]:
            seat = prep_object(verb, ("as", "with"))  # 'will sit as an independent', 'sits with the Greens'
            return "defection" if seat is not None and self.party_or_none(finder, doc, seat, None) else None
        if lemma in w["leave_verbs"]:
            source = obj if obj is not None else prep_object(verb, ("from",))
            if source is not None and finder.names_party(doc, source):
                return "quit"
        return None

    def whip_subtype(self, lemma: str, passive: bool) -> str:
        w = self.words
        if lemma in w["whip_restored_verbs"]:
            return "readmitted"
        if lemma in w["whip_resigned_verbs"] and not passive:
            return "whip_resigned"
        if lemma in w["whip_withdrawn_verbs"]:
            return "whip_withdrawn"
        return BLOCKED

    def founding(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str:
        if obj is not None and obj.lemma_.lower() == "party" and any(c.lower_ == "new" for c in obj.children):
            return "founded_new_party"
        named = obj if obj is not None else (finder.subject_of(verb) if passive else None)
        if named is not None and verb.lemma_.lower() in self.words["naming_found_verbs"] and named.pos_ == "PROPN" and finder.names_party(doc, named):
            return "founded_new_party"
        return BLOCKED

    def defection(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None) -> str | None:
        lemma = verb.lemma_.lower()
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        if lemma == "cross":
            return "defection" if obj_lemma in ("floor", "aisle") else BLOCKED
        if lemma == "defect":
            return "defection"
        target = prep_object(verb, ("to",))
        if lemma in self.words["to_party_verbs"] and target is not None and finder.names_party(doc, target) and not finder.owned_by_other(target):
            return "defection"
        if lemma == "switch" and obj_lemma in self.words["switch_objects"]:
            return "defection"
        if lemma == "desert" and obj is not None and finder.names_party(doc, obj):
            return "quit"
        return None

    @staticmethod
    def joining(finder: EventFinder, doc: Doc, verb: Token, obj: Token | None) -> str:
        lemma = verb.lemma_.lower()
        target = obj if obj is not None else prep_object(verb, ("up", "to", "with"))
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
        if lemma == "sign" and not ("up" in particles or target is not None):
            return BLOCKED
        if target is not None and finder.names_party(doc, target):
            return "readmitted" if lemma == "rejoin" else "defection"
        return BLOCKED

    def verb_arguments(self, finder: EventFinder, verb: Token, obj: Token | None, subject: Token | None, passive: bool, subtype: str):
        if passive and subtype == "founded_new_party":  # 'Veritas was formed by Mr Kilroy-Silk'
            return subject, agent_of(verb)
        return obj, subject

    def fill_from_verb(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, subtype: str, event: Event, person: Speaker | None, cast: Cast) -> None:
        event.subtype = subtype
        if subtype in ("defection", "readmitted"):
            target = prep_object(verb, ("to", "for")) or (obj if verb.lemma_.lower() in self.words["join_verbs"] else None)
            if target is None and subtype == "readmitted":
                target = obj
            event.to_party = finder.party_in(doc, target, person, cast)
            event.from_party = None if subtype == "readmitted" else finder.party_in(doc, prep_object(verb, ("from",)), person, cast)
        elif subtype in ("quit", "expelled"):
            source = obj if (obj is not None and subtype == "quit") else prep_object(verb, ("from", "out"))
            event.from_party = finder.party_in(doc, source, person, cast)
            event.to_party = finder.party_in(doc, prep_object(verb, ("to", "for")), person, cast)
        elif subtype == "founded_new_party":
            event.to_party = self.new_party_name(finder, doc, obj)
        elif subtype in ("whip_withdrawn", "whip_resigned"):
            event.from_party = (finder.party_in(doc, obj, person, cast) if obj is not None else None) or (person.party if person else None)
            event.to_party = None
        if subtype in ("defection", "quit"):
            self.fill_unstated_parties(finder, doc, verb, obj, event, cast)

    def fill_unstated_parties(self, finder: EventFinder, doc: Doc, verb: Token, obj: Token | None, event: Event, cast: Cast) -> None:
        """What the clause around the verb says of the parties: 'to become an independent';
        'Seven Labour MPs have quit the party'."""
        if event.to_party is None:
            event.to_party = self.party_taken_up(finder, doc, verb, cast)
        source = obj if obj is not None else prep_object(verb, ("from",))
        if event.subtype == "quit" and event.from_party is None and source is not None and source.lemma_.lower() == "party":
            subject = finder.subject_of(verb)
            event.from_party = finder.parties.find(" ".join(t.text for t in subject.subtree)) if subject is not None else None

    def party_taken_up(self, finder: EventFinder, doc: Doc, verb: Token, cast: Cast) -> str | None:
        """'leaving the Republican Party to become an independent', 'quit and will sit as an
        independent MP', 'sits with the Greens'."""
        for node in (
            verb,
            *(c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj")),
        ):
            if node is not verb and node.lemma_.lower() not in self.words["take_up_verbs"]:
                continue
            for child in node.children:
                target = child if child.dep_ in ("attr", "oprd", "acomp") else None
                if child.dep_ == "prep" and child.lower_ in ("as", "with"):
                    target = next((g for g in child.children if g.dep_ == "pobj"), None)
                party = self.party_or_none(finder, doc, target, cast) if target is not None else None
                if party:
                    return party
        return None

    def party_or_none(self, finder: EventFinder, doc: Doc, target: Token, cast: Cast) -> str | None:
        """A party, or Independent for 'an independent (MP)', 'unaffiliated'."""
        if target.lower_ in self.words["independent_words"] or any(c.lower_ in self.words["independent_words"] for c in target.children if c.dep_ == "amod"):
            return "Independent"
        return finder.party_in(doc, target, None, cast)

    def keep_mention(self, event: Event, subtype: str) -> bool:
        # A quit with no party named is no switch; a defection or founding may get its parties
        # from the rest of the article (complete), and is dropped there if not.
        return bool(event.from_party or event.to_party) or subtype in ("defection", "founded_new_party", *WHIP_SUBTYPES)

    @staticmethod
    def new_party_name(finder: EventFinder, doc: Doc, obj: Token | None) -> str | None:
        if obj is None:
            return None
        parties = finder.parties
        if obj.pos_ == "PROPN":  # 'launched Respect, the Unity Coalition'
            name = phrase_text(doc, noun_phrase(obj))
            return parties.normalise(name) or parties.find(name) or name
        for child in obj.children:
            if child.dep_ in ("appos", "attr") and child.pos_ == "PROPN":
                name = phrase_text(doc, noun_phrase(child))
                return parties.normalise(name) or name
        party = parties.find(" ".join(t.text for t in obj.subtree))
        if party:
            return party
        name = phrase_text(doc, [t for t in obj.subtree if t.pos_ == "PROPN" or t.lower_ == "party"])
        return name if name and PARTY_NAME.match(name) else None

    # ---- nouns ------------------------------------------------------------------------------
    def from_noun(self, finder: EventFinder, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'Wakeford's defection to Labour', 'Tory defector Robert Jackson'."""
        lemma = noun.lemma_.lower()
        events = []
        for person in finder.holders_of(doc, noun, cast):
            event = finder.new_event(doc, noun, self.name)
            event.subtype = "defection"
            premodifier = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
            if lemma in ("defector", "turncoat") and premodifier:
                event.from_party = finder.parties.find(" ".join(t.text for t in premodifier[0].subtree))
            event.to_party = self.party_after(finder, doc, noun, ("to", "for")) or self.new_own_party(finder, noun)
            event.from_party = event.from_party or self.party_after(finder, doc, noun, ("from",))
            event.person = person.name
            events.append(event)
        return events

    @staticmethod
    def new_own_party(finder: EventFinder, trigger: Token) -> str | None:
        """'Tory defector Robert Jackson and his new Labour bosses': the party the switcher's
        'new' colleagues, bosses or party belong to, in the same sentence."""
        for tok in trigger.sent:
            if tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "new" for c in tok.children) and any(c.lower_ in ("his", "her", "their") for c in tok.children):
                party = finder.parties.find(" ".join(t.text for t in tok.subtree))
                if party:
                    return party
        return None

    @staticmethod
    def party_after(finder: EventFinder, doc: Doc, noun: Token, preps: tuple[str, ...]) -> str | None:
        """The party named by 'to X' / 'from X' within a few words after a noun trigger."""
        end = min(noun.sent.end, noun.i + 20)
        for k in range(noun.i + 1, end):
            if doc[k].lower_ in preps:
                party = finder.parties.find(" ".join(t.text for t in doc[k + 1 : min(end, k + 5)]))
                if party:
                    return party
        return None

    # ---- the article ------------------------------------------------------------------------
    def complete(self, finder: EventFinder, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """The switcher's former party and seat from the rest of the article."""
        person = finder.person_record(cast, event.person)
        may_infer_from = event.from_party is None and not self.left_before(event, events) and event.subtype in INFERS_FORMER_PARTY
        if event.subtype == "founded_new_party" and event.to_party is None:
            left = {e.from_party for e in events if e.person == event.person} | {person.party if person else None}
            event.to_party = finder.nearest_party(doc, event.trigger_start or event.start, left)
        if person is not None:
            event.seat = event.seat or person.seat or constituency_of(doc, person)
            if may_infer_from and person.party and person.party != event.to_party:
                event.from_party = person.party
        if event.from_party is None and may_infer_from and event.subtype in ("defection", "founded_new_party") and event.to_party:
            event.from_party = finder.other_party(doc, event.to_party)
        event.to_party = event.to_party or self.new_party_elsewhere(finder, doc, event, person, cast)

    def new_party_elsewhere(self, finder: EventFinder, doc: Doc, event: Event, person, cast: Cast) -> str | None:
        """The party a switcher went to, from the next sentence or, after a quit, from the party
        label the article gives them now ('Rep. Justin Amash (I-MI) ... leaves the GOP')."""
        if event.subtype not in ("defection", "quit"):
            return None
        joined = self.party_joined_next(finder, doc, event, cast)
        if joined is None and event.subtype == "quit" and person is not None and person.party and person.party != event.from_party:
            return person.party
        return joined

    def party_joined_next(self, finder: EventFinder, doc: Doc, event: Event, cast: Cast) -> str | None:
        """The new party told in the next sentence: '... defected from the Conservative Party.
        Lee crossed the room and took a seat with the Liberal Democrats.' The sentence must be
        about the switcher (named, or 'he'/'she') and name the party as where they went."""
        trigger = tokens_of(doc, (event.trigger_start, event.trigger_end)) if event.trigger_start is not None else None
        if trigger is None:
            return None
        following = trigger.sent
        while following.end < len(doc):
            following = doc[following.end].sent
            if following.text.strip():
                break
        if following == trigger.sent or not following.text.strip():
            return None
        subject = next(
            (c for c in following.root.children if c.dep_ in ("nsubj", "nsubjpass")),
            None,
        )
        if subject is None or not self.refers_to(subject, event.person):
            return None
        for tok in following:
            object_of = tok.head if tok.dep_ in ("pobj", "dobj") else None
            if object_of is None or not (object_of.lower_ in ("with", "to", "as") or object_of.lemma_.lower() in self.words["join_verbs"]):
                continue
            party = finder.party_in(doc, tok, None, cast) or finder.parties.find(" ".join(t.text for t in tok.subtree))
            if party and party != event.from_party:
                return party
        return None

    @staticmethod
    def refers_to(subject: Token, person: str | None) -> bool:
        if person is None:
            return False
        if subject.lower_ in ("he", "she"):
            return True
        return subject.pos_ == "PROPN" and subject.text.lower() == person.lower().split()[-1]

    def left_before(self, event: Event, events: list[Event]) -> bool:
        """'who left the party in 1997 and joined Labour in 1998': the join starts from no party."""
        return any(e is not event and e.type == self.name and e.person == event.person and e.to_party is None and e.start <= event.start for e in events)

    def settle(self, event: Event, events: list[Event]) -> None:
        if event.seat is None:
            event.seat = next((c.seat for c in events if c.type == "by_election_call" and c.target == event.person and c.seat), None)

    def keep(self, event: Event) -> bool:
        return bool(event.from_party or event.to_party) or event.subtype in WHIP_SUBTYPES
