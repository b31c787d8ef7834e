"""Pictures drawn on the server as SVG (no JavaScript): each bar carries its number and label in
text, so nothing is told by colour alone. The templates escape every label."""

from __future__ import annotations

WIDTH = 720
BAR = 22


def bars(rows: list[dict], label: str, value: str = "count") -> dict:
    """Horizontal bars, one a row: {'width', 'height', 'bars': [{'y', 'w', 'label', 'value'}]}."""
    top = max((r[value] for r in rows), default=0) or 1
    out = []
    for k, row in enumerate(rows):
        out.append({"y": 6 + k * (BAR + 6), "w": round(max(2.0, row[value] / top * (WIDTH - 260)), 1), "label": str(row[label]), "value": row[value]})
    return {"width": WIDTH, "height": 12 + len(rows) * (BAR + 6), "bars": out}


def switches_chart(rows: list[dict]) -> dict:
    """Party switches by year and party joined: one bar per (year, party)."""
    labelled = [{"what": f"{r['year'] or 'undated'} · to {r['party']}", "count": r["count"]} for r in rows]
    return bars(labelled, "what")
