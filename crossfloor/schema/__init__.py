"""The ground floor: plain records every stage shares (read -> analyse -> store -> serve) and the
declarations every floor reads (the event types' specs, `schema.events`). Nothing here imports
spaCy or any other part of crossfloor, so the store and the web app can read these contracts
without loading the pipeline."""

from .analysed import AnalysedArticle
from .records import QUOTE_FIELDS, Article, Quote

__all__ = ["QUOTE_FIELDS", "AnalysedArticle", "Article", "Quote"]
