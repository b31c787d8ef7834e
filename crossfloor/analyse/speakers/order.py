"""The speaker passes in the order they run (a multi-pass sieve: the first pass that recognises a
source settles it), and the choice of passes a pipeline's config makes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

from .passes import (
    appositive_name,
    body_named_before,
    capitalised_surname,
    carried_venue,
    conjoined_name,
    description_in_focus,
    description_of_named_person,
    document_owner,
    exact_name,
    first_person_in_quotation,
    initials_left_unresolved,
    interview_transcript,
    media_noun_outlet,
    named_venue,
    organisation_name,
    pronoun_by_salience,
    pronoun_left_unresolved,
    quantifier_group,
    relative_pronoun,
    role_beside_name,
    surname_to_fullest_form,
    title_and_name,
    told_outlet,
    transcript_initials,
    unnamed_source,
)

# Each source mention goes through these in turn until one settles it: pronouns first (a relative
# pronoun is pointed at its noun before anything else), then names, bodies, roles and descriptions.
SOURCE_PASSES: tuple[ModuleType, ...] = (
    relative_pronoun,
    document_owner,
    first_person_in_quotation,
    pronoun_left_unresolved,
    quantifier_group,
    pronoun_by_salience,
    exact_name,
    surname_to_fullest_form,
    title_and_name,
    appositive_name,
    conjoined_name,
    capitalised_surname,
    transcript_initials,
    initials_left_unresolved,
    organisation_name,
    body_named_before,
    role_beside_name,
    description_of_named_person,
    description_in_focus,
    media_noun_outlet,
    unnamed_source,
)
# Each attribution's venue, in the order of the attributions (an outlet named for an earlier quote
# is what 'the broadcaster' stands for later).
VENUE_PASSES: tuple[ModuleType, ...] = (named_venue, told_outlet)
# Once continuations have their speakers: what runs over the whole article.
ARTICLE_PASSES: tuple[ModuleType, ...] = (interview_transcript, carried_venue)


def pass_name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1]


DEFAULT_PASSES: tuple[str, ...] = tuple(pass_name(m) for m in SOURCE_PASSES + VENUE_PASSES + ARTICLE_PASSES)


@dataclass(frozen=True)
class Plan:
    """The passes switched on, by stage, each with its name, in the order they run."""

    sources: tuple[tuple[str, Callable], ...]
    venues: tuple[tuple[str, Callable], ...]
    article: tuple[tuple[str, Callable], ...]


def plan(passes: Sequence[str] | None = None) -> Plan:
    """The passes named (None: DEFAULT_PASSES), in their order within each stage (sources, then
    venues, then the article); a pass left out is switched off."""
    names = DEFAULT_PASSES if passes is None else tuple(passes)
    unknown = [n for n in names if n not in DEFAULT_PASSES]
    if unknown:
        raise ValueError(f"unknown speaker pass(es) {', '.join(unknown)}; the passes are: {', '.join(DEFAULT_PASSES)}")

    def chosen(stage: tuple[ModuleType, ...], function: str) -> tuple[tuple[str, Callable], ...]:
        by_name = {pass_name(m): getattr(m, function) for m in stage}
        return tuple((n, by_name[n]) for n in names if n in by_name)

    return Plan(chosen(SOURCE_PASSES, "resolve"), chosen(VENUE_PASSES, "resolve_venue"), chosen(ARTICLE_PASSES, "carry"))
