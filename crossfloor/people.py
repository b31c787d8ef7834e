"""People's names, the one model every floor uses: the speaker resolver, event participants, the
cross-article linker, reference-data lookups and the evaluator.

A written name is parsed once (nameparser, told the project's honorifics and suffixes from
`data/people.json` instead of its own) into a `PersonName`: honorific, first name, middle names,
surname (hyphenated or with a particle: 'Kilroy-Silk', 'von der Leyen'), a suffix that tells people
apart ('Jr', 'III'), and the lower-case words the name is grouped and compared by. Post-nominals
('MP', 'QC'), nicknames and anything after a comma ('Kevin McCarthy, R-Calif.') are not the name.
A news text writes a lone word as a surname ('Wakeford said'), so a name of one word is a surname.

`same_person(a, b)` is the one test of whether two written names can denote the same person.
Nothing here needs spaCy or any other floor.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache, lru_cache

from nameparser import HumanName
from nameparser.config import Constants
from rapidfuzz.distance import OSA

from .data import load

# A first name this long or longer may carry one spelling slip ('Damian' / 'Damien'); shorter ones
# differ in a letter too often between different people ('Jon' / 'Jan').
SLIP_MIN_LENGTH = 5
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
EDGE_PUNCTUATION = string.punctuation.replace("'", "")


@dataclass(frozen=True)
class NameWords:
    """The project's words about names, from data/people.json."""

    honorifics: dict[str, str | None]
    suffixes: frozenset[str]  # without their dots: 'jr', 'iii'
    post_nominals: frozenset[str]
    articles: frozenset[str]


@cache
def name_words() -> NameWords:
    data = load("people.json")
    return NameWords(
        honorifics=data["honorifics"],
        suffixes=frozenset(w.rstrip(".") for w in data["name_suffixes"]),
        post_nominals=frozenset(data["post_nominals"]),
        articles=frozenset(data["name_articles"]),
    )


@cache
def constants() -> Constants:
    """nameparser told the project's honorifics and suffixes, replacing its own: its 812 titles
    include 'Major', 'Judge' and 'Bishop', which are surnames in the news."""
    words = name_words()

    def bare(items) -> set[str]:
        return {w.rstrip(".") for w in items}

    return Constants(
        titles=bare(words.honorifics),
        first_name_titles=(),
        suffix_not_acronyms=bare(words.suffixes),
        suffix_acronyms=bare(words.post_nominals),
        suffix_acronyms_ambiguous=(),
    )


def key_words(text: str) -> tuple[str, ...]:
    """'Kilroy-Silk' -> ('kilroy', 'silk'); 'J.K.' -> ('j', 'k'); 'O’Rourke' -> ("o'rourke",)."""
    text = text.lower().translate(APOSTROPHES).replace("-", " ").replace(".", " ")
    words = (w.strip(EDGE_PUNCTUATION) for w in text.split())
    return tuple(w for w in words if w)


def spelling_key(text: str | None) -> str:
    """A written form's words with case, hyphens and dots folded, nothing parsed: 'Robert
    Kilroy-Silk' and 'Robert Kilroy Silk' are written alike, and so are 'the B.B.C' and 'the B B C'."""
    return " ".join(key_words(text or ""))


def without_honorifics(text: str | None) -> str:
    """The words after leading articles and honorifics, never none of them: 'the Rt Hon Sir Peter
    Tapsell' -> 'Peter Tapsell', 'the Health Secretary' -> 'Health Secretary', 'the President' ->
    'President'. An honorific before a word in lower case heads a title and stays ('President of
    the Board of Trade'). For titles and other phrases that are not to be parsed as names."""
    words = (text or "").split()
    known = name_words()
    while len(words) > 1 and (words[0].lower() in known.articles or (words[0].lower() in known.honorifics and words[1][:1].isupper())):
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True)
class PersonName:
    """One written name, parsed. `words` are the lower-case words of first, middle and surname
    (hyphens and dots split), by which names are grouped and compared; `surname_length` says how
    many of the last words are the surname ('von der Leyen': 3)."""

    written: str
    title: str
    first: str
    middle: tuple[str, ...]
    surname: str
    suffix: str

    @classmethod
    def parse(cls, text: str | None) -> PersonName:
        return parse_name(text or "")

    @property
    def words(self) -> tuple[str, ...]:
        return key_words(" ".join((self.first, *self.middle, self.surname)))

    @property
    def surname_length(self) -> int:
        return len(key_words(self.surname))

    @property
    def surname_key(self) -> str:
        """The word people are grouped under: 'wakeford'; 'silk' for both 'Kilroy-Silk' and
        'Kilroy Silk', which nameparser reads as a middle name and a surname."""
        return self.words[-1] if self.words else ""

    @property
    def suffix_key(self) -> str:
        return self.suffix.lower().rstrip(".")

    @property
    def key(self) -> str:
        """'Jesse L. Jackson Jr.' -> 'jesse l jackson jr': equal keys, the same name."""
        return " ".join((*self.words, *filter(None, [self.suffix_key])))

    @property
    def plain(self) -> str:
        """The name as written without honorific, post-nominals, nickname or apposition."""
        return " ".join(filter(None, (self.first, *self.middle, self.surname, self.suffix)))

    @property
    def initials(self) -> str:
        """'George H. W. Bush' -> 'ghw': the first letters of the given names."""
        return "".join(w[0] for w in self.words[: len(self.words) - self.surname_length])

    @property
    def hyphenated(self) -> bool:
        return "-" in self.surname

    @property
    def gender(self) -> str | None:
        """The gender an honorific implies ('Mrs', 'Sir'), if any."""
        genders = (name_words().honorifics.get(w.lower()) for w in self.title.split())
        return next((g for g in genders if g), None)


