"""crossfloor: who said what, and who switched sides, in political news.

    >>> import crossfloor
    >>> nlp = crossfloor.load()              # the spaCy pipeline (fast=True: rules only)
    >>> doc = nlp(text)                      # doc._.quotes, doc._.events, doc._.people
    >>> for record in crossfloor.extract(texts, published="2022-01-20"): ...
    >>> crossfloor.render(doc)               # the article as HTML (shown inline in a notebook)

docs/api.md has the whole of it, with examples that the tests run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

__version__ = "0.1.0"
__all__ = ["load", "extract", "render", "Quote", "Event", "Person", "Article", "__version__"]


def __getattr__(name: str):
    """The records, imported when first asked for (importing crossfloor stays light)."""
    if name in ("Quote", "Article"):
        from . import schema

        return getattr(schema, name)
    if name == "Event":
        from .analyse.events.record import Event

        return Event
    if name == "Person":
        from .analyse.cast import Person

        return Person
    raise AttributeError(f"module 'crossfloor' has no attribute {name!r}")


def load(fast: bool = False, attribution_model: str | None = None):
    """The crossfloor spaCy pipeline: the packaged English model, the rules and (unless fast)
    the trained attribution tagger. attribution_model: a trained model's directory instead of
    the packaged one. Loaded once per process and kept."""
    from .analyse.pipeline import build_pipeline

    return build_pipeline("none" if fast else attribution_model or "packaged")


def extract(texts: Iterable, published: date | str | None = None, fast: bool = False, attribution_model: str | None = None) -> Iterator[dict]:
    """One record per text, in order, as `crossfloor extract` writes them: {"id", "quotes",
    "events"} (and "error" for a text that could not be analysed). A text is a string, or a
    dict with "text" and optional "id" and "published"; published (a date or YYYY-MM-DD) is
    the default publication date, which resolves relative dates ("on Wednesday")."""
    from .analyse.run import analyse_texts
    from .read.formats import parse_date

    nlp = load(fast, attribution_model)
    default = parse_date(published)
    for number, item in enumerate(texts):
        record = item if isinstance(item, dict) else {"text": item}
        result = analyse_texts(nlp, [(record.get("text") or "", parse_date(record.get("published")) or default)])[0]
        yield {"id": record.get("id", number), **result.to_dict()}


def render(doc, jupyter: bool | None = None) -> str | None:
    """The article view of a Doc the pipeline made: quotes marked by speaker (and named beside
    them), event sentences underlined, every piece of the text escaped. In a notebook (or with
    jupyter=True) it is shown inline and nothing is returned, as displaCy does; otherwise the
    HTML is returned."""
    from .present import article_html

    quotes = [{**q.to_dict(), "speaker": q.speaker_resolved or q.speaker, "person_id": None} for q in doc._.quotes or []]
    events = [{**e.to_dict(), "canonical_id": None} for e in doc._.events or []]
    html = article_html(doc.text, quotes, events)
    if jupyter is None:
        jupyter = in_notebook()
    if not jupyter:
        return html
    from IPython.display import HTML, display

    display(HTML(html))
    return None


def in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"
