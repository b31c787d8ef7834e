"""Readers for each input format: plain text, HTML, JSON Lines and RSS/Atom feeds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime

from ..schema import Article
from .checks import Unreadable

HEADLINE_MAX_WORDS = 25


def parse_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    text = str(value).strip()
    for candidate in (text[:10], text):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def from_text(text: str, source: str) -> Article:
    """Plain text; a short first line followed by a blank line is the headline."""
    lines = text.lstrip("\ufeff").split("\n")
    title = None
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip():
        first = lines[0].strip()
        if len(first.split()) <= HEADLINE_MAX_WORDS:
            title = first.rstrip(".")
    return Article(text=text, title=title, source=source)


def from_html(html: str, source: str) -> Article:
    """Main text and metadata of a web page, with boilerplate removed by trafilatura."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as err:  # trafilatura raises many kinds on hostile markup
        raise Unreadable(f"HTML could not be parsed ({type(err).__name__})") from None
    if result is None:
        raise Unreadable("no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise Unreadable("no article text found in the HTML")
    title = data.get("title")
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return Article(
        text=body,
        title=title,
        published=parse_date(data.get("date")),
        outlet=data.get("sitename") or data.get("hostname"),
        url=data.get("url"),
        source=source,
    )


# The fields of a JSON record and the JSON types each may have (null is always allowed).
RECORD_FIELDS = {"text": (str,), "id": (str, int), "title": (str,), "outlet": (str,), "url": (str,),
                 "published": (str, int), "date": (str, int), "meta": (dict,)}
META_FIELDS = {"title": (str,), "publisher": (str,), "publication_date": (str,)}
JSON_TYPES = {str: "a string", int: "a number", float: "a number", bool: "true or false", dict: "an object", list: "an array"}


def checked_fields(record: dict, types: dict, prefix: str = "") -> dict:
    """The record's known fields, each of a type it may have; any other is one clear line."""
    for key, allowed in types.items():
        value = record.get(key)
        if value is not None and (not isinstance(value, allowed) or isinstance(value, bool)):
            wanted = " or ".join(JSON_TYPES[t] for t in allowed)
            raise Unreadable(f"'{prefix}{key}' must be {wanted}, not {JSON_TYPES.get(type(value), type(value).__name__)}")
    return record


def from_json_record(record: dict, source: str) -> Article:
    if not isinstance(record, dict):
        raise Unreadable("a JSON line must be an object with a 'text' field")
    record = checked_fields(record, RECORD_FIELDS)
    meta = checked_fields(record.get("meta") or {}, META_FIELDS, "meta.")
    text = record.get("text")
    if not text or not text.strip():
        raise Unreadable("no 'text' field (or it is empty)")
    published = record.get("published") or record.get("date") or meta.get("publication_date")
    return Article(
        text=text,
        id=str(record["id"]) if record.get("id") is not None else None,
        title=record.get("title") or meta.get("title"),
        published=parse_date(published),
        outlet=record.get("outlet") or meta.get("publisher"),
        url=record.get("url"),
        source=source,
    )


def from_jsonl(lines: Iterator[str], source: str, first: int = 1) -> Iterator[Article | Unreadable]:
    for number, line in enumerate(lines, first):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield from_json_record(json.loads(line), where)
        except json.JSONDecodeError as err:
            yield Unreadable(f"{where}: invalid JSON ({err.msg})")
        except RecursionError:
            yield Unreadable(f"{where}: invalid JSON (nested too deeply)")
        except ValueError as err:  # a number too long to convert
            yield Unreadable(f"{where}: invalid JSON ({err})")
        except Unreadable as err:
            yield Unreadable(f"{where}: {err}")


def from_feed(data: bytes, source: str) -> Iterator[Article | Unreadable]:
    """RSS or Atom with full text in each entry (content:encoded, content or summary)."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise Unreadable(f"no feed entries found{f' ({reason})' if reason else ''}")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}#{number}"
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        text = html_to_text(html)
        if not text.strip():
            yield Unreadable(f"{where}: entry has no text")
            continue
        title = entry.get("title")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(
            text=f"{title}\n\n{text}" if title else text,
            id=entry.get("id"),
            title=title,
            published=date(*published[:3]) if published else None,
            outlet=outlet,
            url=entry.get("link"),
            source=where,
        )


def html_to_text(html: str) -> str:
    """Paragraph text of an HTML fragment (a feed entry), one paragraph per line."""
    if "<" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except Exception:
        return ""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = root.xpath("//p|//li|//blockquote|//h1|//h2|//h3")
    if blocks:
        parts = [" ".join(b.text_content().split()) for b in blocks]
    else:
        parts = [line.strip() for line in root.text_content().split("\n")]
    return "\n".join(p for p in parts if p)
