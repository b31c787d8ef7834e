"""Learning the filters' logistic models (analyse/linear.py) with scikit-learn: fit on examples
of feature names with a right/wrong label, choose a threshold, and write the weights."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

BETA = 0.5  # by default a threshold maximises F0.5 of the kept examples: precision counts twice recall

Example = tuple[list[str], int]


def rows(examples: Sequence[Example]) -> list[dict[str, int]]:
    """Each example's feature names as the row a DictVectorizer reads."""
    return [{name: 1 for name in names} for names, _ in examples]


def logistic(strength: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=strength, max_iter=2000)


def fit_linear(examples: Sequence[Example], strength: float = 1.0):
    """The vectoriser and the logistic model fitted on all examples."""
    from sklearn.feature_extraction import DictVectorizer

    vectoriser = DictVectorizer()
    model = logistic(strength).fit(vectoriser.fit_transform(rows(examples)), [label for _, label in examples])
    return vectoriser, model


def model_file(vectoriser, model, threshold: float, tuning: dict, **judged) -> dict:
    """The model file's content: feature weights, bias, threshold, what it judges, the figures."""
    weights = {name: round(float(w), 5) for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}
    return {"weights": weights, "bias": round(float(model.intercept_[0]), 5), "threshold": threshold, **judged, "tuning": tuning}


def held_out_probabilities(examples: Sequence[Example], groups: Sequence[str], strength: float = 1.0, folds: int = 5) -> list[float]:
    """Each example's probability from a model fitted without its article (grouped k-fold), so a
    threshold chosen on them is chosen as the model will meet articles it has not seen."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import GroupKFold, cross_val_predict

    x = DictVectorizer().fit_transform(rows(examples))
    y = [label for _, label in examples]
    folds = max(2, min(folds, len(set(groups))))
    return [float(p) for p in cross_val_predict(logistic(strength), x, y, cv=GroupKFold(folds), groups=list(groups), method="predict_proba")[:, 1]]


def kept_figures(probabilities: Sequence[float], labels: Sequence[int], threshold: float) -> dict:
    kept = [label for p, label in zip(probabilities, labels) if p >= threshold]
    right_total = sum(labels) or 1
    return {"kept": len(kept), "precision_kept": round(sum(kept) / len(kept), 4) if kept else 0.0, "right_kept": round(sum(kept) / right_total, 4)}


def best_threshold(probabilities: Sequence[float], labels: Sequence[int], beta: float = BETA) -> tuple[float, dict]:
    """The threshold whose kept examples have the best F-beta, with their figures."""
    right_total = sum(labels)
    best = (0.0, -1.0, {})
    for threshold in sorted({round(p, 3) for p in probabilities}):
        kept = [label for p, label in zip(probabilities, labels) if p >= threshold]
        if not kept:
            continue
        precision, share = sum(kept) / len(kept), sum(kept) / right_total if right_total else 0.0
        score = (1 + beta**2) * precision * share / (beta**2 * precision + share) if precision + share else 0.0
        if score > best[1]:
            best = (threshold, score, {"kept": len(kept), "precision_kept": round(precision, 4), "right_kept": round(share, 4)})
    return best[0], best[2]


def tuning_examples(
    gold: list[Path],
    stream: Path | None,
    predictions: list[Path],
    texts: Path,
    split: Path,
    makers: tuple[Callable, Callable],
    judged: str,
    filter_off: dict,
) -> list:
    """The examples `makers` (from annotated articles, from stream judgments) make of the
    tuning part of each gold file and of the stream judgments (only the stream articles with
    `judged` read by hand). Predictions are read from the given extract outputs (made with the
    filter off) or, for the articles none holds, made by the pipeline with `filter_off` set."""
    from ..evaluate.run import predict, read_gold, read_jsonl
    from ..settings import overriding

    records = {str(r["id"]): r for path in predictions for r in read_jsonl(path, "predictions")}
    from_gold, from_stream = makers
    examples: list = []
    for path, make in [(path, from_gold) for path in gold] + ([(stream, from_stream)] if stream else []):
        docs = read_gold(path, texts, "tune", split)
        if make is from_stream:  # an article nobody judged gives no example
            docs = [d for d in docs if d.get(judged)]
        missing = [d for d in docs if str(d["id"]) not in records]
        if missing:
            with overriding(**filter_off):
                records.update({str(r["id"]): r for r in predict(missing, dated=True)})
        examples.extend(make(docs, records))
    return examples


def write_model(model: dict, out: Path) -> dict:
    """Write the model file; its tuning figures."""
    out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return model["tuning"]
