"""Small readings of the dependency parse that every event type uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..doctext import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Noun phrase parts that are not the phrase itself: clauses, appositions, conjuncts.
CLAUSAL = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "conj", "cc", "punct"})


@dataclass(frozen=True)
class Auxiliaries:
    """The auxiliaries that tell a trigger's tense (data/events.json)."""

    perfect: frozenset[str]  # 'has defected'
    future: frozenset[str]  # 'will resign'


def noun_phrase(tok: Token) -> list[Token]:
    """The tokens of a noun phrase without its clauses, appositions and conjuncts."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in CLAUSAL:
            out.extend(noun_phrase(child))
    return sorted(out, key=lambda t: t.i)


def phrase_text(doc: Doc, tokens) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("det", "cc", "case") or tokens[0].tag_ == "POS"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "case")):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return text_of(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def prep_object(verb: Token, preps: frozenset[str]) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def noun_prep_object(noun: Token, preps: frozenset[str]) -> Token | None:
    """The object of a preposition after a noun, or after the verb the noun is the object of,
    where the parse hangs it ('announced their resignations from the party', 'made his defection
    to X complete')."""
    found = prep_object(noun, preps)
    if found is None and noun.dep_ == "dobj":
        found = prep_object(noun.head, preps)
    return found


def agent_of(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)


def has_modal(tok: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in modals) for c in tok.children)


def tense_of(trigger: Token, auxiliaries: Auxiliaries) -> str | None:
    """'present' for 'is defecting' / 'quits', 'perfect' for 'has defected', 'past' for 'defected',
    'past perfect' for 'had defected', 'future' for 'will resign'; a noun trigger takes the tense
    of the verb it is the subject or object of ('has accepted the resignation of')."""
    trigger = verb_of(trigger)
    if not trigger.tag_.startswith("VB"):
        return None
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    return aspect_of(auxes, auxiliaries) or past_tense(trigger, auxes, auxiliaries) or present_tense(trigger, auxes)


def past_tense(trigger: Token, auxes: list[Token], auxiliaries: Auxiliaries) -> str | None:
    if trigger.tag_ == "VBN" and any(a.lemma_ in auxiliaries.perfect and a.tag_ == "VBD" for a in auxes):
        return "past perfect"  # 'had resigned': before the time the article tells of
    if any(a.tag_ == "VBD" for a in auxes) or trigger.tag_ == "VBD":
        return "past"
    return None


def present_tense(trigger: Token, auxes: list[Token]) -> str | None:
    finite = any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if trigger.tag_ in ("VBZ", "VBP") or (trigger.tag_ in ("VBG", "VBN") and finite):
        return "present"
    return None


def verb_of(trigger: Token) -> Token:
    """The verb whose subject or object a noun trigger is ('has accepted the resignation')."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass") and trigger.head.tag_.startswith("VB"):
        return trigger.head
    return trigger


def aspect_of(auxes: list[Token], auxiliaries: Auxiliaries) -> str | None:
    if any(a.lemma_ in auxiliaries.perfect and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "perfect"
    if any(a.lower_ in auxiliaries.future for a in auxes):
        return "future"
    return None
