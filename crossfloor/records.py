"""Plain records passed between the pipeline stages (read -> analyse -> store)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass
class Article:
    text: str
    id: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # the file (and line or entry) it was read from
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Quote:
    """One attribution: content, cue and source, with character offsets into the article text."""

    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None  # the surface mention: "He", "the Health Secretary"
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_resolved: str | None = None  # the person: "Rachel Reeves", or the role noun
    speaker_role: str | None = None
    speaker_party: str | None = None
    speaker_seat: str | None = None
    venue: str | None = None
    # Pieces of one utterance share this number: a quote split around its attribution
    # ('"X," he said. "Y."') is two quotes with one utterance.
    utterance: int | None = None
    # said | thought: what a word of belief or intention reports ('believes', 'plans to') is
    # something thought, which PolNeAR counts as an attribution; users may want only what was said
    act: str = "said"

    def to_dict(self) -> dict:
        return asdict(self)


QUOTE_FIELDS = tuple(Quote.__dataclass_fields__)


# The fields each event type carries in output, besides the common ones.
EVENT_TYPE_FIELDS = {
    "party_switch": ("person", "from_party", "to_party", "seat", "subtype", "reason"),
    "by_election_call": ("by", "by_party", "target", "seat", "stance", "quotes"),
    "no_confidence_letter": ("action", "by", "by_party", "count", "against"),
    "resignation": ("person", "office", "seat", "reason"),
}
EVENT_COMMON_FIELDS = ("type", "start", "end", "evidence", "trigger", "date", "date_range", "date_text", "status", "kb_person")


@dataclass
class Event:
    """One political event an article states; start/end are its first evidence sentence."""

    type: str  # party_switch | by_election_call | no_confidence_letter | resignation
    start: int
    end: int
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    person: str | None = None
    from_party: str | None = None
    to_party: str | None = None
    seat: str | None = None
    subtype: str | None = None
    reason: str | None = None
    by: str | None = None
    by_party: str | None = None
    target: str | None = None
    stance: str | None = None  # for | against
    action: str | None = None  # submitted | withdrawn
    count: str | None = None
    against: str | None = None
    office: str | None = None
    date: str | None = None
    date_range: list[str] | None = None
    date_text: str | None = None
    tense: str | None = None  # how the trigger is told: present | perfect | past
    evidence: list[list[int]] = field(default_factory=list)  # [[start, end], ...] sentences
    quotes: list[int] = field(default_factory=list)  # indices of the article's quotes that carry it
    unnamed: str | None = None  # the noun phrase, when the participant has no name
    distinct: bool = False  # told as a further event ('has also resigned'): never merged
    status: str | None = None  # confirmed | contradicted, against loaded reference data
    kb_person: str | None = None  # the reference-data id of the person

    def __post_init__(self) -> None:
        if not self.evidence:
            self.evidence = [[self.start, self.end]]

    def to_dict(self) -> dict:
        """The public record: the common fields and those of its type."""
        data = asdict(self)
        return {key: data[key] for key in EVENT_COMMON_FIELDS + EVENT_TYPE_FIELDS[self.type]}

    @classmethod
    def from_dict(cls, data: dict) -> Event:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
