"""crossfloor: who said what, and who switched sides, in political news.

    >>> import crossfloor
    >>> nlp = crossfloor.load()              # the spaCy pipeline (fast=True: rules only)
    >>> doc = nlp(text, published="2022-01-20")  # doc._.quotes, doc._.events, doc._.people
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


def load(fast: bool = False, attribution_model: str | None = None) -> Pipeline:
    """The crossfloor spaCy pipeline: the packaged English model and the rules, as `crossfloor
    extract` runs it. attribution_model: 'packaged' (or a trained model's directory) adds the
    attribution tagger; fast=True forces rules only whatever the settings say. Loaded once per
    process and kept. Its Docs carry what `crossfloor extract` finds in the same text (see
    Pipeline)."""
    from .analyse.pipeline import build_pipeline

    return Pipeline(build_pipeline("none" if fast else attribution_model))


class Pipeline:
    """The spaCy pipeline (every attribute of its Language: pipe_names, analyze_pipes, ...),
    called as `crossfloor extract` and `ingest` run it, so that one text gets one answer: page
    furniture (datelines, captions, "Share this article") is blanked before the analysis, with
    every offset kept, event dates are settled, relative ones ("on Tuesday") against
    `published` (a date or YYYY-MM-DD) when it is given, and the learned event filter keeps or
    drops each event. A text over 200,000 characters is
    analysed in windows by `crossfloor.extract` only."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __getattr__(self, name: str):
        return getattr(self.nlp, name)

    def __call__(self, text: str, published: date | str | None = None):
        return next(self.pipe([text], published))

    def pipe(self, texts: Iterable[str], published: date | str | None = None, batch_size: int = 16) -> Iterator:
        from .analyse.event_filter import filter_in_use, kept_events
        from .analyse.events.timing import settle
        from .read.formats import parse_date
        from .read.furniture import mask_furniture

        day = parse_date(published)
        judge = filter_in_use()
        for doc in self.nlp.pipe((mask_furniture(text) for text in texts), batch_size=batch_size):
            settle(doc._.events or [], day)
            doc._.events = kept_events(doc._.events or [], doc.text, day, judge)
            yield doc


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
