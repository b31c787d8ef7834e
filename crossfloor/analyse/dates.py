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
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..data import load

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# dateparser needs a base day even for a phrase with its year ("in November, 1997").
UNDATED_BASE = date(2000, 1, 1)


def _either(words) -> str:
    """A regular-expression alternation of words from dates.json."""
    return "|".join(re.escape(word) for word in words)


@dataclass(frozen=True)
class DateWords:
    """The words of dates (data/dates.json) and the patterns of the phrases made of them."""

    weekdays: dict[str, int]  # 'monday' -> 0, as date.weekday() counts
    months: dict[str, int]  # 'june' and 'jun' -> 6
    hedges: re.Pattern
    leading_prepositions: re.Pattern
    period_parts: re.Pattern
    # A phrase must name a time to be parsed at all ("we" is not Wednesday).
    time_word: re.Pattern
    # "after 17 years", "37 years in power", "nearly two years": how long, not when (hedges
    # are gone by the time a phrase is matched: clean() drops them).
    duration: re.Pattern
    weekday: re.Pattern
    weekend: re.Pattern
    last_month: re.Pattern
    month_of_year: re.Pattern
    this_period: re.Pattern
    season: re.Pattern
    first_months: dict[str, int]  # 'fall' -> 9: a season's first month
    decade: re.Pattern

    @classmethod
    def from_data(cls, data: dict) -> DateWords:
        phrases = data["phrases"]
        weekday, weekend, month_of_year, this_period, season, duration = (
            phrases[k] for k in ("weekday", "weekend", "month_of_year", "this_period", "season", "duration")
        )
        months = {name: k for k, name in enumerate(data["months"], 1)}
        months.update({name: k for k, name in enumerate(data["month_abbreviations"], 1)})
        return cls(
            weekdays={name: k for k, name in enumerate(data["weekdays"])},
            months=months,
            hedges=re.compile(rf"\b({_either(data['hedges'])})\b\s*", re.I),
            leading_prepositions=re.compile(rf"^({_either(data['leading_prepositions'])})\s+", re.I),
            period_parts=re.compile(rf"^({_either(data['period_parts'])})(?:\s+|-)", re.I),
            time_word=re.compile(rf"\d|{_either(data['time_words'])}|\b({_either(data['month_abbreviations'])})[a-z]*\b", re.I),
            duration=re.compile(
                # A count and a unit ('two years'), or a unit in the plural alone ('after weeks of
                # pressure'): how long, never when.
                rf"^(?:(?:\d+|{_either(duration['counts'])})[\s-]+(?:(?:{_either(duration['modifiers'])})\s+)?"
                rf"(?:(?:{_either(duration['units'])})s?)|(?:{_either(duration['units'])})s)(?:[\s-]+(?:{_either(duration['after'])}))?$",
                re.I,
            ),
            weekday=re.compile(
                rf"^(?:(?P<this>{_either(weekday['this'])})|(?P<before>{_either(weekday['before'])}))?\s*"
                rf"(?P<day>{_either(data['weekdays'])})(?:\s+(?:{_either(weekday['parts_of_day'])}))?$",
                re.I,
            ),
            weekend=re.compile(rf"\b({_either(weekend['determiners'])})?\s*(?:{_either(weekend['words'])})\b", re.I),
            last_month=re.compile(rf"^(?:{_either(phrases['last_month']['before'])})\s+(?P<month>[a-z]+)$", re.I),
            month_of_year=re.compile(
                rf"^(?P<month>[a-z]+)\s+(?:(?P<last>{_either(month_of_year['last'])})|{_either(month_of_year['this'])}"
                rf"|(?P<next>{_either(month_of_year['next'])}))\s+(?:{_either(month_of_year['year'])})$",
                re.I,
            ),
            this_period=re.compile(
                rf"^(?:(?:{_either(this_period['modifiers'])})\s+)?(?:{_either(this_period['this'])}|(?P<last>{_either(this_period['last'])}))\s+"
                rf"(?:(?P<week>{_either(this_period['week'])})|(?P<month>{_either(this_period['month'])})|{_either(this_period['year'])})$",
                re.I,
            ),
            season=re.compile(
                rf"^(?:(?:{_either(season['this'])}|(?P<last>{_either(season['last'])})|{_either(season['determiners'])})\s+)?"
                rf"(?P<season>{_either(season['first_months'])})$",
                re.I,
            ),
            first_months={name.lower(): month for name, month in season["first_months"].items()},
            decade=re.compile(rf"^(?:(?:{_either(phrases['decade']['determiners'])})\s+)?(?P<decade>(1[89]|20)\d0)'?s$", re.I),
        )


