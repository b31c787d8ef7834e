"""Rules propose, a learned filter decides: a small logistic model that keeps or drops each quote
the attribution and speaker passes produced.

On news nobody picked for its quotes, many of the rules' indirect "quotes" are not reported
speech ("the agency plans to hire", "most Americans want") or carry the wrong speaker. Each quote
is described by what produced it (its attribution pass, its speaker pass, the kind of speaker, the
cue word, its length, its form, a speaker that is a counted group) and a linear model learned on the tuning part of the annotated
articles and the stream judgments (`crossfloor train quote-filter`, crossfloor/train/
quote_filter.py) scores it; a quote below the model's threshold is dropped. The model is a JSON
file of feature weights (crossfloor/models/quote_filter.json), so scoring needs no
scikit-learn (analyse/linear.py), and the same `features()` describe a quote in training and in the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .lexicon import cue_lexicon, people_lexicon
from .linear import FilterProblem, LinearModel, read_model  # noqa: F401 - FilterProblem: raised by load

PACKAGED = Path(__file__).resolve().parent.parent / "models" / "quote_filter.json"
LENGTHS = ((4, "short"), (15, "medium"), (40, "long"))


@dataclass(frozen=True)
class FilterWords:
    """The words the features read: the writer's and reader's own pronouns ('I', 'we', 'you';
    people.json), and what opens a reported clause or an infinitive ('that', 'to'; cues.json)."""

    speaking_pronouns: frozenset[str]
    complementisers: frozenset[str]
    infinitive_markers: frozenset[str]
    proportion_words: frozenset[str] = frozenset()


@cache
def filter_words() -> FilterWords:
    cues = cue_lexicon()
    people = people_lexicon()
    return FilterWords(people.speaking_pronouns, cues.complementisers, cues.infinitive_markers, people.proportion_words)


def features(quote: dict, words: FilterWords | None = None) -> list[str]:
    """The names of the features a quote (a Quote's to_dict) has; the model weighs each, alone
    and together with the quote's kind."""
    words = words or filter_words()
    found = described(quote) + speaker_flags(quote, words) + content_flags((quote.get("text") or "").split(), words)
    return [f"{name}|{quote.get('kind')}" for name in found] + found


def described(quote: dict) -> list[str]:
    """What produced the quote: its kind, passes, speaker kind, act, cue word and length."""
    cue = (quote.get("cue") or "").lower().split()
    length = len((quote.get("text") or "").split())
    return [
        f"kind={quote.get('kind')}",
        f"found_by={quote.get('found_by') or 'none'}",
        f"resolved_by={quote.get('resolved_by') or 'none'}",
        f"speaker_kind={quote.get('speaker_kind') or 'none'}",
        f"act={quote.get('act') or 'said'}",
        f"cue={cue[-1] if cue else 'none'}",
        f"length={next((name for top, name in LENGTHS if length <= top), 'very long')}",
    ]


def speaker_flags(quote: dict, words: FilterWords) -> list[str]:
    flags = []
    speaker = (quote.get("speaker") or "").strip().lower()
    if speaker in words.speaking_pronouns:
        flags.append("speaker=first or second person")
    if any(w in words.proportion_words or w.isdigit() for w in speaker.replace("%", " % ").split()):
        flags.append("speaker=counted group")  # 'half of all Americans', 'three of four voters': a poll's

    resolved = quote.get("speaker_resolved")
    if not resolved:
        flags.append("speaker=unresolved")
    elif resolved[:1].islower():
        flags.append("speaker=lower-case")
    return flags


def content_flags(content: list[str], words: FilterWords) -> list[str]:
    first = content[0].lower() if content else ""
    flags = []
    if first in words.complementisers:
        flags.append("content=opens with that")
    if first in words.infinitive_markers:
        flags.append("content=infinitive")
    return flags


@dataclass(frozen=True)
class QuoteFilter(LinearModel):
    kinds: frozenset[str] = frozenset({"indirect"})  # the kinds of quote it judges; others are kept

    @classmethod
    def load(cls, path: Path | None = None) -> QuoteFilter:
        path = path or PACKAGED
        model, kinds = read_model(path, "quote filter", "kinds", ("indirect",))
        return cls(model.weights, model.bias, model.threshold, kinds)

    def keeps(self, quote: dict) -> bool:
        return quote.get("kind") not in self.kinds or self.probability(features(quote)) >= self.threshold
