"""What a name says by itself: the usual gender of its first name (gender-guesser's data, offline),
and whether an entity the recogniser labelled otherwise is a person's name ('Nikki Haley' as an
ORG)."""

from __future__ import annotations

from functools import lru_cache

# gender-guesser's answers (its labels, not English words) folded to the two the resolver uses.
FIRST_NAME_GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """The usual gender of a full name's first name ('Nikki Haley' -> female), from the
    gender-guesser data; None for initials, lone surnames and names used by both."""
    words = name.split()
    if len(words) < 2 or len(words[0].strip(".")) < 2:
        return None
    return FIRST_NAME_GENDERS.get(_gender_detector().get_gender(words[0].strip(".")))


def is_first_name(word: str) -> bool:
    """Whether gender-guesser knows the word as a first name, of either gender ('Will', 'May')."""
    return len(word.strip(".")) > 1 and _gender_detector().get_gender(word.strip(".")) != "unknown"


def looks_like_person(words: list[str], not_person_endings: frozenset[str]) -> bool:
    """Two to four capitalised words opening with a first name whose gender is known and not
    closing with an organisation's or a place's word (people.json's not_person_endings):
    'Nikki Haley', not 'Virginia Tech'."""
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words if w not in (".", "-")):
        return False
    if words[-1].lower().strip(".") in not_person_endings:
        return False
    return first_name_gender(" ".join(words)) is not None