@cache
def date_words() -> DateWords:
    return DateWords.from_data(load("dates.json"))


def __getattr__(name: str):
    """WEEKDAYS ('monday' -> 0), read from dates.json when first asked for, not on import."""
    if name == "WEEKDAYS":
        return date_words().weekdays
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    from dateparser.date import DateDataParser  # loaded with the first date phrase, not with the pipeline

    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": prefer}
    return DateDataParser(languages=["en"], settings=settings)


def clean(phrase: str) -> str:
    words = date_words()
    text = " ".join(phrase.replace(",", " ").split())
    text = words.hedges.sub("", text)
    while words.leading_prepositions.match(text):
        text = words.leading_prepositions.sub("", text)
    return words.period_parts.sub("", text).strip()


def _special(text: str, published: date | None, future: bool = False) -> tuple[date, date] | None:
    """Phrases dateparser does not resolve, or resolves to the wrong granularity."""
    decade = _decade(text)
    if decade or published is None:
        return decade
    for reading in (_weekday, _weekend, _last_month, _month_of_year, _this_period, _season):
        found = reading(text, published, future)
        if found:
            return found
    return None


def _decade(text: str) -> tuple[date, date] | None:
    decade = date_words().decade.match(text)
    if not decade:
        return None
    start = int(decade.group("decade"))
    return date(start, 1, 1), date(start + 9, 12, 31)


def _weekday(text: str, published: date, future: bool) -> tuple[date, date] | None:
    words = date_words()
    weekday = words.weekday.match(text)
    if not weekday:
        return None
    # News names the days of its own week: a Thursday article's "on Thursday" is that day,
    # its "on Monday" three days back; "last Monday" is the one before.
    back = (published.weekday() - words.weekdays[weekday.group("day").lower()]) % 7
    if weekday.group("before") and back == 0:
        back = 7
    day = published - timedelta(days=back) if not future else published + timedelta(days=(-back) % 7)
    return day, day


def _weekend(text: str, published: date, _future: bool) -> tuple[date, date] | None:
    if not date_words().weekend.search(text):
        return None
    # The weekend on or before publication: a Monday article's "at the weekend" is two days back.
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return saturday, min(saturday + timedelta(days=1), published)


def _last_month(text: str, published: date, _future: bool) -> tuple[date, date] | None:
    words = date_words()
    last_month = words.last_month.match(text)
    month = words.months.get(last_month.group("month").lower()) if last_month else None
    if month is None:
        return None
    year = published.year if month < published.month else published.year - 1
    return _month_range(year, month)


def _month_of_year(text: str, published: date, _future: bool) -> tuple[date, date] | None:
    words = date_words()
    month_year = words.month_of_year.match(text)
    month = words.months.get(month_year.group("month").lower()) if month_year else None
    if month is None:
        return None
    shift = -1 if month_year.group("last") else 1 if month_year.group("next") else 0
    return _month_range(published.year + shift, month)


def _this_period(text: str, published: date, _future: bool) -> tuple[date, date] | None:
    """'(earlier) this week/month/year': from its first day to publication; 'last week/month/
    year': the whole calendar week, month or year before."""
    span = date_words().this_period.match(text)
    if not span:
        return None
    if span.group("week"):
        monday = published - timedelta(days=published.weekday())
        return (monday - timedelta(days=7), monday - timedelta(days=1)) if span.group("last") else (monday, published)
    if span.group("month"):
        first = published.replace(day=1)
        before = first - timedelta(days=1)
        return _month_range(before.year, before.month) if span.group("last") else (first, published)
    if span.group("last"):
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    return date(published.year, 1, 1), published


