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

from collections.abc import Iterable
from pathlib import Path

from ..analyse.quote_filter import features
from ..evaluate.quotes import jaccard, speaker_right, words
from ..evaluate.stream import judged_quote, quote_right
from .linear import Example, best_threshold, fit_linear, kept_figures, model_file, rows, tuning_examples, write_model


def gold_examples(docs: Iterable[dict], records: dict[str, dict]) -> list[Example]:
    out = []
    for doc in docs:
        gold = [(g, words(g["text"])) for g in doc.get("quotes", [])]
        for pred in records.get(str(doc["id"]), {}).get("quotes", []):
            mine = words(pred["text"])
            best = max(gold, key=lambda pair: jaccard(mine, pair[1]), default=None)
            right = best is not None and jaccard(mine, best[1]) >= 0.5 and speaker_right("resolved", best[0], pred)
            out.append((features(pred), int(right)))
    return out


def stream_examples(docs: Iterable[dict], records: dict[str, dict]) -> list[Example]:
    out = []
    for doc in docs:
        for pred in records.get(str(doc["id"]), {}).get("quotes", []):
            judgment = judged_quote(doc.get("quotes", []), doc["text"], pred)
            if judgment is not None:
                out.append((features(pred), int(quote_right(judgment, pred))))
    return out


def fit(examples: list[Example], strength: float = 1.0, threshold: float | None = None, kinds: tuple[str, ...] = ("indirect",)) -> dict:
    """The model file's content: feature weights, bias, threshold and the tuning figures."""
    vectoriser, model = fit_linear(examples, strength)
    probabilities = model.predict_proba(vectoriser.transform(rows(examples)))[:, 1]
    judged = [(p, label) for p, (names, label) in zip(probabilities, examples) if any(f"kind={k}" in names for k in kinds)]
    chosen, figures = best_threshold([p for p, _ in judged], [label for _, label in judged])
    if threshold is not None:
        chosen, figures = threshold, kept_figures([p for p, _ in judged], [label for _, label in judged], threshold)
    tuning = {"examples": len(judged), "right": sum(label for _, label in judged), **figures}
    return model_file(vectoriser, model, chosen, tuning, kinds=list(kinds))


def train_filter(gold: list[Path], stream: Path | None, predictions: list[Path], texts: Path, out: Path, split: Path, threshold: float | None = None) -> dict:
    """Learn from the tuning part of each gold file and of the stream judgments, predictions
    read from the given extract outputs (run with CROSSFLOOR_QUOTE_FILTER=false) or made by
    the pipeline with the filter off; write the model, return its tuning figures."""
    examples = tuning_examples(gold, stream, predictions, texts, split, (gold_examples, stream_examples), "quotes", {"quote_filter": False})
    return write_model(fit(examples, threshold=threshold), out)
