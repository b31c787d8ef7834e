"""Rules propose, a learned filter decides: a small logistic model that keeps or drops each event
the event passes produced, once its date and news flag are settled.

On news nobody picked for its events, many proposed events are real but carry a wrong key field
(the office, the person), or are no event at all. Each event is described by what produced it (its
trigger rule and word, the rule that filled each field, which key fields it has, how its news flag
was decided) and by where the article tells it (in the lead or deep in the text, how often the
article names its person, a year before the publication's in its sentence); a linear model learned
on the tuning part of the annotated articles and the stream judgments (`crossfloor train
event-filter`, crossfloor/train/event_filter.py) scores it, and an event below the model's
threshold is dropped. The model is a JSON file of feature weights
(crossfloor/models/event_filter.json), scored without scikit-learn (analyse/linear.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ..schema.events import COMMON_FIELD_SPECS, SPECS
from ..settings import get_settings
from .linear import LinearModel, read_model

PACKAGED = Path(__file__).resolve().parent.parent / "models" / "event_filter.json"
# Where in the article an event is told: a news story states its event in the first sentences
# (the lead), and history comes later, as background.
LEAD_CHARS = 300
EARLY_CHARS = 1500
# How often the article names the event's person (by the last word of the name): the story's
# subject is named again and again, a passer-by once.
MENTION_BANDS = ((0, "none"), (1, "once"), (3, "two or three"))
YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def features(event: dict, text: str, published: date | None = None) -> list[str]:
    """The names of the features an event (an Event's to_dict) has in its article's text."""
    return produced_by(event) + placed(event, text) + dated(event, text, published)


def produced_by(event: dict) -> list[str]:
    """What produced the event: its type, trigger rule and word, the rule behind each field,
    which key fields it has, and the news flag with the rule that set it."""
    names = [f"type={event.get('type')}", f"found_by={event.get('found_by')}", f"trigger={(event.get('trigger') or '').lower()}"]
    names += [f"{field}:{rule}" for field, rule in sorted((event.get("filled_by") or {}).items())]
    names += [f"has {field}" for field in described_fields(event.get("type")) if event.get(field)]
    names.append(f"news={event.get('news')}")
    return names


@cache
def described_fields(kind: str | None) -> tuple[str, ...]:
    """The fields whose presence describes an event, as its type's spec declares them: the
    dates, and the type's own fields but the indices of its quotes."""
    own = SPECS[kind].field_specs if kind in SPECS else ()
    dates = tuple(f for f in COMMON_FIELD_SPECS if f.kind == "date")
    return tuple(f.name for f in dates + own if f.kind != "quotes")


def placed(event: dict, text: str) -> list[str]:
    start = event.get("start") or 0
    where = "lead" if start < LEAD_CHARS else "early" if start < EARLY_CHARS else "late"
    names = [f"told in the {where}"]
    person = (event.get("person") or "").split()
    if not person:
        return names + ["no person"]
    surname = re.compile(rf"\b{re.escape(person[-1])}\b")
    count = len(surname.findall(text))
    names.append(f"person named {next((name for top, name in MENTION_BANDS if count <= top), 'often')}")
    if surname.search(text, 0, LEAD_CHARS):
        names.append("person named in the lead")
    return names


def dated(event: dict, text: str, published: date | None) -> list[str]:
    """A year before the publication's in the event's sentence: history told with its date."""
    if published is None:
        return []
    years = [int(y) for y in YEAR.findall(text[event.get("start") or 0 : event.get("end") or 0])]
    return ["an earlier year in its sentence"] if any(y < published.year for y in years) else []


@dataclass(frozen=True)
class EventFilter(LinearModel):
    types: frozenset[str] = frozenset()  # the types of event it judges; others are kept

    @classmethod
    def load(cls, path: Path | None = None) -> EventFilter:
        model, types = read_model(path or PACKAGED, "event filter", "types", ())
        return cls(model.weights, model.bias, model.threshold, types)

    def keeps(self, event: dict, text: str, published: date | None = None) -> bool:
        return event.get("type") not in self.types or self.probability(features(event, text, published)) >= self.threshold


@cache
def packaged_filter() -> EventFilter | None:
    """The packaged model, read once per process; None when crossfloor ships none."""
    return EventFilter.load() if PACKAGED.exists() else None


def filter_in_use() -> EventFilter | None:
    """The packaged model unless the settings switch it off (CROSSFLOOR_EVENT_FILTER=false)."""
    return packaged_filter() if get_settings().event_filter else None


def kept_events(events: list, text: str, published: date | None, judge: EventFilter | None) -> list:
    """The events (analyse/events/record.py's Event, dates and news settled) the filter keeps;
    all of them without one."""
    return events if judge is None else [e for e in events if judge.keeps(e.to_dict(), text, published)]
