"""Score extraction against gold data: quotes (PolNeAR format) and events (seeds format)."""

from __future__ import annotations

__all__ = ["score", "score_events"]


def __getattr__(name: str):
    """The scorers, imported when first asked for, so that the CLI can read a default (the
    split's path) from this package without loading them."""
    if name == "score":
        from .quotes import score

        return score
    if name == "score_events":
        from .events import score_events

        return score_events
    raise AttributeError(f"module 'crossfloor.evaluate' has no attribute {name!r}")
