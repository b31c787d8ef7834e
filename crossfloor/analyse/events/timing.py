"""News or background: does the article report an event as new, or mention it in passing as
history ('who resigned in 1974', 'the former minister, who quit in 2019')?

Each mention of an event records how the text tells it (`Telling`, read from the parse when the
mention is made); mentions that merge keep all their tellings. Once dates are settled, `mark_news`
decides, in this order, each step leaving its name in `filled_by['news']`:

1. `news.by_date`: a day or range the text fixes says it, when the publication date is known:
   within NEWS_DAYS before publication (a range by its middle; any time after it, an announced
   move) is news; ended earlier is background. A range wider than a season says too little and
   falls through.
   `news.by_relative_words`: without a publication date, date words that count from the day
   of writing and fall within NEWS_DAYS of it ('this week', 'on Monday') are news.
2. `news.told_now`: a mention in the present, present perfect or future ('has defected',
   'quits', 'will resign') is news: that is how news tells the day's events; so is an aside in
   the present or future ('X, who is stepping down as chairman').
   `news.by_year_near`: every mention told in the simple past, undated, in a passage whose
   dates (its sentence's and the two before's) write out only years at least YEARS_BACK before
   publication, tells history ('in October 1973 ... Richardson resigned rather than carry out
   the order').
   `news.by_clause_date`: as step 1, from the date words of the clause an undated mention is
   told in ('A revealing moment came last year, after his resignation'; not a relative
   clause's or an apposition's: their main clause tells of something else). After the tense:
   in 'his resignation reduces the chances of a shutdown on Oct. 1' the date is the shutdown's.
3. `news.told_as_past`: every mention told as history (a past perfect, 'former', a relative or
   'since'/'after' clause) is background.
4. `news.otherwise_news`: the rest (a simple past, undated, in the article's own voice) is news.
   Reading the simple past as background beyond the opening sentences was tried: with it (and
   45 days for step 1) the flag was right on 39 of the 58 real events judged in the stream set's
   tuning part; without it (and 31 days), on 41.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..dates import resolve, settle_dates
from .record import Event, Telling

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import EventLexicon

# An event ended this many days or fewer before publication is news (the stream judgments take
# five weeks ago as background).
NEWS_DAYS = 31
# Two days of writing a phrase is resolved from, to tell words that count from the day of writing
# ('this week') from dates ('in March 2018'), when the article has no publication date.
WRITING_DAYS = (date(2001, 6, 20), date(2011, 11, 16))
# A date range wider than this (a year, 'in the spring') cannot tell news from history.
TELLING_RANGE_DAYS = 92
# A passage whose dates name only years this many or more before publication tells history.
YEARS_BACK = 2
# Clause links that make a mention an aside about the person rather than the report itself.
ASIDE_LINKS = frozenset({"relcl", "acl", "appos"})


def telling_of(trigger: Token, tense: str | None, sentence: int, lexicon: EventLexicon) -> Telling:
    return Telling(tense=tense, aside=is_aside(trigger, lexicon), sentence=sentence)


def is_aside(trigger: Token, lexicon: EventLexicon) -> bool:
    """'X, who quit in 2019', 'since he left the party', 'the former minister': told in passing."""
    node = trigger
    for _ in range(3):
        if node.dep_ in ASIDE_LINKS:
            return True
        # the parser makes 'when' the clause's adverb as often as its mark
        if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in lexicon.aside_marks for c in node.children):
            return True
        if any(c.lower_ in lexicon.former_words and c.dep_ == "amod" for c in node.children):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def mark_news(event: Event, published: date | None) -> None:
    for step in (by_date, by_relative_words, told_now, by_clause_date, by_year_near, told_as_past, otherwise_news):
        verdict = step(event, published)
        if verdict is not None:
            event.news = verdict
            event.filled_by["news"] = f"news.{step.__name__}"
            return


def by_date(event: Event, published: date | None) -> bool | None:
    if published is None or not (event.date or event.date_range):
        return None
    first, last = (event.date, event.date) if event.date else tuple(event.date_range)
    return news_by_days(date.fromisoformat(first), date.fromisoformat(last), published)


def by_relative_words(event: Event, published: date | None) -> bool | None:
    """No publication date, but date words that count from the day of writing ('this week',
    'on Monday', 'yesterday'): they put the event within days of it, so it is news. Words are
    relative when they fall on other days from another day of writing, and news when they fall
    within NEWS_DAYS of it from either; absolute dates ('in March 2018') say nothing here."""
    if published is not None:
        return None
    phrases = [event.date_text, *(t.clause_date for t in event.tellings or [])]
    return True if any(phrase and counts_from_writing(phrase) for phrase in phrases) else None


def counts_from_writing(phrase: str) -> bool:
    found = [(day, resolve(phrase, day)) for day in WRITING_DAYS]
    if any(when is None for _, when in found):
        return False
    (_, one), (_, other) = found
    return one.first != other.first and all(abs((day - when.last).days) <= NEWS_DAYS and abs((when.first - day).days) <= NEWS_DAYS for day, when in found)


def by_clause_date(event: Event, published: date | None) -> bool | None:
    """Undated, but told in a clause with date words ('This fall, the party was torn apart by
    his resignation'): when those words fall tells news from history the same way."""
    if published is None:
        return None
    for telling in event.tellings or []:
        when = resolve(telling.clause_date, published) if telling.clause_date else None
        if when is not None:
            return news_by_days(when.first, when.last, published)
    return None


def news_by_days(first_day: date, last_day: date, published: date) -> bool | None:
    """A day, or a range of up to a season, is news when it falls (its middle, for a range)
    within NEWS_DAYS of publication: 'resigned in March' written on April 30 most likely tells
    of early or mid March, five weeks back or more. A wider range is history when it ended
    before that, and says nothing otherwise."""
    if (last_day - first_day).days > TELLING_RANGE_DAYS:
        return False if (published - last_day).days > NEWS_DAYS else None
    middle = first_day + (last_day - first_day) / 2
    return (published - middle).days <= NEWS_DAYS


def told_now(event: Event, _published: date | None) -> bool | None:
    return True if any(tells_now(t) for t in event.tellings) else None


def tells_now(telling: Telling) -> bool:
    """The present, perfect and future tell the day's news; an aside in the present or future
    tells it too ('X, who is stepping down as chairman'), where one in the perfect tells a
    career ('X, who has resigned twice')."""
    return telling.tense in (("present", "future") if telling.aside else ("present", "perfect", "future"))


def by_year_near(event: Event, published: date | None) -> bool | None:
    tellings = event.tellings or []
    if published is None or not tellings:
        return None
    historical = all(t.tense == "past" and t.year_near is not None and t.year_near <= published.year - YEARS_BACK for t in tellings)
    return False if historical else None


def told_as_past(event: Event, _published: date | None) -> bool | None:
    tellings = event.tellings or []
    if tellings and all(t.tense == "past perfect" or t.aside for t in tellings):
        return False
    return None


def otherwise_news(_event: Event, _published: date | None) -> bool | None:
    """Told in the simple past, undated, not as an aside: news tells the week's events so."""
    return True


def settle(events: list[Event], published: date | None) -> None:
    """After the pipeline: each event's day or range from its date words, then news or not."""
    settle_dates(events, published)
    for event in events:
        mark_news(event, published)
