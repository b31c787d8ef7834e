"""Resolve source mentions to people within one article, and say where and as what they spoke.

No offline coreference model exists, so resolution is explicit, as a multi-pass sieve: the
article's cast (`casting.py`: people by surname in their fullest form, by the role written beside
their name, and their mentions) is built once, then each source goes through the passes of
`order.py` in turn until one settles it; the quote records that pass as `resolved_by`. Each pass is
a module of `passes/`; `DEFAULT_PASSES` is their order, and a pipeline's `passes` config runs a
subset (a pass left out is switched off).

The events code uses `SpeakerResolver.who`, `.role_phrase`, `.name_tokens` and `.people`.
"""

from .order import DEFAULT_PASSES
from .resolver import SpeakerResolver

__all__ = ["DEFAULT_PASSES", "SpeakerResolver"]
