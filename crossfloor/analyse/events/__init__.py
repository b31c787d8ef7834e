"""Political events in an article, one module per event type (see registry.py; each type's
declaration is its spec in crossfloor/schema/events.py); the spaCy side is `finder.EventFinder`,
which runs the passes of passes.py. Importing this package needs no spaCy."""

from .base import BLOCKED, EventType, Readers
from .passes import DEFAULT_PASSES
from .registry import REGISTRY

__all__ = ["BLOCKED", "DEFAULT_PASSES", "EventType", "Readers", "REGISTRY"]