def is_suffix(word: str) -> bool:
    return word.lower().rstrip(".") in name_words().suffixes


def name_part(text: str) -> str:
    """The name in a written form: leading articles off, and what follows a comma unless it is a
    suffix ('Marla Quint, Jr.'; not 'Kevin McCarthy, R-Calif.')."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in name_words().articles:
        words.pop(0)
    head, *after = " ".join(words).split(",")
    return " ".join([head, *(part.strip() for part in after if is_suffix(part.strip()))])


@lru_cache(maxsize=1 << 16)
def parse_name(text: str) -> PersonName:
    """`PersonName` of a written name; the cache keeps a name read many times parsed once."""
    parsed = HumanName(name_part(text), constants=constants())
    title, first, middle, surname = parsed.title, parsed.first, tuple(parsed.middle_list), parsed.last
    if not surname and first and not middle:
        first, surname = "", first  # 'Wakeford said': a lone word in the news is a surname
    if not (first or middle or surname) and text.split():
        *rest, surname = without_honorifics(name_part(text)).split()  # 'the President' is a title only
        title = " ".join(rest)
    suffix = " ".join(s for s in parsed.suffix_list if is_suffix(s))
    return PersonName(text, title, first, middle, surname, suffix)


def plain_name(text: str | None) -> str:
    """'Rt Hon Theresa May MP' -> 'Theresa May'; 'the President' -> 'President'."""
    return parse_name(text or "").plain


def name_key(text: str | None) -> str:
    return parse_name(text or "").key


def surname_of(text: str | None) -> str:
    """The lower-case word a name is grouped under: 'Mr Robert Kilroy-Silk' -> 'silk'."""
    return parse_name(text or "").surname_key


def as_name(name: str | PersonName | None) -> PersonName:
    return name if isinstance(name, PersonName) else parse_name(name or "")


def given_names_agree(a: str, b: str) -> bool:
    """Equal, one the other's initial ('C' / 'Christian'), or one slip in a long name ('Damian' /
    'Damien'; a swap of two letters is one slip)."""
    if a == b:
        return True
    if min(len(a), len(b)) == 1:
        return a[0] == b[0]
    return min(len(a), len(b)) >= SLIP_MIN_LENGTH and OSA.distance(a, b) <= 1


def middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names left out agree with any; given, they agree one for one ('H. W.' is not 'W.')."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(given_names_agree(x, y) for x, y in zip(a, b))


def same_person(a: str | PersonName | None, b: str | PersonName | None) -> bool:
    """Whether two written names can denote the same person.

    They can when the surnames are the same (case, hyphens, dots and honorifics aside), the first
    names are equal, one the other's initial, one slip apart in a long name, or one is left out;
    middle names left out or agreeing one for one; and suffixes not contradicting (a missing one
    agrees). A name that is the last words of the other ('Trump', 'Duncan Smith', 'Kilroy-Silk')
    can always denote its bearer. So 'Mr Wakeford' = 'C. Wakeford' = 'Christian Wakeford',
    'Donald J. Trump' = 'Donald Trump', 'Jesse Jackson' = 'Jesse L. Jackson Jr.'; but 'Donald
    Trump' != 'Ivanka Trump', 'George H. W. Bush' != 'George W. Bush' and 'Jesse Jackson Jr.' !=
    'Jesse Jackson Sr.'. An empty name denotes nobody.
    """
    x, y = as_name(a), as_name(b)
    if not x.words or not y.words:
        return False
    if x.suffix_key and y.suffix_key and x.suffix_key != y.suffix_key:
        return False
    short, long = sorted((x.words, y.words), key=len)
    if long[len(long) - len(short) :] == short:
        return True
    tail = max(x.surname_length, y.surname_length)
    if len(short) <= tail or x.words[-tail:] != y.words[-tail:]:
        return False
    given_x, given_y = x.words[:-tail], y.words[:-tail]
    return given_names_agree(given_x[0], given_y[0]) and middles_agree(given_x[1:], given_y[1:])


def has_given_name(name: str | PersonName | None) -> bool:
    """'Donald Trump', 'C. Wakeford': a name with a first name or initial, not a surname alone."""
    written = as_name(name)
    return len(written.words) > written.surname_length


def one_person(a: str | PersonName | None, b: str | PersonName | None) -> bool:
    """Whether two written names are to be joined as one person: they can denote one person
    (`same_person`) and, when both give a first name, neither carries a suffix the other lacks.
    Where two people share a name but for 'Jr.', a name without it is never taken for the son:
    'Donald Trump' is not 'Donald Trump Jr.', though either may be written 'Trump'."""
    x, y = as_name(a), as_name(b)
    if not same_person(x, y):
        return False
    return not (has_given_name(x) and has_given_name(y) and x.suffix_key != y.suffix_key)


def article_name(holder: str, names: list[str]) -> str | None:
    """How the article names the holder of a post, when it does: its fullest name for them
    ('Jeremy Hunt'), or the record's when it gives only the surname ('Mr Hunt')."""
    fitting = [n for n in names if one_person(holder, n)]
    full = sorted((n for n in fitting if has_given_name(n)), key=len, reverse=True)
    return full[0] if full else (holder if fitting else None)


def is_acronym(text: str | None) -> bool:
    return text is not None and 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def spells_out(short: str | None, full: str | None) -> bool:
    """Whether an acronym stands for a name of several words: their capitalised words' initials
    ('BLS': Bureau of Labor Statistics) or all their initials ('DOJ': Department of Justice)."""
    words = (full or "").split()
    if not is_acronym(short) or len(words) < 2:
        return False
    return short in ("".join(w[0] for w in words if w[:1].isupper()), "".join(w[0] for w in words).upper())

