"""What every output shares, whatever draws it (the terminal, the web app, CSV and JSON files):
flat rows, CSV cells, one line saying what an event is, and its date."""

from __future__ import annotations

import csv
import io
import json

from .schema.events import SPECS

COLUMNS = ("article_id", "published", "speaker_resolved", "speaker", "kind", "text", "cue", "venue", "speaker_role", "speaker_party")


def csv_fields(rows: list[dict]) -> list[str]:
    """Every key any row has, in first-seen order (events of different types differ)."""
    return list(dict.fromkeys(k for row in rows for k in row))


# A cell a spreadsheet would evaluate as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """Nested values (sources, date ranges) as JSON text; text that a spreadsheet would run as
    a formula gets a leading apostrophe, as OWASP advises (numbers stay numbers)."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: dict) -> dict:
    return {k: csv_cell(v) for k, v in row.items()}


def format_rows(rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=csv_fields(rows) if rows else list(COLUMNS), restval="")
        writer.writeheader()
        writer.writerows(csv_row(r) for r in rows)
        return buffer.getvalue()
    raise ValueError(fmt)


def describe_event(e: dict) -> str:
    """One line saying what happened: 'Christian Wakeford: Conservative -> Labour (defection)'."""
    kind = SPECS.get(e["type"])
    return kind.describe(e) if kind is not None else e["type"]


def when(e: dict) -> str:
    if e.get("date"):
        return e["date"]
    if e.get("date_range"):
        first, last = e["date_range"]
        return f"{first}..{last}"
    return ""


def provenance(quote: dict) -> str:
    """Which rules made a quote, for people reading it: 'found by according_to · speaker by
    surname' (empty for quotes stored before provenance was recorded)."""
    found, resolved = quote.get("found_by"), quote.get("resolved_by")
    return " · ".join(x for x in (f"found by {found}" if found else "", f"speaker by {resolved}" if resolved else "") if x)


def quote_piece(quote: dict, speakers: list[str]) -> dict:
    who = quote["speaker"] or "(unknown)"
    act = "thought" if quote.get("act") == "thought" else ""
    details = (who, quote["kind"], act, f"cue: {quote['cue']}" if quote["cue"] else "", f"venue: {quote['venue']}" if quote["venue"] else "", provenance(quote))
    return {"colour": speakers.index(who) % 8, "tip": " · ".join(x for x in details if x), "person_id": quote["person_id"], "speaker": who}


def speakers_of(quotes: list[dict]) -> list[str]:
    """Each speaker once, in order of first quote: a speaker's colour is their place here."""
    return list(dict.fromkeys(q["speaker"] or "(unknown)" for q in quotes))


def markup(text: str, quotes: list[dict], reports: list[dict], mark: tuple[int, int] | None = None) -> tuple[list[dict], list[str]]:
    """The article as pieces, each with the quote (and speaker colour) and event sentence that
    cover it, and whether it lies in the marked range (the words a link pointed at); the first
    piece of each quote, report and of the mark carries its anchor (q-ID, e-ID, m). The
    template escapes every piece, so untrusted text stays text."""
    speakers = speakers_of(quotes)
    cuts = {0, len(text), *(mark or ())}
    for item in (*quotes, *reports):
        cuts.update((item["start"], item["end"]))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    segments = [piece_of(text, start, end, quotes, reports, mark, speakers) for start, end in zip(points, points[1:])]
    return segments, speakers


def piece_of(text: str, start: int, end: int, quotes: list[dict], reports: list[dict], mark: tuple[int, int] | None, speakers: list[str]) -> dict:
    """One piece of the article, from start to end, with what covers it (see markup)."""
    quote = next((q for q in quotes if q["start"] <= start and end <= q["end"]), None)
    report = next((r for r in reports if r["start"] <= start and end <= r["end"]), None)
    return {
        "text": text[start:end],
        "quote": quote_piece(quote, speakers) if quote is not None else None,
        "event": {"id": report["canonical_id"], "type": report["type"]} if report is not None else None,
        "last_of_quote": quote is not None and end == quote["end"],
        "marked": mark is not None and mark[0] <= start and end <= mark[1],
        "anchors": anchors_at(start, quote, report, mark),
    }


def anchors_at(start: int, quote: dict | None, report: dict | None, mark: tuple[int, int] | None) -> list[str]:
    found = []
    if mark is not None and start == mark[0]:
        found.append("m")
    if quote is not None and start == quote["start"] and quote.get("id") is not None:
        found.append(f"q-{quote['id']}")
    if report is not None and start == report["start"] and report.get("id") is not None:
        found.append(f"e-{report['id']}")
    return found


ARTICLE_STYLE = (
    ".crossfloor{font:16px/1.6 system-ui,sans-serif;max-width:48rem;white-space:pre-wrap}"
    ".crossfloor .q{border-radius:.2em;padding:0 .1em}"
    ".crossfloor .c0{background:#dbeafe}.crossfloor .c1{background:#fce7f3}.crossfloor .c2{background:#dcfce7}.crossfloor .c3{background:#fef3c7}"
    ".crossfloor .c4{background:#ede9fe}.crossfloor .c5{background:#ffe4e6}.crossfloor .c6{background:#cffafe}.crossfloor .c7{background:#f3f4f6}"
    ".crossfloor .ev{text-decoration:underline wavy #d97706;text-underline-offset:3px}"
    ".crossfloor .who{font-size:.75em;font-weight:600;vertical-align:super;margin-left:.2em}"
)


def article_html(text: str, quotes: list[dict], events: list[dict]) -> str:
    """The article with its quotes marked by speaker (named beside each quote, so colour is not
    the only clue) and its event sentences underlined, as one escaped HTML fragment: article
    text is untrusted, so every piece of it is escaped."""
    from markupsafe import escape

    segments, _ = markup(text, quotes, events)
    parts = []
    for seg in segments:
        piece = escape(seg["text"])
        quote, event = seg["quote"], seg["event"]
        if quote is not None:
            classes = f"q c{quote['colour']}" + (" ev" if event else "")
            piece = f'<span class="{classes}" title="{escape(quote["tip"])}">{piece}</span>'
            if seg.get("last_of_quote"):
                piece += f'<span class="who">{escape(quote["tip"].split(" · ")[0])}</span>'
        elif event is not None:
            piece = f'<span class="ev" title="{escape(event["type"].replace("_", " "))}">{piece}</span>'
        parts.append(str(piece))
    return f'<style>{ARTICLE_STYLE}</style><div class="crossfloor">{"".join(parts)}</div>'

