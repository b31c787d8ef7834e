"""crossfloor's editable data: word lists, parties, posts and page-furniture patterns as JSON.

`load(name)` is the one way in, for every floor of the pipeline (read, analyse, link): a file
named here, or a user's edited copy at `path`."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


def load(name: str, path: str | Path | None = None) -> dict:
    """The JSON data file `name` of this package, or the file at `path` when one is given."""
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
