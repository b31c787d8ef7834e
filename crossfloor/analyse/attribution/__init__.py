"""Find attributions (source, cue, content) in a parsed document, by named passes in order
(`registry.DEFAULT_PASSES`; docs/architecture.md lists them).

Two routes meet here:
* cue-first: a speech or belief verb with a clausal complement gives indirect or mixed speech
  ("X said (that) ...", "..., X said", "according to X, ...");
* mark-first: every quotation-mark span (see marks.py) looks for the cue that introduces it
  (adjacent before or after, a colon-ended lead-in, a governing verb or noun), else inherits the
  speaker of the quote it continues.
Each attribution records the pass that found it (`found_by`). Speakers are left as tokens here;
speakers.py turns them into people.
"""

from ..lexicon import cue_lexicon
from .finder import AttributionFinder
from .grammar import says_nothing
from .record import Attribution
from .registry import DEFAULT_PASSES, PASSES

# Words that open a relative clause whose antecedent is the speaker (data: cues.json), for
# speakers.py.
RELATIVE_PRONOUNS: frozenset[str] = cue_lexicon().relative_pronouns

__all__ = ["Attribution", "AttributionFinder", "DEFAULT_PASSES", "PASSES", "RELATIVE_PRONOUNS", "says_nothing"]
