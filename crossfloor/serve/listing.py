"""What every list page has, as users of datasette expect: a row count, columns that sort,
facets with counts that filter, paging, CSV and JSON links that give exactly the rows on the
page, and exports of every row the filters keep (serve/exports.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode


EXPORTABLE = ("quotes", "events", "people", "timeline", "flags", "utterances")


@dataclass
class Listing:
    path: str  # the page, '/events'
    api: str  # the API list with the same filters, '/api/events'
    filters: dict[str, str]  # the filters as given (empty ones left out of links)
    sort: str
    page: int
    size: int
    total: int
    shown: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def url(self, **changes) -> str:
        params = {**self.filters, "sort": self.sort, "page": self.page, **changes}
        return f"{self.path}?{urlencode({k: v for k, v in params.items() if v not in (None, '')})}"

    def sort_url(self, column: str) -> str:
        return self.url(sort=column, page=1)

    def facet_url(self, name: str, value: str) -> str:
        active = self.filters.get(name) == value
        return self.url(**{name: "" if active else value, "page": 1})

    def data_url(self, fmt: str) -> str:
        params = {**self.filters, "sort": self.sort, "limit": self.size, "offset": (self.page - 1) * self.size}
        if fmt == "csv":
            params["format"] = "csv"
        return f"{self.api}?{urlencode({k: v for k, v in params.items() if v not in (None, '')})}"

    def export_url(self, fmt: str) -> str | None:
        """Every row the filters keep, streamed (None for a list that has no export)."""
        name = self.api.rsplit("/", 1)[-1]
        if name not in EXPORTABLE:
            return None
        params = {**self.filters, "sort": self.sort, "format": fmt}
        return f"/api/export/{name}?{urlencode({k: v for k, v in params.items() if v not in (None, '')})}"

    @property
    def first_row(self) -> int:
        return (self.page - 1) * self.size + 1 if self.shown else 0

    @property
    def last_row(self) -> int:
        return (self.page - 1) * self.size + self.shown

    @property
    def more(self) -> bool:
        return self.last_row < self.total
