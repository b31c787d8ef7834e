"""Plain records passed between the pipeline stages (read -> analyse -> store): articles and
quotes. Events are `analyse.events.record.Event`, beside the event-type registry that says
which fields each type carries; they cross into the store as their public dicts."""

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
    # person | organisation | role | group: only people become people across articles
    speaker_kind: str | None = None
    venue: str | None = None
    # Pieces of one utterance share this number: a quote split around its attribution
    # ('"X," he said. "Y."') is two quotes with one utterance.
    utterance: int | None = None
    # said | thought: what a word of belief or intention reports ('believes', 'plans to') is
    # something thought, which PolNeAR counts as an attribution; users may want only what was said
    act: str = "said"
    # Provenance: the attribution pass that found the quote ('clausal_complement', 'tagger', ...)
    # and the speaker pass that resolved its source to a person, role or group (None: unresolved).
    found_by: str | None = None
    resolved_by: str | None = None
    # The person reference data says held the post or seat the speaker is described by ('the
    # Health Secretary'), when the article never names them: a suggestion, never the speaker.
    speaker_suggested: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


QUOTE_FIELDS = tuple(Quote.__dataclass_fields__)
