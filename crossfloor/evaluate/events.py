"""Score extracted events against gold events (the `events` lists of ../shared/gold/*.jsonl).

A predicted event matches a gold event of the same document and type when the key fields its
type declares (`score_keys` in schema/events.py) agree, for example:

    party_switch          person, from_party, to_party
    resignation           person, office (when the gold gives one; word overlap >= 0.5)
    by_election_call      by, stance, target (when the gold gives one)
    no_confidence_letter  action, by / by_party (whichever the gold gives), count, against

Names agree when their surnames agree and their first names do not conflict ("Wakeford" =
"Christian Wakeford"); role and group names ("Health Secretary", "Witney Conservative
constituency association") agree when they share at least half of their content words. Parties
are compared after folding aliases (Tory -> Conservative). Counts compare as numbers ("up to
seven" = "up to 7"). A null gold party must be null in the prediction too. Pairs are taken in
order, each event used once. A gold line may list the event "types" it annotates; other
predicted types are then not scored for it. Dates are scored on matched events only: a date is right when it
equals the gold day or range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema.events import SPECS
from ..analyse.lexicon import party_lexicon
from .names import same_actor, same_person
from .quotes import PRF

NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "a": "1", "an": "1", "single": "1", "dozen": "12"}
def same_party(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    parties = party_lexicon()
    fold = lambda name: (parties.normalise(name) or name).lower()  # noqa: E731
    return fold(gold) == fold(pred)


def same_count(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return True
    norm = lambda s: " ".join(NUMBERS.get(w, w) for w in re.findall(r"[a-z0-9]+", (s or "").lower()))  # noqa: E731
    return norm(gold) == norm(pred)


def same_exact(gold, pred) -> bool:
    return gold == pred


COMPARE = {"person": same_person, "actor": same_actor, "party": same_party, "count": same_count, "exact": same_exact}


def fields_agree(gold: dict, pred: dict) -> bool:
    kind = gold["type"]
    if kind != pred.get("type") or kind not in SPECS:
        return False
    for key in SPECS[kind].score_keys:
        if key.optional and not gold.get(key.field):
            continue
        if not COMPARE[key.compare](gold.get(key.field), pred.get(key.field)):
            return False
    return True


def date_right(gold: dict, pred: dict) -> bool:
    if gold.get("date"):
        return pred.get("date") == gold["date"]
    if gold.get("date_range"):
        return list(pred.get("date_range") or []) == list(gold["date_range"])
    return not pred.get("date") and not pred.get("date_range")


@dataclass
class EventScores:
    documents: int = 0
    all: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in SPECS})
    dates_gold: int = 0
    dates_right: int = 0
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "overall": self.all.as_dict(),
            "by_type": {t: prf.as_dict() for t, prf in self.by_type.items()},
            "date_accuracy": self.dates_right / self.dates_gold if self.dates_gold else None,
            "dates_scored": self.dates_gold,
        }


def score_events(gold_docs: list[dict], predictions: dict[str, list[dict]]) -> EventScores:
    scores = EventScores()
    for doc in gold_docs:
        scores.documents += 1
        gold = doc.get("events", [])
        scored = doc.get("types") or tuple(SPECS)  # gold may annotate only some types
        pred = [p for p in predictions.get(str(doc["id"]), []) if p.get("type") in scored]
        used: set[int] = set()
        for g in gold:
            prf = scores.by_type.setdefault(g["type"], PRF())
            prf.n_gold += 1
            scores.all.n_gold += 1
            hit = next((k for k, p in enumerate(pred) if k not in used and fields_agree(g, p)), None)
            if hit is None:
                scores.errors.append({"id": doc["id"], "kind": "missed", "gold": g})
                continue
            used.add(hit)
            prf.tp += 1
            scores.all.tp += 1
            if g.get("date") or g.get("date_range") or "date" in g or "date_range" in g:
                scores.dates_gold += 1
                if date_right(g, pred[hit]):
                    scores.dates_right += 1
                else:
                    scores.errors.append({"id": doc["id"], "kind": "date", "gold": g, "predicted": pred[hit]})
        for k, p in enumerate(pred):
            scores.by_type.setdefault(p["type"], PRF()).n_pred += 1
            scores.all.n_pred += 1
            if k not in used:
                scores.errors.append({"id": doc["id"], "kind": "spurious", "predicted": p})
    return scores
