"""What an unnamed source's words say: the role phrase of a noun ('the Health Secretary' ->
'Health Secretary'), whether it is plural, and what kind of source it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import text_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..lexicon import PeopleLexicon
    from .state import Lexicons

# Entity labels of sources that are bodies, not people.
ORGANISATION_ENTITIES = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})


def role_phrase(subject: Token, people: PeopleLexicon) -> str:
    """'the Health Secretary' -> 'Health Secretary'; 'a Labour leadership source' -> 'Labour leadership source'."""
    left = [t for t in subject.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod", "poss") or t.tag_ == "POS"]
    tokens = [t for t in subject.subtree if t.i <= subject.i and (t is subject or any(t in l.subtree for l in left))]
    tokens = [t for t in tokens if t.dep_ != "det" and (t is subject or t.lower_ not in people.honorifics)]
    if not tokens:
        return subject.text
    end = role_complement_end(subject, people)
    return text_of(subject.doc)[tokens[0].idx : end.idx + len(end.text)]


def role_complement_end(subject: Token, people: PeopleLexicon) -> Token:
    """The last word of a role's name: 'chief of staff', 'envoy for Ukraine' run past their head
    through 'of'/'for' and the noun phrase after it; other heads end the name."""
    if subject.lower_ not in people.role_heads:
        return subject
    joining = people.role_joining_words
    prep = next((c for c in subject.rights if c.dep_ == "prep" and c.lower_ in joining and c.i == subject.i + 1), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return subject
    return max((t for t in pobj.subtree if t.dep_ not in ("relcl", "acl", "appos", "conj", "cc", "punct")), key=lambda t: t.i)


def is_plural(name: str, people: PeopleLexicon) -> bool:
    """A name that ends in a plural role noun ('officials', 'Labour sources')."""
    last = name.split()[-1].lower() if name.split() else ""
    return last.endswith("s") and last in people.role_heads and not last.endswith("ss")


def kind_of(subject: Token, role: str, words: Lexicons) -> str:
    """What an unnamed source is: an organisation (by the entity recogniser, an outlet's or a
    party's name), a group (a plural) or a role."""
    lowered = set(role.lower().split())
    if subject.ent_type_ in ORGANISATION_ENTITIES or words.parties.normalise(role) or (subject.pos_ == "PROPN" and lowered & words.people.outlet_words):
        return "organisation"
    if subject.tag_ in ("NNS", "NNPS") or is_plural(role, words.people):
        return "group"
    return "role"
