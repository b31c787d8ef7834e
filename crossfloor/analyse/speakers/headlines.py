"""Headlines and other lines in Title Case ('Whatever Obama Says, Romney Attacks'), where the
entity recogniser takes the capitalised words around a name into it: a name there is taken
only as far as the body of the article confirms it."""

from __future__ import annotations

from functools import lru_cache

# A line counts as written in Title Case when at least this share of its words open with a
# capital, and it has at least HEADLINE_WORDS words (and no more than HEADLINE_MAX_WORDS).
TITLE_CASE_SHARE = 0.7
HEADLINE_WORDS = 3
HEADLINE_MAX_WORDS = 30


def line_at(text: str, offset: int) -> tuple[int, int]:
    """The bounds of the line holding a character offset."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


@lru_cache(maxsize=256)
def title_case(line: str) -> bool:
    """'Claims Obama Broke Promise On Taxes': most words open with a capital."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if not HEADLINE_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def in_headline(text: str, offset: int) -> bool:
    """Whether the character offset lies in a line written in Title Case."""
    start, end = line_at(text, offset)
    return title_case(text[start:end])
