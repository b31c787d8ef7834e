"""Train the learned quote filter (analyse/quote_filter.py) on the tuning part of the split.

Labels come from two kinds of hand work: annotated articles (a predicted quote is right when it
matches a gold quote, word overlap >= 0.5, with the right resolved speaker) and the stream
judgments (a judged quote is right as `evaluate/stream.py` says). Only articles of the tuning
part are used; the validation part is for `crossfloor evaluate --part validate` alone.

The model is scikit-learn's logistic regression over the quote's feature names, learned on
quotes of every kind; it judges indirect quotes only (direct and mixed quotes are read from
quotation marks and were mostly right). Its threshold is given (`--threshold`) or else the one
that maximises F0.5 of the kept indirect quotes among those proposed. The packaged model's 0.5
was chosen on the tuning part: of 0.5, 0.6 and 0.715 (the F0.5 choice), applied to indirect
quotes or to all, 0.5 on indirect quotes gave the best right-speaker F1 on the tuning parts of
the allsides, UK and Wikinews sets (0.821, 0.690, 0.627 against 0.817, 0.665, 0.610 without).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..analyse.quote_filter import features
from ..evaluate.quotes import jaccard, speaker_right, words
from ..evaluate.stream import judged_quote, quote_right

BETA = 0.5


def gold_examples(docs: Iterable[dict], records: dict[str, dict]) -> list[tuple[list[str], int]]:
    out = []
    for doc in docs:
        gold = [(g, words(g["text"])) for g in doc.get("quotes", [])]
        for pred in records.get(str(doc["id"]), {}).get("quotes", []):
            mine = words(pred["text"])
            best = max(gold, key=lambda pair: jaccard(mine, pair[1]), default=None)
            right = best is not None and jaccard(mine, best[1]) >= 0.5 and speaker_right("resolved", best[0], pred)
            out.append((features(pred), int(right)))
    return out


def stream_examples(docs: Iterable[dict], records: dict[str, dict]) -> list[tuple[list[str], int]]:
    out = []
    for doc in docs:
        for pred in records.get(str(doc["id"]), {}).get("quotes", []):
            judgment = judged_quote(doc.get("quotes", []), doc["text"], pred)
            if judgment is not None:
                out.append((features(pred), int(quote_right(judgment, pred))))
    return out


def fit(examples: list[tuple[list[str], int]], strength: float = 1.0, threshold: float | None = None, kinds: tuple[str, ...] = ("indirect",)) -> dict:
    """The model file's content: feature weights, bias, threshold and the tuning figures."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([{name: 1 for name in names} for names, _ in examples])
    y = [label for _, label in examples]
    model = LogisticRegression(C=strength, max_iter=2000).fit(x, y)
    probabilities = model.predict_proba(x)[:, 1]
    judged = [(p, label) for p, label, (names, _) in zip(probabilities, y, examples) if any(f"kind={k}" in names for k in kinds)]
    chosen, figures = best_threshold([p for p, _ in judged], [label for _, label in judged])
    if threshold is not None:
        chosen, figures = threshold, kept_figures([p for p, _ in judged], [label for _, label in judged], threshold)
    weights = {name: round(float(w), 5) for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}
    tuning = {"examples": len(judged), "right": sum(label for _, label in judged), **figures}
    return {"weights": weights, "bias": round(float(model.intercept_[0]), 5), "threshold": chosen, "kinds": list(kinds), "tuning": tuning}


def kept_figures(probabilities: list[float], labels: list[int], threshold: float) -> dict:
    kept = [label for p, label in zip(probabilities, labels) if p >= threshold]
    right_total = sum(labels) or 1
    return {"kept": len(kept), "precision_kept": round(sum(kept) / len(kept), 4) if kept else 0.0, "right_kept": round(sum(kept) / right_total, 4)}


def best_threshold(probabilities: list[float], labels: list[int]) -> tuple[float, dict]:
    right_total = sum(labels)
    best = (0.0, -1.0, {})
    for threshold in sorted({round(p, 3) for p in probabilities}):
        kept = [label for p, label in zip(probabilities, labels) if p >= threshold]
        if not kept:
            continue
        precision, share = sum(kept) / len(kept), sum(kept) / right_total if right_total else 0.0
        score = (1 + BETA**2) * precision * share / (BETA**2 * precision + share) if precision + share else 0.0
        if score > best[1]:
            best = (threshold, score, {"kept": len(kept), "precision_kept": round(precision, 4), "right_kept": round(share, 4)})
    return best[0], best[2]


def train_filter(gold: list[Path], stream: Path | None, predictions: list[Path], texts: Path, out: Path, split: Path, threshold: float | None = None) -> dict:
    """Examples from the tuning part of each gold file and of the stream judgments, predictions
    read from the given extract outputs (run with CROSSFLOOR_QUOTE_FILTER=false) or, for the
    articles none holds, made by the pipeline with the filter off."""
    from ..evaluate.run import predict, read_gold, read_jsonl
    from ..settings import overriding

    records = {str(r["id"]): r for path in predictions for r in read_jsonl(path, "predictions")}
    examples: list[tuple[list[str], int]] = []
    sources = [(path, gold_examples) for path in gold] + ([(stream, stream_examples)] if stream else [])
    for path, make in sources:
        docs = read_gold(path, texts, "tune", split)
        missing = [d for d in docs if str(d["id"]) not in records]
        if missing:
            with overriding(quote_filter=False):
                records.update({str(r["id"]): r for r in predict(missing, dated=True)})
        examples.extend(make(docs, records))
    model = fit(examples, threshold=threshold)
    out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return model["tuning"]
