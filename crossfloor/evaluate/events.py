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
order, each event used once. Where the gold says whether the article reports an event as new
(`news`), the matched prediction's `news` is scored too. A gold line may list the event "types" it annotates; other
predicted types are then not scored for it. Dates are scored on matched events only: a date is right when it
equals the gold day or range.

By rule (`by_rule`): each trigger rule's events and how many matched; each field a pass filled
is judged against the gold event the prediction matched (else the gold event of its type whose
key fields agree with it most), where the gold gives that field and the scorer has a rule for it
(the key fields and the date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema.events import SPECS
from ..analyse.lexicon import party_lexicon
from .names import same_person_or_nobody, same_person_or_role
from .quotes import PRF
from .rules import RuleTable, rule_of

NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "a": "1", "an": "1", "single": "1", "dozen": "12"}


def same_party(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    parties = party_lexicon()
    fold = lambda name: (parties.normalise(name) or name).lower()  # noqa: E731
    # Gold gives a party as the article names it: 'Labour' in a New Zealand article is the New
    # Zealand Labour Party, one of whose names it is.
    return fold(gold) == fold(pred) or gold.lower() in parties.names_of(parties.normalise(pred) or pred)


def same_count(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return True
    norm = lambda s: " ".join(NUMBERS.get(w, w) for w in re.findall(r"[a-z0-9]+", (s or "").lower()))  # noqa: E731
    return norm(gold) == norm(pred)


def same_exact(gold, pred) -> bool:
    return gold == pred


COMPARE = {"person": same_person_or_nobody, "actor": same_person_or_role, "party": same_party, "count": same_count, "exact": same_exact}


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
    # On matched events whose gold says whether the article reports them as new: told right.
    news_gold: int = 0
    news_right: int = 0
    errors: list[dict] = field(default_factory=list)
    # Per trigger rule: events predicted and matched; per filling pass: fields judged and right.
    found_by: RuleTable = field(default_factory=lambda: RuleTable("predicted", "right"))
    filled_by: RuleTable = field(default_factory=lambda: RuleTable("filled", "right"))

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "overall": self.all.as_dict(),
            "by_type": {t: prf.as_dict() for t, prf in self.by_type.items()},
            "date_accuracy": self.dates_right / self.dates_gold if self.dates_gold else None,
            "dates_scored": self.dates_gold,
            "news_accuracy": self.news_right / self.news_gold if self.news_gold else None,
            "news_scored": self.news_gold,
        }

    def by_rule(self) -> dict:
        """Precision per pass: the trigger rule of each event, the pass that filled each field."""
        return {"found_by": self.found_by.rows(), "filled_by": self.filled_by.rows()}


def score_events(gold_docs: list[dict], predictions: dict[str, list[dict]]) -> EventScores:
    scores = EventScores()
    for doc in gold_docs:
        scored = doc.get("types") or tuple(SPECS)  # gold may annotate only some types
        pred = [p for p in predictions.get(str(doc["id"]), []) if p.get("type") in scored]
        score_event_document(scores, doc, pred)
    return scores


def score_event_document(scores: EventScores, doc: dict, pred: list[dict]) -> None:
    """Gold events matched in order, each prediction used once; then the predictions counted."""
    scores.documents += 1
    gold = doc.get("events", [])
    matched: dict[int, dict] = {}  # prediction index -> the gold event it matched
    for g in gold:
        match_gold_event(scores, doc["id"], g, pred, matched)
    for k, p in enumerate(pred):
        scores.by_type.setdefault(p["type"], PRF()).n_pred += 1
        scores.all.n_pred += 1
        rule = rule_of(p, "found_by")
        scores.found_by.made(rule)
        scores.found_by.right(rule, k in matched)
        judge_fields(scores, counterpart(gold, p, matched.get(k)), p)
        if k not in matched:
            scores.errors.append({"id": doc["id"], "kind": "spurious", "predicted": p})


def match_gold_event(scores: EventScores, doc_id, g: dict, pred: list[dict], matched: dict[int, dict]) -> None:
    prf = scores.by_type.setdefault(g["type"], PRF())
    prf.n_gold += 1
    scores.all.n_gold += 1
    hit = next((k for k, p in enumerate(pred) if k not in matched and fields_agree(g, p)), None)
    if hit is None:
        scores.errors.append({"id": doc_id, "kind": "missed", "gold": g})
        return
    matched[hit] = g
    prf.tp += 1
    scores.all.tp += 1
    if "news" in g:
        scores.news_gold += 1
        scores.news_right += pred[hit].get("news") == g["news"]
    if "date" in g or "date_range" in g:
        scores.dates_gold += 1
        if date_right(g, pred[hit]):
            scores.dates_right += 1
        else:
            scores.errors.append({"id": doc_id, "kind": "date", "gold": g, "predicted": pred[hit]})


def counterpart(gold: list[dict], pred: dict, matched: dict | None) -> dict | None:
    """The gold event a prediction's fields are judged against: the one it matched, else the gold
    event of its type with which most of its key fields agree (at least one)."""
    if matched is not None:
        return matched
    best, most = None, 0
    for g in gold:
        if g["type"] != pred.get("type") or g["type"] not in SPECS:
            continue
        agreeing = sum(1 for key in SPECS[g["type"]].score_keys if g.get(key.field) and COMPARE[key.compare](g[key.field], pred.get(key.field)))
        if agreeing > most:
            best, most = g, agreeing
    return best


def field_right(gold: dict, pred: dict, name: str) -> bool | None:
    """Whether a predicted field agrees with the gold event; None when the scorer cannot say (the
    gold does not give the field, or no rule compares it)."""
    if name in ("date", "date_range"):
        return date_right(gold, pred) if "date" in gold or "date_range" in gold else None
    key = next((k for k in SPECS[gold["type"]].score_keys if k.field == name), None)
    if key is None or name not in gold:
        return None
    return COMPARE[key.compare](gold[name], pred.get(name))


def judge_fields(scores: EventScores, gold: dict | None, pred: dict) -> None:
    """Each field the prediction says a pass filled, judged where the scorer can."""
    if gold is None:
        return
    for name, rule in (pred.get("filled_by") or {}).items():
        right = field_right(gold, pred, name)
        if right is not None:
            scores.filled_by.made(rule)
            scores.filled_by.right(rule, right)
