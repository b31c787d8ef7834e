"""Pictures drawn on the server as SVG (no JavaScript): each bar carries its number and label in
text, so nothing is told by colour alone. The templates escape every label.

Each chart is drawn twice, at a desktop's width and at a phone's (NARROW pixels, labels above
their bars), and the stylesheet shows the one that fits: an SVG scaled down to a phone's width
would shrink its text to a few pixels."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

WIDTH = 720
NARROW = 340
BAR = 22
# Months of quotes drawn one bar each; a longer span is drawn a bar per year.
MAX_MONTHS = 120


@dataclass(frozen=True)
class Frame:
    """Where a chart's parts go: its width, the x where bars start, the room left after them,
    the height of one row, the bar's offset and height in its row, and the label's baseline."""

    width: int
    left: int
    room: int
    row: int
    bar_y: int
    bar_h: int
    label_y: int


# Desktop: labels in a column left of the bars. Phone: each label on a line above its bar.
BARS_WIDE, BARS_NARROW = Frame(WIDTH, 220, 40, BAR + 6, 0, BAR, 15), Frame(NARROW, 0, 40, 36, 16, 16, 12)
LANES_WIDE, LANES_NARROW = Frame(WIDTH, 120, 20, 28, 0, 20, 15), Frame(NARROW, 4, 8, 38, 16, 18, 12)


def bar_rows(rows: list[dict], label: str, value: str, frame: Frame) -> dict:
    top = max((r[value] for r in rows), default=0) or 1
    span = frame.width - frame.left - frame.room
    out = []
    for k, row in enumerate(rows):
        w = round(max(2.0, row[value] / top * span), 1) if row[value] else 0
        out.append({"y": 6 + k * frame.row, "w": w, "label": str(row[label]), "value": row[value]})
    return {"width": frame.width, "height": 12 + len(rows) * frame.row, "left": frame.left, "bar_y": frame.bar_y, "bar_h": frame.bar_h, "label_y": frame.label_y, "bars": out}


def bars(rows: list[dict], label: str, value: str = "count") -> dict:
    """Horizontal bars, one a row (a row of 0 has no bar, only its number): {'width', 'height',
    'left', 'bars': [{'y', 'w', 'label', 'value'}], 'narrow': the same for a phone}."""
    return {**bar_rows(rows, label, value, BARS_WIDE), "narrow": bar_rows(rows, label, value, BARS_NARROW)}


def switches_chart(rows: list[dict]) -> dict:
    """Party switches by year and party joined: one bar per (year, party)."""
    labelled = [{"what": f"{r['year'] or 'undated'} · to {r['party']}", "count": r["count"]} for r in rows]
    return bars(labelled, "what")


def every_month(rows: list[dict]) -> tuple[list[dict], str]:
    """Counts by month ('YYYY-MM') with every month between the first and the last, empty ones
    as 0; over MAX_MONTHS months, counts by year with every year between. Returns the rows
    and their unit ('month' or 'year')."""
    if not rows:
        return [], "month"
    counts = {r["month"]: r["count"] for r in rows}
    first, last = (tuple(map(int, m.split("-"))) for m in (min(counts), max(counts)))
    months = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if months > MAX_MONTHS:
        years: dict[int, int] = defaultdict(int)
        for month, n in counts.items():
            years[int(month[:4])] += n
        return [{"month": str(y), "count": years.get(y, 0)} for y in range(first[0], last[0] + 1)], "year"
    out = []
    for k in range(months):
        y, m = divmod(first[0] * 12 + first[1] - 1 + k, 12)
        key = f"{y:04d}-{m + 1:02d}"
        out.append({"month": key, "count": counts.get(key, 0)})
    return out, "month"


def party_timeline(parties: list[dict]) -> dict:
    """The SVG party history: one lane per party, bars placed by the dates articles give, at a
    desktop's width and (narrow) a phone's."""
    dated = [p for p in parties if p.get("first")]
    undated = [p["name"] or "?" for p in parties if not p.get("first")]
    wide = lanes(dated, LANES_WIDE)
    return {**wide, "narrow": lanes(dated, LANES_NARROW), "undated": undated}


def lanes(dated: list[dict], frame: Frame) -> dict:
    if not dated:
        return {"width": frame.width, "height": 0, "bars": [], "ticks": [], "lanes": []}
    first = min(date.fromisoformat(p["first"]) for p in dated)
    last = max(date.fromisoformat(p["last"] or p["first"]) for p in dated)
    span = max((last - first).days, 1)

    def x(d: str) -> float:
        return frame.left + (date.fromisoformat(d) - first).days / span * (frame.width - frame.left - frame.room)

    names = list(dict.fromkeys(p["name"] or "(no party)" for p in dated))
    height = 30 + len(names) * frame.row
    # The first date is written from its tick rightwards, the last leftwards, so neither is cut.
    ticks = [{"x": round(x(d.isoformat()), 1), "label": d.isoformat(), "anchor": "start" if d == first else "end"} for d in sorted({first, last})]
    return {
        "width": frame.width, "height": height, "bars": [lane_bar(p, names, x, frame) for p in dated], "ticks": ticks, "bar_h": frame.bar_h,
        "lanes": [{"name": n, "y": 10 + k * frame.row + frame.label_y} for k, n in enumerate(names)],
    }


def lane_bar(party: dict, names: list[str], x, frame: Frame) -> dict:
    """One party's bar in its lane, from its first to its last date (x: a day's position)."""
    name = party["name"] or "(no party)"
    ends = party["last"] or party["first"]
    x0, x1 = x(party["first"]), x(ends)
    return {
        "x": round(x0, 1), "y": 10 + names.index(name) * frame.row + frame.bar_y, "w": round(max(x1 - x0, 6), 1), "label": name,
        "tip": f"{name}: {party['first']}..{ends} ({party['source']})", "switch": party["source"] != "described",
    }
