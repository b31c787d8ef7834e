"""What every fuzz target asserts of what reading yields: articles whose text fields are strings
a database can hold, or skips with a one-line reason naming their input."""

from crossfloor.read import Skipped
from crossfloor.read.checks import UNSTORABLE
from crossfloor.schema import Article

TEXT_FIELDS = ("text", "id", "title", "outlet", "url", "source")


def check_items(items) -> None:
    for item in items:
        if isinstance(item, Skipped):
            assert item.source and item.reason and "\n" not in item.reason, item
            continue
        assert isinstance(item, Article) and isinstance(item.text, str) and item.text.strip(), item
        for name in TEXT_FIELDS:
            value = getattr(item, name)
            assert value is None or isinstance(value, str) and not UNSTORABLE.search(value), (name, value)
