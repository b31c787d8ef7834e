"""The record of one event an article states: the fields of every type, of which its type
(registry.py) says which it carries in output."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .registry import COMMON_FIELDS, event_type


@dataclass
class Event:
    """One political event an article states; start/end are its first evidence sentence."""

    type: str  # a name in the event-type registry (analyse/events/registry.py)
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
    # Provenance: the trigger rule that proposed the event ('verb:defect', 'noun:resignation', ...)
    # and, for each field it carries, the pass that filled it.
    found_by: str | None = None
    filled_by: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.evidence:
            self.evidence = [[self.start, self.end]]

    def to_dict(self) -> dict:
        """The public record: the common fields and those of its type."""
        data = asdict(self)
        return {key: data[key] for key in public_fields(self.type)}


def public_fields(name: str) -> tuple[str, ...]:
    """The fields an event of this type carries in output, as its type declares them."""
    return COMMON_FIELDS + event_type(name).fields
