"""Train the learned event filter (analyse/event_filter.py) on the tuning part of the split.

Labels come from the same hand work as the quote filter's: annotated articles (a predicted event
is right when the scorer matches it to a gold event: its type and key fields agree) and the
stream judgments (right when the judged event happened and the key fields agree,
`evaluate/stream.py`'s `event_real`). Whether it is news is not the filter's question: a real
event with a wrong news flag is kept. Only articles of the tuning part are used.

It judges resignations only: they are most of what the rules propose (110 of the 126 tuning
examples) and most of what they get wrong on the stream, while the few party switches (16) are too
few to learn from, and a switch the filter dropped would be the headline fact lost.

The threshold is chosen on probabilities each example gets from a model fitted without its
article (grouped five-fold), as the filter will meet articles it has not seen: the one that
maximises F1 of the kept events (the held-out bars ask for F1 on annotated articles as well as
precision on the stream; F0.5 on the tuning part kept 0.81 of the right events, F1 0.98),
unless `--threshold` gives one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..analyse.event_filter import features
from ..evaluate.events import score_events
from ..evaluate.stream import event_real, judged_event
from ..read.formats import parse_date
from .linear import Example, best_threshold, fit_linear, held_out_probabilities, kept_figures, model_file, tuning_examples, write_model

Labelled = tuple[Example, str]  # an example and its article's id
JUDGED = ("resignation",)
BETA = 1.0


def described(doc: dict, event: dict) -> list[str]:
    return features(event, doc["text"], parse_date(doc.get("published")))


def gold_examples(docs: Iterable[dict], records: dict[str, dict]) -> list[Labelled]:
    out = []
    for doc in docs:
        predicted = records.get(str(doc["id"]), {}).get("events", [])
        scores = score_events([doc], {str(doc["id"]): predicted})
        spurious = {id(e["predicted"]) for e in scores.errors if e["kind"] == "spurious"}
        scored = doc.get("types")
        for event in predicted:
            if not scored or event.get("type") in scored:
                out.append(((described(doc, event), int(id(event) not in spurious)), str(doc["id"])))
    return out


def stream_examples(docs: Iterable[dict], records: dict[str, dict]) -> list[Labelled]:
    out = []
    for doc in docs:
        for event in records.get(str(doc["id"]), {}).get("events", []):
            judgment = judged_event(doc.get("events", []), event)
            if judgment is not None:
                out.append(((described(doc, event), int(event_real(judgment, event))), str(doc["id"])))
    return out


def fit(labelled: list[Labelled], strength: float = 1.0, threshold: float | None = None) -> dict:
    """The model file's content, with the tuning figures of the held-out probabilities."""
    labelled = [(example, doc) for example, doc in labelled if any(f"type={t}" in example[0] for t in JUDGED)]
    examples = [example for example, _ in labelled]
    labels = [label for _, label in examples]
    held_out = held_out_probabilities(examples, [doc for _, doc in labelled], strength)
    chosen, figures = best_threshold(held_out, labels, BETA)
    if threshold is not None:
        chosen, figures = threshold, kept_figures(held_out, labels, threshold)
    vectoriser, model = fit_linear(examples, strength)
    tuning = {"examples": len(examples), "right": sum(labels), "articles": len({doc for _, doc in labelled}), **figures}
    return model_file(vectoriser, model, chosen, tuning, types=list(JUDGED))


def train_event_filter(gold: list[Path], stream: Path | None, predictions: list[Path], texts: Path, out: Path, split: Path, threshold: float | None = None) -> dict:
    """Learn from the tuning part of each gold file and of the stream judgments, predictions
    read from the given extract outputs (run with CROSSFLOOR_EVENT_FILTER=false) or made by
    the pipeline with the filter off; write the model, return its tuning figures."""
    labelled = tuning_examples(gold, stream, predictions, texts, split, (gold_examples, stream_examples), "events", {"event_filter": False})
    return write_model(fit(labelled, threshold=threshold), out)
