"""Turn the date words attached to an event ("on Wednesday", "in November, 1997", "June last
year", "at the weekend") into a day or a range of days, against the article's publication date.

dateparser does the parsing, but only ever on the short DATE/TIME phrases the parser attached to
the event: run over whole sentences it finds dates in ordinary words ("we" -> Wednesday). The few
phrases it does not know (weekends, "June last year", decades, hedges such as "just over") are
rewritten or handled here first.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

HEDGES = re.compile(r"\b(just|some|about|around|almost|nearly|more than|over|under|less than|roughly|at least)\b\s*", re.I)
LEADING_PREPOSITIONS = re.compile(r"^(on|in|at|during|by|since|from|until|of|over|after|for|within)\s+", re.I)
WEEKEND = re.compile(r"\b(the|this|last)?\s*week-?end\b", re.I)
MONTH_RELATIVE_YEAR = re.compile(r"^(?P<month>[a-z]+)\s+(?P<which>last|this|next)\s+year$", re.I)
RELATIVE_SPAN = re.compile(r"^(earlier|late|later|early)\s+this\s+(?P<unit>week|month|year)$", re.I)
DECADE = re.compile(r"^(the\s+)?(?P<decade>(1[89]|20)\d0)'?s$", re.I)
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# A phrase must name a time to be parsed at all ("we" is not Wednesday).
TIME_WORD = re.compile(
    r"\d|day|week|month|year|night|morning|evening|afternoon|ago|tonight|spring|summer|autumn|winter"
    r"|christmas|easter|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.I,
)
# "after 17 years", "37 years in power", "nearly two years": how long, not when.
DURATION = re.compile(
    r"^(?:(?:about|almost|nearly|more than|over|some|just|roughly|at least)\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|many|a few|few|a couple of)"
    r"[\s-]+(?:(?:and a half|full)\s+)?(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|terms?)(?:[\s-]+(?:long|old))?$",
    re.I,
)
WEEKDAY = re.compile(
    r"^(?P<which>this|last|past)?\s*(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
LAST_MONTH = re.compile(r"^(?:last|this past)\s+(?P<month>[a-z]+)$", re.I)
WEEKDAYS = {name.lower(): k for k, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): k for k, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): k for k, name in enumerate(calendar.month_abbr) if name})


@dataclass(frozen=True)
class When:
    """A day, or the first and last day of a range, and the words that gave it."""

    first: date
    last: date
    text: str

    @property
    def is_day(self) -> bool:
        return self.first == self.last

    def fields(self) -> dict:
        if self.is_day:
            return {"date": self.first.isoformat(), "date_range": None}
        return {"date": None, "date_range": [self.first.isoformat(), self.last.isoformat()]}


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=64)
def _parser(base: date, prefer: str = "past") -> DateDataParser:
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": prefer}
    return DateDataParser(languages=["en"], settings=settings)


def clean(phrase: str) -> str:
    text = " ".join(phrase.replace(",", " ").split())
    text = HEDGES.sub("", text)
    while LEADING_PREPOSITIONS.match(text):
        text = LEADING_PREPOSITIONS.sub("", text)
    return text.strip()


def _special(text: str, published: date | None, future: bool = False) -> tuple[date, date] | None:
    """Phrases dateparser does not resolve, or resolves to the wrong granularity."""
    decade = DECADE.match(text)
    if decade:
        start = int(decade.group("decade"))
        return date(start, 1, 1), date(start + 9, 12, 31)
    if published is None:
        return None
    weekday = WEEKDAY.match(text)
    if weekday:
        # News names the days of its own week: a Thursday article's "on Thursday" is that day,
        # its "on Monday" three days back; "last Monday" is the one before.
        back = (published.weekday() - WEEKDAYS[weekday.group("day").lower()]) % 7
        if (weekday.group("which") or "").lower() in ("last", "past") and back == 0:
            back = 7
        day = published - timedelta(days=back) if not future else published + timedelta(days=(-back) % 7)
        return day, day
    if WEEKEND.search(text):
        # The weekend on or before publication: a Monday article's "at the weekend" is two days back.
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return saturday, min(saturday + timedelta(days=1), published)
    last_month = LAST_MONTH.match(text)
    if last_month and last_month.group("month").lower() in MONTHS:
        month = MONTHS[last_month.group("month").lower()]
        year = published.year if month < published.month else published.year - 1
        return _month_range(year, month)
    month_year = MONTH_RELATIVE_YEAR.match(text)
    if month_year and month_year.group("month").lower() in MONTHS:
        shift = {"last": -1, "this": 0, "next": 1}[month_year.group("which").lower()]
        return _month_range(published.year + shift, MONTHS[month_year.group("month").lower()])
    span = RELATIVE_SPAN.match(text)
    if span:
        unit = span.group("unit").lower()
        if unit == "week":
            return published - timedelta(days=published.weekday()), published
        if unit == "month":
            return published.replace(day=1), published
        return date(published.year, 1, 1), published
    return None


def is_duration(phrase: str) -> bool:
    return bool(DURATION.match(clean(phrase)))


def resolve(phrase: str, published: date | None, future: bool = False) -> When | None:
    """The day or range the phrase names, or None when it names none (or needs a publication
    date that is unknown). future: the event is announced for later ('will resign on June 7')."""
    text = clean(phrase)
    if not text or not TIME_WORD.search(text) or is_duration(text):
        return None
    special = _special(text, published, future)
    if special:
        return When(special[0], special[1], phrase)
    when = _parsed(text, published, future, phrase)
    # A past event is not dated after its report, and no range runs backwards.
    if when is None or when.first > when.last or (published and not future and when.first > published):
        return None
    return when


def _parsed(text: str, published: date | None, future: bool, phrase: str) -> When | None:
    """What dateparser makes of the phrase, at the granularity it names."""
    absolute = bool(YEAR.search(text))
    if published is None and not absolute:
        return None
    base = published or date(2000, 1, 1)
    try:
        data = _parser(base, "future" if future else "past").get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj.date(), data.period
    if period in ("day", "time", "part_of_day"):
        return When(day, day, phrase)
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        last = monday + timedelta(days=6)
        return When(monday, min(last, published) if published else last, phrase)
    if period == "month":
        first, last = _month_range(day.year, day.month)
        return When(first, min(last, published) if published and not absolute else last, phrase)
    if period == "year":
        if absolute:
            return When(date(day.year, 1, 1), date(day.year, 12, 31), phrase)
        # "two years ago": about then, give or take half a year, never after publication.
        return When(day - timedelta(days=183), min(day + timedelta(days=183), base), phrase)
    return None


def publication_relative(tense: str, published: date | None) -> When | None:
    """An event told in the present ('is defecting', 'quits') or, as news tells the day's events,
    the present perfect ('has resigned') happened on the publication day."""
    if published is None:
        return None
    if tense in ("present", "perfect"):
        return When(published, published, "")
    return None


def settle_dates(events, published: date | None) -> None:
    """Give each event its day or range: from its date words, else from how it is told."""
    for event in events:
        when = resolve(event.date_text, published, event.tense == "future") if event.date_text else None
        if when is None and not event.date_text:
            when = publication_relative(event.tense or "", published)
        if when is not None:
            fields = when.fields()
            event.date, event.date_range = fields["date"], fields["date_range"]
