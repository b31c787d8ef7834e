"""The attribution passes by name, in the order they run by default.

Cue-first passes read each token outside quotation marks that no earlier pass made a report of;
a verb whose content one clause pass has read is not read by the next. `quotation_marks` then
makes a direct quotation of every quotation no report holds, and the mark passes after it look
for the cue of each quotation still without one, in turn. The filters come last."""

from __future__ import annotations

from typing import Callable

from .passes.according_to import according_to
from .passes.characterisation import characterisation
from .passes.characterised_quotation import characterised_quotation
from .passes.clausal_complement import clausal_complement
from .passes.colon_lead_in import colon_lead_in
from .passes.colon_lead_subject import colon_lead_subject
from .passes.colon_list import colon_list
from .passes.continuation import continuation
from .passes.cue_after import cue_after
from .passes.cue_before import cue_before
from .passes.governed_quotation import governed_quotation
from .passes.has_source import has_source
from .passes.infinitive_complement import infinitive_complement
from .passes.leads_in import leads_in
from .passes.paratactic_cue import paratactic_cue
from .passes.parenthetical_cue import parenthetical_cue
from .passes.quotation_marks import quotation_marks
from .passes.sentence_final_cue import sentence_final_cue
from .passes.transcript_label import transcript_label
from .passes.worth_reporting import worth_reporting
from .state import AttributionState

Pass = Callable[[AttributionState], None]

PASSES: dict[str, Pass] = {
    run.__name__: run
    for run in (
        # cue-first: reports from a cue
        according_to,
        parenthetical_cue,
        sentence_final_cue,
        clausal_complement,
        infinitive_complement,
        paratactic_cue,
        characterisation,
        colon_list,
        # mark-first: quotations and their cues
        quotation_marks,
        cue_after,
        colon_lead_in,
        cue_before,
        colon_lead_subject,
        governed_quotation,
        characterised_quotation,
        transcript_label,
        # filters and continuation
        has_source,
        leads_in,
        continuation,
        worth_reporting,
    )
}
DEFAULT_PASSES: tuple[str, ...] = tuple(PASSES)


def passes_named(names: list[str] | tuple[str, ...] | None) -> list[Pass]:
    """The passes to run, in the order given (None: DEFAULT_PASSES); a name left out is off."""
    names = DEFAULT_PASSES if names is None else names
    unknown = [n for n in names if n not in PASSES]
    if unknown:
        raise ValueError(f"unknown attribution pass(es) {', '.join(unknown)}; known: {', '.join(DEFAULT_PASSES)}")
    return [PASSES[n] for n in names]
