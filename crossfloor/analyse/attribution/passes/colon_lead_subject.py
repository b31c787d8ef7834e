"""'Collins saw compromise as the only way out: "...', 'Marrero rejected the argument: "...':
a lead-in ending in a colon right before a quotation that opens its own sentence, with no cue
verb, whose clause is about a person or an organisation: that one says it (the clause's verb
is the cue). Runs after colon_lead_in, which takes the lead-ins that hold a cue verb.

Not when the lead-in names another person after its verb ('Cameron answered Romney with a
jibe:'): whose words follow is then a guess, unless the lead-in holds a speech noun from a
person ('That brought a tart rejoinder from Mr. Cameron:', 'Smith received a letter from
Jones:'): the words are that person's, and the noun is the cue."""

from __future__ import annotations

from spacy.tokens import Token

from ..direct import attach_cue, lead_before, lead_in_verb
from ..state import AttributionState

NAME = "colon_lead_subject"


def colon_lead_subject(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        lead = lead_before(state, a.mark)
        if lead is None or lead.text != ":":
            continue
        verb = lead_in_verb(lead)
        if verb is not None and about_one_speaker(state, verb, lead):
            attach_cue(state, a, verb, NAME)
            continue
        noun = speech_from_person(state, lead)
        if noun is not None:
            attach_cue(state, a, noun[0], NAME, noun_source=noun[1])


def speech_from_person(state: AttributionState, colon: Token) -> tuple[Token, Token] | None:
    """A speech noun in the lead-in with the person it is from, the last person named before the
    colon ('That brought a tart rejoinder from Mr. Cameron:', 'a warning from the minister,
    Jane Roe:'): the noun is the cue, the person the source."""
    cues = state.grammar.cues
    for noun in reversed(state.doc[colon.sent.start : colon.i]):
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in cues.nouns:
            source = next((o for o in from_whom(noun, cues.noun_source_prepositions) if names_or_introduces_person(o)), None)
            if source is not None and not any(t.ent_type_ == "PERSON" for t in state.doc[source.right_edge.i + 1 : colon.i]):
                return noun, source
    return None


def from_whom(noun: Token, prepositions: frozenset[str]) -> list[Token]:
    """The objects of 'from' or 'by' on the noun, or on the verb the noun is the object of
    ('brought a rejoinder from X')."""
    holders = [*noun.children, *(c for c in noun.head.children if c.i > noun.i and noun.dep_ == "dobj")]
    preps = [c for c in holders if c.dep_ == "prep" and c.lower_ in prepositions]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def names_or_introduces_person(tok: Token) -> bool:
    """A person's name, or a description the name follows ('the minister, Jane Roe')."""
    return names_person(tok) or any(c.dep_ == "appos" and names_person(c) for c in tok.children)


def about_one_speaker(state: AttributionState, verb: Token, colon: Token) -> bool:
    """The clause's subject is a person or an organisation named ('The White House hit back:')
    or a personal pronoun, and no other person is named between its verb and the colon."""
    subject, people = state.grammar.subject_of(verb), state.grammar.people
    speaker = subject is not None and (names_person(subject) or subject.ent_type_ == "ORG" or subject.lower_ in people.personal_pronouns - people.unresolved_pronouns)
    if not speaker:
        return False  # not 'It is no great mystery: "..."'
    # A platform the recogniser took for a person ('took a shot on Twitter:') is no other person.
    return not any(t.ent_type_ == "PERSON" and t.lower_ not in people.platforms for t in state.doc[verb.i + 1 : colon.i])


def names_person(tok: Token) -> bool:
    """A person's name, or a word of one the article gives elsewhere ('Collins' after 'Phil
    Collins', where the recogniser labels the lone surname nothing)."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and any(tok.text in (t.text for t in ent) for ent in tok.doc.ents if ent.label_ == "PERSON")
