"""How the scorers compare the names of people, roles, groups and venues: leniently where a
reader would say two names are the same ("Trump" = "Donald J. Trump"), strictly where they name
different people ("Joan Woodward" != "Shaun Woodward")."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+", re.UNICODE)
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "the",
    "a",
    "an",
}
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


POST_NOMINALS = {"qc", "kc", "mp", "mep", "msp", "obe", "mbe", "cbe", "jr", "sr"}


def name_words(name: str | None) -> list[str]:
    words = normalise_name(name).split()
    while words and words[-1] in POST_NOMINALS:
        words.pop()
    return words


def same_person(gold: str | None, pred: str | None) -> bool:
    """'Wakeford' = 'Christian Wakeford' = 'Mr Christian Wakeford'; 'Kilroy-Silk' = 'Robert
    Kilroy-Silk'; 'Joan Woodward' != 'Shaun Woodward'; 'C Wakeford' = 'Christian Wakeford'."""
    g, p = name_words(gold), name_words(pred)
    if not g or not p:
        return not g and not p
    if g[-1] != p[-1]:
        return False
    short, long = sorted((g, p), key=len)
    if long[-len(short) :] == short:
        return True
    return short[0] == long[0] or (len(short[0]) == 1 and long[0].startswith(short[0]))


def is_proper_name(text: str | None) -> bool:
    words = (text or "").split()
    return bool(words) and all(w[:1].isupper() for w in words)


def same_actor(gold: str | None, pred: str | None) -> bool:
    """A person by name, or a role or group by its words."""
    if same_person(gold, pred):
        return True
    if is_proper_name(gold) and is_proper_name(pred):
        return False  # two names that are not the same person's ('Joan Woodward', 'Shaun Woodward')
    g, p = content_words(gold), content_words(pred)
    return bool(g and p) and len(g & p) / min(len(g), len(p)) >= 0.5


def normalise_name(name: str | None) -> str:
    tokens = [w for w in WORD.findall((name or "").lower())]
    while tokens and tokens[0] in HONORIFICS:
        tokens.pop(0)
    return " ".join(tokens)


def same_venue(gold: str | None, pred: str | None) -> bool:
    """'CNN' = "an interview with CNN's Anderson Cooper"; 'Sky News' != 'BBC'. Both empty agree."""
    g, p = content_words(gold), content_words(pred)
    if not g or not p:
        return not g and not p
    return g <= p or p <= g
