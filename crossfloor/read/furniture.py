"""Page furniture: the captions, credits, promos, bylines, datelines and related-story links that
scrapers leave in article text. They are found here, as character spans, and masked (replaced by
spaces of the same length) before analysis, so a caption never becomes a speaker or a byline a
defector while every offset still points into the text exactly as the user gave it.

The patterns are data (`data/furniture.json`), so users can add their outlets' house styles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import load

# Longest line tested against the line patterns: furniture lines are short, and a long
# paragraph is never furniture (this also bounds the regex work per line).
MAX_FURNITURE_LINE = 600
# A surname with the first headline glued on: 'PriceOvernight', 'TrumpGOP', 'Biden2020',
# 'McConnellSenate' (a word with a capital or a digit inside, split where the surname ends).
GLUED = re.compile(r"\b[A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*\b")
# How far before its MORE a card starts, and how far before the glued surname its first use is
# ('Tom Price Thomas (Tom) Edmunds PriceOvernight').
CARD_REACH = 800
NAME_REACH = 80
# How far apart two captions of one gallery are at most, and how far before its first marker
# the gallery's opening may be.
GALLERY_REACH = 3000
# ' MORE' ends a card before a space, punctuation or the possessive it was pasted into
# ('President Trump ... MORE's decision').
MORE = re.compile(r" MORE(?=[\s,.;:!?)\]'’\"”]|$)")


class Furniture:
    def __init__(self, lines: list[str], prefixes: list[str], inline: list[str], galleries: Galleries | None = None):
        self.lines = [re.compile(p) for p in lines]
        self.prefixes = [re.compile(p) for p in prefixes]
        self.inline = [re.compile(p) for p in inline]
        self.galleries = galleries or Galleries((), ())

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of furniture in text, in order, not overlapping."""
        found: list[tuple[int, int]] = self.galleries.spans(text)
        start = 0
        for line in text.split("\n"):
            found.extend((start + a, start + b) for a, b in self.line_spans(line))
            start += len(line) + 1
        return merge(found)

    def line_spans(self, line: str) -> list[tuple[int, int]]:
        stripped = line.strip()
        if not stripped:
            return []
        lead = len(line) - len(line.lstrip())
        if len(stripped) <= MAX_FURNITURE_LINE and (
            any(p.match(stripped) for p in self.lines) or is_headline(stripped)
        ):
            return [(lead, lead + len(stripped))]
        out = []
        for pattern in self.prefixes:
            m = pattern.match(stripped)
            if m and m.end() < len(stripped):
                out.append((lead, lead + m.end()))
                break
        for pattern in self.inline:
            out.extend(m.span() for m in pattern.finditer(line))
        out.extend(related_links(line))
        return out


def is_headline(line: str) -> bool:
    """A line in Title Case without a closing stop ('Johnson To Call For Snap Election After
    Defeat'): a headline or section title repeated in the page text, not a sentence."""
    words = line.split()
    if (
        len(words) < 4
        or len(line) > 160
        or line[-1] in '.!?"”’:;,'
        or not line[0].isalnum()
    ):
        return False
    content = [w for w in words if w.lower() not in MINOR_WORDS]
    capitalised = [
        w for w in content if w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha()
    ]
    return (
        len(content) >= 3
        and len(capitalised) == len(content)
        and any(w.lower() in MINOR_WORDS or w[:1].isupper() for w in words[1:])
    )


MINOR_WORDS = frozenset(
    "a an the of to in for on at and or but nor with as by from vs via per".split()
)


def related_links(line: str) -> list[tuple[int, int]]:
    """'Tom Price Thomas (Tom) Edmunds PriceOvernight Health Care — ... MORE resigned': links to
    related stories pasted after a name, ending in ' MORE'. A card repeats the name in full with
    the first headline glued to its surname ('PriceOvernight', 'TrumpGOP'); it starts after the
    use of that surname just before, and never reaches back past the card before it, so the
    sentence between two cards is kept."""
    out = []
    after = 0  # where the card before ended
    for more in MORE.finditer(line):
        begin = card_start(line, max(after, more.start() - CARD_REACH), more.start())
        if begin is not None:
            out.append((begin, more.end()))
        after = more.end()
    return out


def card_start(line: str, lo: int, hi: int) -> int | None:
    """Where the card that ends at `hi` begins: after the surname's use that comes just before
    its glued repetition (the last such glued word between lo and hi); None when there is none."""
    for glued in reversed(list(GLUED.finditer(line, lo, hi))):
        reach = max(lo, glued.start() - NAME_REACH)
        before = line[reach : glued.start()]
        word = glued.group()
        for cut in (k for k in range(len(word) - 1, 1, -1) if word[k].isupper() or word[k].isdigit() and not word[k - 1].isdigit()):
            # the use may have the card's repeated name glued on too ('Justice Jo BreyerJo BreyerDivided')
            uses = list(re.finditer(rf"\b{re.escape(word[:cut])}(?=\b|[A-Z])", before))
            if uses:
                return reach + uses[-1].end()
    return None


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class Galleries:
    """Photo galleries pasted into the text: captions, each closed by a numbered marker ('Hide
    Caption 3 of 9'), from the gallery's opening ('Photos:' at the start of a line or a
    sentence) to the last marker of the run. Captions name people and tell of resignations;
    none of it is the article. A gallery may cross line breaks, so it is read on the whole text."""

    def __init__(self, markers: tuple[str, ...], openings: tuple[str, ...]):
        self.markers = [re.compile(p) for p in markers]
        self.openings = [re.compile(rf"(?:^|(?<=[.!?\n\"”]) ?)({p})", re.M) for p in openings]

    def spans(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for pattern in self.markers:
            after = 0
            for run in caption_runs(list(pattern.finditer(text))):
                begin = self.opening(text, max(after, run[0].start() - GALLERY_REACH), run[0].start())
                out.append((begin, run[-1].end()))
                after = run[-1].end()
        return out

    def opening(self, text: str, lo: int, hi: int) -> int:
        """Where the gallery whose first marker is at hi opens: its first opening in the line of
        that marker, else the marker itself."""
        lo = max(lo, text.rfind("\n", 0, hi) + 1)
        found = [m.start(1) for p in self.openings for m in p.finditer(text, lo, hi)]
        return min(found) if found else hi


def caption_runs(markers: list) -> list[list]:
    """The markers in runs: one gallery's markers share its size and follow one another within
    GALLERY_REACH characters."""
    runs: list[list] = []
    for m in markers:
        last = runs[-1][-1] if runs else None
        if last is not None and last.group("total") == m.group("total") and m.start() - last.end() <= GALLERY_REACH:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


@lru_cache(maxsize=1)
def furniture() -> Furniture:
    data = load("furniture.json")
    galleries = Galleries(tuple(data.get("gallery_captions", ())), tuple(data.get("gallery_openings", ())))
    return Furniture(data["lines"], data["prefixes"], data["inline"], galleries)


def mask_furniture(text: str) -> str:
    """text with its furniture replaced by spaces (line breaks kept), the same length."""
    spans = furniture().spans(text)
    if not spans:
        return text
    pieces, at = [], 0
    for a, b in spans:
        pieces.append(text[at:a])
        pieces.append(re.sub(r"[^\n]", " ", text[a:b]))
        at = b
    pieces.append(text[at:])
    return "".join(pieces)
