"""The record of one event an article states: the fields of every type, of which its type's spec
(crossfloor/schema/events.py) says which it carries in output.

Provenance: `found_by` is the trigger rule that proposed the event: 'verb:<lemma>' for a trigger
verb ('verb:defect'), 'noun:<lemma>' for a trigger noun ('noun:resignation'), else the name of
the pass that read it its own way ('party_loses_member', 'by_election_call_scan'). `filled_by`
maps each field it carries to the rule that filled it: a finer rule of the trigger's sentence
named '<module>.<rule>' ('participants.<route>' for a participant, the route of
`Participants.reach`: 'name', 'pronoun', 'surname', 'role', 'salient', 'listed', 'lede';
'parties.premodifier', 'parties.taken_up', 'parties.subject', 'parties.nearest_party';
'places.by_election_in'; 'speakers.quote' for a caller who is a quote's speaker;
'reasons.reason_of'; 'mentions.date_words'), else the trigger pass that read the sentence
('party_switch_verbs'), or the completion pass that filled it from the rest of the article
('new_party_next_sentence'). The day or range resolved from the date words (`date`,
`date_range`) is run.py's, after the passes. When mentions merge, the event keeps the first mention's
`found_by`, and each field's `filled_by` follows its value: a value a later mention gave brings
its rule along."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ...schema.events import public_fields


@dataclass(frozen=True)
class Telling:
    """How one mention tells its event: its tense, whether it is an aside (a relative or
    temporal clause, 'the former ...'), which sentence of the article it is in, and the date
    words of the clause it is told in when the trigger has none of its own ('This fall, the
    party was torn apart by his resignation': timing.py reads them for news only)."""

    tense: str | None
    aside: bool
    sentence: int
    clause_date: str | None = None
    # The latest year written in a date of its sentence or the two before ('in October 1973 ...
    # Richardson resigned rather than carry out the order'): the time the passage tells of.
    year_near: int | None = None



@dataclass
class Event:
    """One political event an article states; start/end are its first evidence sentence. Its
    fields are every type's (the specs say which each carries), so the store and tests see them
    typed."""

    type: str  # a name in the event-type registry (crossfloor/schema/events.py)
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
    tense: str | None = None  # how the trigger is told: present | perfect | past | past perfect | future
    tellings: list[Telling] = field(default_factory=list)  # how each merged mention tells it (timing.py)
    news: bool | None = None  # reported as new (True) or mentioned as background (False)
    evidence: list[list[int]] = field(default_factory=list)  # [[start, end], ...] sentences
    quotes: list[int] = field(default_factory=list)  # indices of the article's quotes that carry it
    unnamed: str | None = None  # the noun phrase, when the participant has no name
    distinct: bool = False  # told as a further event ('has also resigned'): never merged
    status: str | None = None  # confirmed | contradicted | not in record, against loaded reference data
    record: str | None = None  # what the record shows, with its dates (a switch checked against it)
    kb_person: str | None = None  # the reference-data id of the person
    found_by: str | None = None
    filled_by: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.evidence:
            self.evidence = [[self.start, self.end]]

    def to_dict(self) -> dict:
        """The public record: the common fields and those of its type."""
        data = asdict(self)
        return {key: data[key] for key in public_fields(self.type)}

    def filled(self, field_name: str, value, rule: str) -> None:
        """Set a field and say which rule filled it (nothing to say when there is no value)."""
        setattr(self, field_name, value)
        if value is not None:
            self.filled_by[field_name] = rule

    def credit(self, fields: tuple[str, ...], rule: str) -> None:
        """Credit `rule` with every field that has a value and no rule yet."""
        for name in fields:
            if name not in self.filled_by and getattr(self, name) not in (None, []):
                self.filled_by[name] = rule
