"""The terminal's tables (rich): quotes, events, people, timelines, stories, search hits, scores,
words quoted by several outlets with each outlet's version, and an article with its quotes
highlighted by speaker."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..present import describe_event, when

SPEAKER_STYLES = ["cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta", "bright_green"]


def quote_table(rows: list[dict]) -> Table:
    """Quotes, one per row. The cue ('said', 'according to') is short and is kept whole, with
    the kind of quote under it; the quote, the speaker and the venue wrap into what room is left
    (at 80 columns too)."""
    table = Table(show_lines=False, header_style="bold", expand=True)
    table.add_column("art", justify="right", no_wrap=True)
    table.add_column("speaker", ratio=3)
    table.add_column("quote", ratio=6)
    table.add_column("cue, kind", no_wrap=True, max_width=CUE_WIDTH)
    table.add_column("venue", ratio=2)
    for r in rows:
        quote = r["text"] if len(r["text"]) <= 300 else r["text"][:297] + "..."
        how = Text(r["cue"] or "")
        how.append(("\n" if r["cue"] else "") + r["kind"] + ("\nthought" if r.get("act") == "thought" else ""), style="dim")
        table.add_row(str(r["article_id"]), speaker_cell(r), Text(quote), how, Text(r["venue"] or ""))
    return table


# The longest cue shown whole ('according to', 'has warned'); a longer one takes the cut.
CUE_WIDTH = 14


def speaker_cell(r: dict) -> Text:
    """The speaker's name, then role and party in brackets on the next line: wrapped into a
    narrow column, and with no colour when piped, the two still read apart."""
    name = r["speaker_resolved"] or "(unknown)"
    cell = Text(name)
    extra = "; ".join(x for x in (r.get("speaker_role"), r.get("speaker_party")) if x and x != name)
    if extra:
        cell.append(f"\n({extra})", style="dim")
    return cell


def news_label(news: bool | None) -> str:
    """Which an event is: news, background (history mentioned in passing), or not known."""
    return {True: "news", False: "background"}.get(news, "?")


def event_table(rows: list[dict], width: int | None = None) -> Table:
    """Events, one per row; the evidence sentence is shown when the terminal has room for it."""
    wide = (width or console().width) >= 140
    table = Table(header_style="bold", expand=True)
    table.add_column("art", justify="right", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("what", ratio=4)
    if wide:
        table.add_column("evidence", ratio=5)
    table.add_column("status", no_wrap=True)
    table.add_column("news", no_wrap=True)
    for r in rows:
        sentence = r.get("sentence") or ""
        cells = [str(r["article_id"]), when(r) or Text(r.get("date_text") or "", style="dim"), Text(describe_event(r))]
        if wide:
            cells.append(Text(sentence if len(sentence) <= 160 else sentence[:157] + "..."))
        table.add_row(*cells, r.get("status") or "", news_label(r.get("news")))
    return table


def source_line(e: dict) -> str:
    sources = e.get("sources") or []
    outlets = ", ".join(f"#{s['article_id']}" + (f" {s['outlet']}" if s.get("outlet") else "") for s in sources[:4])
    more = f" +{len(sources) - 4}" if len(sources) > 4 else ""
    return f"{len(sources)} source(s): {outlets}{more}"


def canonical_event_table(rows: list[dict]) -> Table:
    table = Table(header_style="bold", expand=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("what", ratio=4)
    table.add_column("sources", ratio=2)
    table.add_column("status", no_wrap=True)
    table.add_column("news", no_wrap=True)
    for r in rows:
        status = r.get("status") or ""
        if r.get("conflicts"):
            status = (status + " " if status else "") + "conflicts with " + ", ".join(f"#{c}" for c in r["conflicts"])
        reported = min((src["published"] for src in r.get("sources") or [] if src.get("published")), default=None)
        day = when(r) or (Text(f"reported {reported}", style="dim") if reported else "")
        table.add_row(str(r["id"]), day, Text(describe_event(r)), Text(source_line(r)), status, news_label(r.get("news")))
    return table


def people_table(rows: list[dict]) -> Table:
    table = Table(header_style="bold", expand=True)
    for column, ratio in (("id", None), ("name", 2), ("also", 2), ("parties", 3), ("roles", 3), ("record", 3), ("quotes", None), ("articles", None)):
        table.add_column(column, ratio=ratio, justify="right" if ratio is None else "left")
    for r in rows:
        parties = "; ".join(f"{p['name'] or '?'}" + (f" ({p['first']})" if p.get("first") else "") + (" [record]" if p.get("source") == "record" else "") for p in r["parties"])
        roles = "; ".join(x["name"] for x in r["roles"])
        table.add_row(str(r["id"]), Text(r["name"]), Text(", ".join(r["aliases"])), Text(parties), Text(roles), Text(record_line(r)), str(r["quote_count"]), str(r["articles"]))
    return table


def record_line(person: dict) -> str:
    """What the reference record holds of a linked person, in a line: its ids, then each seat
    with its chamber, party and dates ('House of Commons, Witney: Labour 1999-12-18..2001-06-07')."""
    record = person.get("record")
    if not record:
        return ""
    ids = [f"{scheme} {person[scheme]}" for scheme in ("wikidata", "parlparse", "bioguide") if person.get(scheme)] or [record["id"]]
    seats = [
        f"{m['chamber'] or '?'}, {m['seat'] or m['region'] or '?'}: {m['party'] or 'no party'} {m['start'] or '?'}..{m['end'] or ''}"
        for m in record["memberships"]
    ]
    posts = [f"{p['role']} {p['start'] or '?'}..{p['end'] or ''}" for p in record["posts"]]
    return "; ".join([" ".join(ids), *seats, *posts])


def timeline_table(rows: list[dict]) -> Table:
    table = Table(header_style="bold", expand=True)
    table.add_column("when", no_wrap=True)
    table.add_column("what", ratio=5)
    table.add_column("source", ratio=2)
    for item in rows:
        what = item["what"]
        if item["kind"] == "event":
            table.add_row(item["date"] or "", Text(describe_event(what)), Text(source_line(what)))
        else:
            text = what["text"] if len(what["text"]) <= 200 else what["text"][:197] + "..."
            table.add_row(item["date"] or "", Text(f"{what['speaker']}: \u201c{text}\u201d"), Text(f"#{what['article_id']} {what.get('outlet') or ''}"))
    return table


def story_table(rows: list[dict]) -> Table:
    table = Table(header_style="bold", expand=True)
    table.add_column("story", justify="right", no_wrap=True)
    table.add_column("dates", no_wrap=True)
    table.add_column("articles", ratio=6)
    for r in rows:
        dates = f"{r['first']}..{r['last']}" if r["first"] else ""
        lines = [f"#{a['article_id']} {a['title'] or a.get('source') or ''}" + (f" (+{len(a['copies'])} copies)" if a["copies"] else "") for a in r["articles"]]
        table.add_row(str(r["id"]), dates, Text("\n".join(lines)))
    return table


def search_table(rows: list[dict]) -> Table:
    table = Table(header_style="bold", expand=True)
    table.add_column("art", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("who", ratio=1)
    table.add_column("text", ratio=6)
    for r in rows:
        text = r["text"] if len(r["text"]) <= 240 else r["text"][:237] + "..."
        table.add_row(str(r["article_id"]), r["kind"], Text(r.get("speaker") or ""), Text(text))
    return table


def highlighted_article(text: str, quotes: list[dict]) -> tuple[Text, Table]:
    """The article text with each quote coloured by speaker, cues bold, mentions underlined."""
    styles: dict[str, str] = {}
    body = Text(text)
    for q in quotes:
        who = q.get("speaker_resolved") or "(unknown)"
        style = styles.setdefault(who, SPEAKER_STYLES[len(styles) % len(SPEAKER_STYLES)])
        body.stylize(style, q["start"], q["end"])
        if q.get("cue_start") is not None:
            body.stylize(f"bold {style}", q["cue_start"], q["cue_end"])
        if q.get("speaker_start") is not None:
            body.stylize(f"underline {style}", q["speaker_start"], q["speaker_end"])
    legend = Table(header_style="bold")
    legend.add_column("#", justify="right")
    legend.add_column("speaker")
    legend.add_column("mention")
    legend.add_column("kind")
    legend.add_column("cue")
    legend.add_column("venue")
    legend.add_column("quote")
    for n, q in enumerate(quotes, 1):
        who = q.get("speaker_resolved") or "(unknown)"
        legend.add_row(
            str(n),
            Text(who, style=styles[who]),
            Text(q.get("speaker") or ""),
            q["kind"],
            Text(q.get("cue") or ""),
            Text(q.get("venue") or ""),
            Text(q["text"][:80] + ("..." if len(q["text"]) > 80 else "")),
        )
    return body, legend


def variants_table(utterances: list[dict]) -> Group:
    """Each utterance: its speaker, how many outlets quote it and how many in other words, its
    fullest wording; then every quote of it, indented: outlet, date, kind of change and flags
    (the changes that matter in red), and its words."""
    lines: list[Text] = []
    for u in utterances:
        dates = "..".join(dict.fromkeys(d for d in (u["first_published"], u["last_published"]) if d)) or "undated"
        head = Text(f"#{u['id']} {u['speaker'] or '(unknown)'}", style="bold")
        head.append(f" · {u['outlets']} outlets, {u['different']} with different words · {dates}", style="dim")
        lines += [head, Text(f"  \u201c{u['text']}\u201d")]
        for q in u["quotes"]:
            where = Text(f"    {q['outlet'] or '(outlet not given)'} · {q['published'] or 'undated'} · {q['kind'] or '?'}" + (" (fullest)" if q["fullest"] else ""), style="dim")
            if q["flags"]:
                where.append(" · " + ", ".join(q["flags"]), style="red")
            lines += [where, Text(f"      {q['text']}")]
        lines.append(Text(""))
    return Group(*lines)


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)
