"""The ground floor: declarations every floor reads (the event types' specs), with no spaCy and
no imports from the floors above."""
