"""Precision per rule: how many facts each pass produced and how many of them were right, from
the provenance every prediction carries (a quote's found_by and resolved_by, an event's found_by
and filled_by). Predictions made before provenance was recorded count under '(unknown)'."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

UNKNOWN = "(unknown)"
UNRESOLVED = "(unresolved)"


def rule_of(prediction: dict, key: str) -> str:
    """The pass a prediction names under key (found_by): '(unknown)' when it names none."""
    return prediction.get(key) or UNKNOWN


def resolver_of(quote: dict) -> str:
    """The speaker pass that resolved a predicted quote: '(unresolved)' for a quote without a
    resolved speaker, '(unknown)' for one resolved before provenance was recorded."""
    return quote.get("resolved_by") or (UNKNOWN if quote.get("speaker_resolved") else UNRESOLVED)


@dataclass
class Tally:
    """One pass's facts: how many it made, how many of those the gold can judge, how many were right."""

    made: int = 0
    judged: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0


class RuleTable:
    """Tallies by pass name, written out under the names one table gives its columns: made
    ('predicted', 'resolved', 'filled'), judged (None when every fact made is judged) and right."""

    def __init__(self, made: str, right: str, judged: str | None = None):
        self.columns = (made, judged, right)
        self.tallies: dict[str, Tally] = defaultdict(Tally)

    def made(self, rule: str, judged: bool = True) -> None:
        tally = self.tallies[rule]
        tally.made += 1
        tally.judged += judged

    def judged(self, rule: str, right: bool) -> None:
        """A fact made earlier (made(..., judged=False)) that the gold can judge."""
        self.tallies[rule].judged += 1
        self.right(rule, right)

    def right(self, rule: str, right: bool = True) -> None:
        self.tallies[rule].right += right

    def rows(self) -> list[dict]:
        """One row per pass, the most productive first."""
        made, judged, right = self.columns
        out = []
        for rule, tally in sorted(self.tallies.items(), key=lambda kv: (-kv[1].made, kv[0])):
            row = {"pass": rule, made: tally.made}
            if judged:
                row[judged] = tally.judged
            out.append({**row, right: tally.right, "precision": round(tally.precision, 4)})
        return out
