"""Joining quotations into utterances, scored on labelled pairs (tests/gold/utterance-pairs.jsonl).

Each pair is two quotes a speaker was given in two outlets' articles of the same days, labelled
by hand: the same utterance or not, and for the same ones how the less full rendering differs
from the fuller (its kind and the changes that matter). The joiner decides each pair exactly as
the linker does (`link/renderings.py`: `joins` for two direct quotes, `reports` for a paraphrase,
`echoes` for two mixed quotes of a few quoted words each),
so pairwise precision, recall and F1 measure the linker's decision given the speaker; kinds and
flags are scored on the pairs both the gold and the joiner call the same.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..link.renderings import FLAGS, PARAPHRASE, Words, as_said, compare, compare_reported, echoes, fragment_words, joins, reports


@dataclass
class PairScores:
    pairs: int = 0
    unsure: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    kinds: Counter = field(default_factory=Counter)  # (gold kind, predicted kind) on joined pairs
    flags: dict = field(default_factory=lambda: {name: Counter() for name in FLAGS})  # tp/fp/fn per flag
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        kind_right = sum(n for (gold, pred), n in self.kinds.items() if gold == pred)
        kind_total = sum(self.kinds.values())
        return {
            "pairs": self.pairs,
            "unsure": self.unsure,
            "joining": prf(self.tp, self.fp, self.fn) | {"tn": self.tn},
            "kind_accuracy": {"right": kind_right, "of": kind_total, "accuracy": round(kind_right / kind_total, 3) if kind_total else None},
            "kinds": [{"gold": g, "predicted": p, "pairs": n} for (g, p), n in sorted(self.kinds.items())],
            "flags": {name: prf(c["tp"], c["fp"], c["fn"]) for name, c in self.flags.items() if sum(c.values())},
        }


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": rounded(p), "recall": rounded(r), "f1": rounded(f)}


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def decide(a: dict, b: dict) -> tuple[bool, dict | None]:
    """(same utterance?, how the less full differs from the fuller) for two quotes {text, kind}."""
    (role_a, wa), (role_b, wb) = as_said(a["text"], a["kind"]), as_said(b["text"], b["kind"])
    if role_a == role_b == PARAPHRASE:
        # Two mixed quotes of a few quoted words each are compared by those words.
        wa, wb = fragment_words(a["text"], a["kind"]), fragment_words(b["text"], b["kind"])
        if wa is None or wb is None or not echoes(wa, wb):
            return False, None
    elif PARAPHRASE in (role_a, role_b):
        (paraphrase, quote), said = ((wa, a), wb) if role_a == PARAPHRASE else ((wb, b), wa)
        same = reports(paraphrase, said)
        return same, compare_reported(said, quote["text"], quote["kind"]).to_dict() if same else None
    elif not joins(wa, wb):
        return False, None
    full, given = (wa, wb) if len(wa) >= len(wb) else (wb, wa)
    return True, rendering_of(full, given)


def rendering_of(full: Words, given: Words) -> dict:
    return compare(full, given).to_dict()


def score_pairs(pairs: list[dict]) -> PairScores:
    """Pairs carry their quotes' texts (`a.text`, `b.text`) and the labels."""
    scores = PairScores()
    for pair in pairs:
        scores.pairs += 1
        if pair.get("same") is None:
            scores.unsure += 1
            continue
        same, rendering = decide(pair["a"], pair["b"])
        count_join(scores, pair, same)
        if same and pair["same"]:
            count_changes(scores, pair, rendering)
    return scores


def count_join(scores: PairScores, pair: dict, same: bool) -> None:
    outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[(same, bool(pair["same"]))]
    setattr(scores, outcome, getattr(scores, outcome) + 1)
    if outcome in ("fp", "fn"):
        scores.errors.append({"id": pair["id"], "error": outcome, "a": pair["a"]["text"], "b": pair["b"]["text"]})


def count_changes(scores: PairScores, pair: dict, rendering: dict) -> None:
    scores.kinds[(pair.get("kind"), rendering["kind"])] += 1
    gold, predicted = set(pair.get("flags") or []), set(rendering["flags"])
    for name in FLAGS:
        outcome = "tp" if name in gold & predicted else "fp" if name in predicted else "fn" if name in gold else None
        if outcome:
            scores.flags[name][outcome] += 1
    if pair.get("kind") != rendering["kind"] or gold != predicted:
        scores.errors.append({"id": pair["id"], "error": "change", "gold": [pair.get("kind"), sorted(gold)], "predicted": [rendering["kind"], sorted(predicted)], "a": pair["a"]["text"], "b": pair["b"]["text"]})
