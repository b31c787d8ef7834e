"""'Collins saw compromise as the only way out: "...', 'Marrero rejected the argument: "...':
a lead-in ending in a colon right before a quotation that opens its own sentence, with no cue
verb, whose clause is about a person: that person says it (the clause's verb is the cue). Runs
after colon_lead_in, which takes the lead-ins that hold a cue verb.

Not when the lead-in names another person after its verb ('Smith received a letter from Jones:',
'Cameron answered Romney with a jibe:'): whose words follow is then a guess."""

from __future__ import annotations

from spacy.tokens import Token

from ..direct import attach_cue, lead_before, quoted_span
from ..state import AttributionState

NAME = "colon_lead_subject"


def colon_lead_subject(state: AttributionState) -> None:
    for a in list(state.unresolved_direct()):
        lead = lead_before(state, quoted_span(state.doc, a.mark))
        if lead is None or lead.text != ":":
            continue
        # The clause the colon closes: the verb it hangs on, before it. Not the sentence's root,
        # which may be a clause before it ('When Johnson pressed her, she slapped him down: "...').
        verb = lead.head
        if verb.pos_ in ("VERB", "AUX") and verb.i < lead.i and about_one_person(state, verb, lead):
            attach_cue(state, a, verb, NAME)


def about_one_person(state: AttributionState, verb: Token, colon: Token) -> bool:
    """The clause's subject is a person named or a personal pronoun, and no other person is
    named between its verb and the colon."""
    subject, people = state.grammar.subject_of(verb), state.grammar.people
    if subject is None or not (names_person(subject) or subject.lower_ in people.personal_pronouns - people.unresolved_pronouns):
        return False  # not 'It is no great mystery: "..."'
    return not any(t.ent_type_ == "PERSON" for t in state.doc[verb.i + 1 : colon.i])


def names_person(tok: Token) -> bool:
    """A person's name, or a word of one the article gives elsewhere ('Collins' after 'Phil
    Collins', where the recogniser labels the lone surname nothing)."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and any(tok.text in (t.text for t in ent) for ent in tok.doc.ents if ent.label_ == "PERSON")
