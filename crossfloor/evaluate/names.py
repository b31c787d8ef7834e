"""How the scorers compare the names of people, roles, groups and venues: leniently where a
reader would say two names are the same ("Trump" = "Donald J. Trump"), strictly where they name
different people ("Joan Woodward" != "Shaun Woodward")."""

from __future__ import annotations

import re

from ..people import same_person, spelling_key, spells_out, without_honorifics

WORD = re.compile(r"\w+", re.UNICODE)
# Words that carry no meaning of their own when two descriptions are compared by their words.
STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "for",
    "and",
    "to",
    "at",
    "on",
    "mr",
    "mrs",
    "ms",
    "former",
    "'s",
    "s",
}


def content_words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP}


def same_person_or_nobody(gold: str | None, pred: str | None) -> bool:
    """A gold participant and a predicted one are the same person (`people.same_person`:
    'Wakeford' = 'Christian Wakeford'; 'Joan Woodward' != 'Shaun Woodward'), or both are nobody."""
    if not normalise_name(gold) or not normalise_name(pred):
        return not normalise_name(gold) and not normalise_name(pred)
    return same_person(gold, pred)


def is_proper_name(text: str | None) -> bool:
    words = (text or "").split()
    return bool(words) and all(w[:1].isupper() for w in words)


def same_person_or_role(gold: str | None, pred: str | None) -> bool:
    """A speaker or event actor: the same person by name, or a role or group ('Health
    Secretary', 'Witney Conservative constituency association') by half its content words."""
    if same_person_or_nobody(gold, pred) or spells_out(gold, pred) or spells_out(pred, gold):
        return True  # a body by its acronym or its name ('CBO', 'Congressional Budget Office')
    if is_proper_name(gold) and is_proper_name(pred):
        return False  # two names that are not the same person's ('Joan Woodward', 'Shaun Woodward')
    g, p = content_words(gold), content_words(pred)
    return bool(g and p) and len(g & p) / min(len(g), len(p)) >= 0.5


def normalise_name(name: str | None) -> str:
    """A written speaker without honorifics, compared as written: 'Mr Trump' -> 'trump'."""
    return spelling_key(without_honorifics(name))


def same_venue(gold: str | None, pred: str | None) -> bool:
    """'CNN' = "an interview with CNN's Anderson Cooper"; 'Sky News' != 'BBC'. Both empty agree."""
    g, p = content_words(gold), content_words(pred)
    if not g or not p:
        return not g and not p
    return g <= p or p <= g
