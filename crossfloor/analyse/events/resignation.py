"""Resignations: 'resigned as Home Secretary', 'stepped down', 'stood down', 'quit the cabinet',
'vacated the seat', 'the resignation of immigration minister Beverley Hughes'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...schema.events import RESIGNATION
from .base import EventType
from .syntax import noun_phrase, noun_prep_object, phrase_text, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..cast import Cast, Speaker
    from .parties import Parties
    from .record import Event


class Resignation(EventType):
    spec = RESIGNATION
    completions = ("resignation_seat_from_cast", "resignation_office_from_cast")
    settlements = ("office_is_a_post",)

    @property
    def trigger_verbs(self) -> frozenset[str]:
        return self.words["verbs"] | frozenset(self.words["phrasal"]) | self.words["leave_offices"]

    @property
    def trigger_nouns(self) -> frozenset[str]:
        return self.words["nouns"]

    def is_office(self, tok: Token) -> bool:
        lex = self.lex
        if tok.lemma_.lower() in lex.office_nouns or tok.lower_ in lex.office_nouns or tok.lower_ in lex.office_words:
            return True
        return any(t.lower_ in lex.office_titles for t in tok.subtree)

    def classify_verb(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> str | None:
        lemma = verb.lemma_.lower()
        w = self.words
        if lemma in w["verbs"] or lemma in w["leave_verbs"]:
            return self.left_office(verb, obj, lemma in w["leave_verbs"])
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
        if lemma in w["phrasal"] and particles & w["phrasal"][lemma]:
            # 'stepped down from the pulpit': stepping down from something that is no office
            return None if self.retires_at_election(verb) else self.left_office(verb, obj, False)
        if lemma in w["leave_offices"] and obj is not None and self.is_office(obj):
            return ""
        return None

    def retires_at_election(self, verb: Token) -> bool:
        """'stood down at the last election': not standing again is the end of a term."""
        retiring = self.words["retiring_at"]
        return any(p.dep_ == "prep" and p.lower_ in retiring and any(o.dep_ == "pobj" and o.lemma_.lower() in retiring[p.lower_] for o in p.children) for p in verb.children)

    def left_office(self, verb: Token, obj: Token | None, must_name_it: bool) -> str | None:
        """'resigned' (from anything but a non-office); 'left' only an office it names."""
        source = obj if obj is not None else prep_object(verb, self.lex.prepositions["source"])
        if must_name_it:
            return "" if source is not None and self.is_office(source) else None
        return None if source is not None and not self.is_office(source) else ""

    def describe_unnamed(self, event: Event, subject: Token) -> None:
        event.office = self.people.resolver.role_phrase(subject)  # 'A prospective candidate has resigned'

    def fill_from_verb(self, doc: Doc, verb: Token, obj: Token | None, subtype: str, event: Event, person: Speaker | None) -> None:
        if person is not None:
            event.office = self.office_of(doc, verb, obj, person)
        else:
            event.office = event.office or self.office_of(doc, verb, obj, None)

    def office_of(self, doc: Doc, verb: Token, obj: Token | None, person: Speaker | None) -> str | None:
        role = prep_object(verb, self.lex.prepositions["capacity"])
        if role is not None:
            return phrase_text(doc, [t for t in role.subtree if t.dep_ not in ("relcl", "poss")])
        holder = obj if obj is not None else prep_object(verb, self.lex.prepositions["source"])
        if holder is None:
            return person.role if person is not None else None
        if holder.lemma_.lower() in self.words["post_nouns"]:
            return self.post_named(doc, holder, person, self.lex.prepositions["post_of"])
        return phrase_text(doc, [t for t in holder.subtree if t.dep_ not in ("relcl", "acl", "poss")])

    @staticmethod
    def post_named(doc: Doc, post: Token, person: Speaker | None, prepositions: frozenset[str]) -> str | None:
        """'the post of Home Secretary'; 'leave the job that has been the honour of my life':
        which job, the article says elsewhere."""
        inner = prep_object(post, prepositions)
        if inner is None:
            return person.role if person is not None else None
        return phrase_text(doc, [t for t in inner.subtree if t.dep_ not in ("relcl",)])

    def from_noun(self, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'the resignation of immigration minister Beverley Hughes'; not 'their resignations from
        the party' (leaving a party is a switch, read as one)."""
        source = noun_prep_object(noun, self.lex.prepositions["source"])
        if source is not None and self.parties.names_party(doc, source):
            return []
        people, route = self.people.holders_of(doc, noun, cast)
        events = []
        for person in people:
            event = self.new_event(doc, noun)
            role = prep_object(noun, self.lex.prepositions["resigned_as"])
            event.office = phrase_text(doc, noun_phrase(role)) if role is not None else role_beside(doc, person, noun.sent, self.parties) or person.role
            event.filled("person", person.name, f"participants.{route}")
            events.append(event)
        return events

    def office_is_a_post(self, event: Event, _events: list[Event]) -> None:
        """An office is a post or nothing: 'Home Secretary', 'the cabinet', 'Congress'; not a
        title ('Rep.'), a bare 'office', or words the parse swept in ('spiritual leader 1.2
        billion'). The post is the noun before any 'of' ('editor of the editorial page').
        Its words are joined by single spaces: a role read across a line break ('Story
        highlights\n\nPope ...') keeps none of the break's white space."""
        if event.office:
            event.office = " ".join(event.office.split()) or None
        if event.office and not self.names_a_post(event.office):
            event.office = None
            event.filled_by.pop("office", None)

    def names_a_post(self, office: str) -> bool:
        """A post's name holds an office noun ('chief economic adviser to the Treasury') or names an
        institution ('Number 10'); a title ('Rep.'), a bare 'office' or a fragment that ends on a
        joining word ('adviser and friend and') names none."""
        words = [w for w in (w.strip(".,;:'’\"") for w in office.split()) if w]
        if not words or office.rstrip().endswith(".") and len(words) == 1:
            return False  # 'Rep.', 'Sen.', 'Mr.': a title
        if len(words) == 1 and words[0].lower() in self.words["unnamed_posts"]:
            return False  # 'resigned from office': which one, the text does not say here
        if words[-1].lower() in self.words["office_cut_short_endings"]:
            return False
        honorifics = self.people.resolver.words.people.honorifics
        capitalised = any(w[:1].isupper() and w.lower() not in honorifics for w in words)
        return capitalised or any(w.lower() in self.lex.office_nouns for w in words)

    def resignation_seat_from_cast(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        person = self.people.person_record(cast, event.person)
        if person is not None:
            event.seat = event.seat or person.seat

    def resignation_office_from_cast(self, doc: Doc, event: Event, events: list[Event], cast: Cast) -> None:
        """'Rep. Pat Meehan's resignation', 'CIA inspector general David Buckley resigned': when
        the sentence names no post, the one the article gives the person (the role written
        beside the name, or the chamber a title stands for)."""
        person = self.people.person_record(cast, event.person)
        # A title the sentence gave as the office ('Rep.') is no post: office_is_a_post would
        # drop it after this completion, leaving none.
        if event.office and self.names_a_post(event.office) or person is None:
            return
        if person.role and self.names_a_post(person.role):
            event.filled("office", person.role, "resignation_office_from_cast")
            return
        chambers = {self.words["title_offices"][t] for t in person.titles if t in self.words["title_offices"]}
        if len(chambers) == 1:
            event.filled("office", chambers.pop(), "resignation_office_from_cast")


def role_beside(doc: Doc, person: Speaker, sent: Span, parties: Parties) -> str | None:
    """'reporter Andrew Gilligan': the role written before the name in this sentence; the party
    leading it is the person's party, not part of the office ('Labour MP Jane Roe': MP), as in
    the roles the cast reads."""
    for ent in sent.ents:
        if ent.label_ != "PERSON" or not person.name.endswith(ent.text.split()[-1]):
            continue
        role = without_leading_party(role_before(doc, sent, ent), parties)
        if role:
            return phrase_text(doc, role)
    return None


def without_leading_party(role: list[Token], parties: Parties) -> list[Token]:
    """The role without the parties written before it ('Liberal National MP': MP)."""
    while role and (named := parties.leading([t.text for t in role])):
        role = role[named:]
    return role


def role_before(doc: Doc, sent: Span, ent: Span) -> list[Token]:
    """The nouns just before a name, after any article, preposition or verb ('reporter')."""
    before = list(doc[max(sent.start, ent.start - 4) : ent.start])
    while before and not (before[0].pos_ in ("NOUN", "PROPN", "ADJ") and before[0].ent_type_ != "PERSON"):
        before = before[1:]
    cut = max((k for k, t in enumerate(before) if t.is_punct or t.pos_ in ("DET", "ADP", "CCONJ", "VERB")), default=-1)
    role = before[cut + 1 :]
    return role if role and role[-1].pos_ in ("NOUN", "PROPN") and role[-1].ent_type_ != "PERSON" else []

