"""What a name says by itself: the usual gender of its first name (gender-guesser's data, offline),
and whether an entity the recogniser labelled otherwise is a person's name ('Nikki Haley' as an
ORG)."""

from __future__ import annotations

from functools import lru_cache

FIRST_NAME_GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}
# Last words that make a name an organisation's or a place's, whatever its first word
# ('Georgia State University', 'Jordan Valley', 'Victoria Station').
NOT_PERSON_ENDINGS = frozenset(
    "university college school academy institute foundation center centre association society council committee party group "
    "times post news journal herald tribune gazette mail telegraph network channel radio tv inc corp corporation company co ltd llc plc "
    "bank fund trust airlines airways hospital clinic church cathedral mosque temple street road avenue square station airport bridge "
    "park valley river lake county city state states tech club league union federation agency department ministry office court "
    "house hall center museum theatre theater hotel".split()
)


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


def looks_like_person(words: list[str]) -> bool:
    """Two to four capitalised words opening with a first name whose gender is known and not
    closing with an organisation's or a place's word: 'Nikki Haley', not 'Virginia Tech'."""
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words if w not in (".", "-")):
        return False
    if words[-1].lower().strip(".") in NOT_PERSON_ENDINGS:
        return False
    return first_name_gender(" ".join(words)) is not None
