"""The learned filters' common part: a logistic model over feature names, read from a JSON file of
weights (no scikit-learn at run time). The quote filter (quote_filter.py) and the event filter
(event_filter.py) each describe what they judge by feature names and keep what scores at least
the model's threshold; crossfloor/train/ learns both the same way."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class FilterProblem(Exception):
    """A filter model file that cannot be read (one line naming it)."""


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, names: Iterable[str]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))


def read_model(path: Path, what: str, judged_key: str, judged_default: tuple[str, ...]) -> tuple[LinearModel, frozenset[str]]:
    """The model in a file, and what it judges (the kinds of quote, the types of event: the
    file's `judged_key`, else `judged_default`); the filter keeps everything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        judged = frozenset(str(name) for name in data.get(judged_key, judged_default))
        return LinearModel({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"])), judged
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as problem:
        raise FilterProblem(f"{path}: cannot read the {what} ({type(problem).__name__}: {problem})") from None
