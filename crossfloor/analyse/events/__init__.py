"""Political events in an article, one module per event type (see registry.py); the spaCy side
is `finder.EventFinder`. Importing this package needs no spaCy."""

from .base import BLOCKED, Conflict, EventType, Key
from .registry import COMMON_FIELDS, REGISTRY, event_type, names

__all__ = ["BLOCKED", "COMMON_FIELDS", "Conflict", "EventType", "Key", "REGISTRY", "event_type", "names"]
