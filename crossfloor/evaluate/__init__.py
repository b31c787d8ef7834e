"""Score extraction against gold data: quotes (PolNeAR format) and events (seeds format)."""

from .events import score_events
from .quotes import score

__all__ = ["score", "score_events"]