def _season(text: str, published: date, _future: bool) -> tuple[date, date] | None:
    """'this fall', 'the summer': the latest such season begun by publication (its three months,
    to publication at most); 'last fall': the one before it."""
    words = date_words()
    season = words.season.match(text)
    if not season:
        return None
    month = words.first_months[season.group("season").lower()]
    year = published.year if date(published.year, month, 1) <= published else published.year - 1
    year -= 1 if season.group("last") else 0
    first = date(year, month, 1)
    end_year, end_month = (year + (month + 1) // 12, (month + 1) % 12 + 1)
    return first, min(_month_range(end_year, end_month)[1], published)


def is_duration(phrase: str) -> bool:
    return bool(date_words().duration.match(clean(phrase)))


def resolve(phrase: str, published: date | None, future: bool = False) -> When | None:
    """The day or range the phrase names, or None when it names none (or needs a publication
    date that is unknown). future: the event is announced for later ('will resign on June 7')."""
    text = clean(phrase)
    if not text or not date_words().time_word.search(text) or is_duration(text):
        return None
    special = _special(text, published, future)
    if special:
        return When(special[0], special[1], phrase)
    when = _parsed(text, published, future, phrase)
    weekday = named_weekday(text)
    if weekday is not None and when is not None and published and when.first == when.last and not YEAR.search(text):
        return in_year_of_weekday(when, weekday, published)
    # A past event is not dated after its report, and no range runs backwards.
    if when is None or when.first > when.last or (published and not future and when.first > published):
        return None
    return when


def named_weekday(text: str) -> int | None:
    """The one day of the week a phrase names (Monday 0), if it names one."""
    weekdays = date_words().weekdays
    named = {weekdays[w] for w in re.findall(r"[a-z]+", text.lower()) if w in weekdays}
    return named.pop() if len(named) == 1 else None


def in_year_of_weekday(when: When, weekday: int, published: date) -> When | None:
    """'Wednesday, July 31' without a year: the day in the year next to the publication's in
    which July 31 is a Wednesday, the nearest first. The writer fixed the day twice over, so it
    stands even after publication ('announced his resignation effective next Wednesday, July
    31'); when no year near agrees, the phrase fixes no day."""
    for year in sorted((published.year - 1, published.year, published.year + 1), key=lambda y: abs(y - published.year)):
        try:
            day = when.first.replace(year=year)
        except ValueError:  # 29 February
            continue
        if day.weekday() == weekday:
            return When(day, day, when.text)
    return None


def resolve_words(phrase: str, published: date | None, future: bool = False) -> When | None:
    """`resolve`, and if the phrase names nothing, its part before a comma: the recogniser runs a
    day into the words after it ('Friday, weeks after the scandal')."""
    when = resolve(phrase, published, future)
    if when is None and "," in phrase:
        when = resolve(phrase.split(",", 1)[0], published, future)
    return when


def _parsed(text: str, published: date | None, future: bool, phrase: str) -> When | None:
    """What dateparser makes of the phrase, at the granularity it names."""
    absolute = bool(YEAR.search(text))
    if published is None and not absolute:
        return None
    base = published or UNDATED_BASE
    try:
        data = _parser(base, "future" if future else "past").get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    span = _at_granularity(data.date_obj.date(), data.period, published, absolute)
    return When(span[0], span[1], phrase) if span else None


def _at_granularity(day: date, period: str, published: date | None, absolute: bool) -> tuple[date, date] | None:
    """The day, week, month or year (dateparser's period) around the day it parsed."""
    if period in ("day", "time", "part_of_day"):
        return day, day
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        last = monday + timedelta(days=6)
        return monday, min(last, published) if published else last
    if period == "month":
        first, last = _month_range(day.year, day.month)
        return first, min(last, published) if published and not absolute else last
    if period == "year":
        if absolute:
            return date(day.year, 1, 1), date(day.year, 12, 31)
        # "two years ago": about then, give or take half a year, never after publication.
        return day - timedelta(days=183), min(day + timedelta(days=183), published or UNDATED_BASE)
    return None


def settle_dates(events, published: date | None) -> None:
    """Give each event the day or range its date words fix. An event without date words gets
    none: 'has resigned' does not say it happened on the publication day."""
    for event in events:
        base = told_year_end(event, published)
        when = resolve_words(event.date_text, base, event.tense == "future") if event.date_text else None
        if when is not None:
            fields = when.fields()
            event.date, event.date_range = fields["date"], fields["date_range"]


def told_year_end(event, published: date | None) -> date | None:
    """What a month named without its year counts back from: the publication day, but in a past
    passage whose latest written year is before the publication's ('By the spring of 2018 ...
    Dowd resigned in March.' in a March 2019 article), the end of that year, as the passage
    tells of that year's March."""
    years = [t.year_near for t in event.tellings if t.year_near is not None]
    text = clean(event.date_text or "")
    if published is None or event.tense != "past" or not years or YEAR.search(text) or not names_month(text):
        return published
    year = max(years)
    return date(year, 12, 31) if year < published.year else published


def names_month(text: str) -> bool:
    """The phrase is a month, maybe with its day or a part of it ('March', 'early June', 'May
    4'), and nothing that counts from now ('June last year')."""
    words = date_words()
    parts = [w.strip(".,").lower() for w in words.period_parts.sub("", text).split()]
    return any(w in words.months for w in parts) and all(w in words.months or w.rstrip("stndrh").isdigit() for w in parts)
