"""The split of the annotated articles into a tuning part and a validation part.

Rules are changed by reading errors on the tuning part only; the validation part is looked at
only through `crossfloor evaluate --part validate`'s figures, and a change is kept only when
those agree. The split is by article and lives in the repository (tests/gold/split.json), so it
never moves under the team: an article keeps its part once it has one, and articles added later
are given one by the same rule (`assign`).

The rule: articles are ordered by stratum (an article's country, else its outlet) and, within
it, by a hash of their id, and every third goes to validation, so the validation part is spread
over countries and outlets and no one chooses which articles land in it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

PARTS = ("tune", "validate")
DEFAULT_SPLIT = Path("tests/gold/split.json")


class SplitProblem(Exception):
    """A split file that cannot be read, or a gold article it does not place."""


@dataclass
class Split:
    parts: dict[str, str] = field(default_factory=dict)  # article id -> 'tune' | 'validate'

    @classmethod
    def load(cls, path: Path) -> Split:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            parts = {str(i): part for part in PARTS for i in data[part]}
        except (OSError, ValueError, KeyError, TypeError) as problem:
            raise SplitProblem(f"{path}: cannot read the split ({type(problem).__name__}: {problem})") from None
        return cls(parts)

    def save(self, path: Path) -> None:
        data = {
            "about": "Annotated articles by part: tune on 'tune' only; see crossfloor/evaluate/split.py",
            **{part: sorted(i for i, p in self.parts.items() if p == part) for part in PARTS},
        }
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    def select(self, docs: list[dict], part: str, where: Path) -> list[dict]:
        """The gold documents of one part ('all': every one). Every document must be placed."""
        if part == "all":
            return docs
        unplaced = [str(d["id"]) for d in docs if str(d["id"]) not in self.parts]
        if unplaced:
            raise SplitProblem(f"{where}: {len(unplaced)} gold articles are in no part of the split (first: {unplaced[0]}); run `crossfloor evaluate split`")
        return [d for d in docs if self.parts[str(d["id"])] == part]

    def assign(self, docs: Iterable[dict]) -> int:
        """Give a part to each document that has none; returns how many were placed. Counting
        runs on across strata, so a country with one article is not always tuning."""
        new = sorted({(stratum(d), digest(str(d["id"])), str(d["id"])) for d in docs if str(d["id"]) not in self.parts})
        for k, (_, _, ident) in enumerate(new):
            self.parts[ident] = "validate" if k % 3 == 2 else "tune"
        return len(new)


def stratum(doc: dict) -> str:
    return str(doc.get("country") or doc.get("outlet") or "unknown")


def digest(ident: str) -> str:
    return hashlib.sha1(ident.encode("utf-8")).hexdigest()
