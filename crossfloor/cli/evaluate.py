"""`crossfloor evaluate quotes|events`: scores against gold data, printed as tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import get_settings
from ..evaluate.split import DEFAULT_SPLIT
from .common import Part, ProcessesOption, SpeakerMode, Unit, check_passes, database, evaluate_app, fail, say
from .tables import console

ByRuleOption = Annotated[bool, typer.Option("--by-rule", help="Also print precision per pass: how many facts each rule produced and how many were right")]
WithoutOption = Annotated[
    Optional[list[str]],
    typer.Option("--without", metavar="PASS", help="Switch this pass off (repeatable) and print the figures beside the full pipeline's, with the difference"),
]

PartOption = Annotated[
    Part, typer.Option("--part", help="Score only this part of the split: tune (read its errors), validate (look only at its figures), or all")
]
SplitOption = Annotated[Path, typer.Option("--split", help="The split of the annotated articles into tuning and validation parts")]
PredictionsOption = Annotated[Optional[Path], typer.Option("--pred", help="Use these predictions (extract output) instead of running the pipeline")]
JsonOption = Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON here")]
TextsOption = Annotated[Path, typer.Option(help="Folder that the gold's 'file' and 'source' paths are relative to")]
KbOption = Annotated[Optional[str], typer.Option("--kb", help="Apply the reference data loaded in this database (URL or SQLite path), as ingest does")]


def reference_in(kb_db: str | None):
    """The reference data of a database (`crossfloor kb import`), or None."""
    if not kb_db:
        return None
    from ..link.reference import Reference

    return Reference(database(kb_db))


@evaluate_app.command("quotes")
def evaluate_quotes(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (format of ../shared/benchmarks/quotes)")],
    predictions: PredictionsOption = None,
    json_out: JsonOption = None,
    errors_out: Annotated[Optional[Path], typer.Option("--errors", help="Write missed, spurious and wrong-speaker quotes here (JSONL)")] = None,
    threshold: Annotated[float, typer.Option(help="Word-overlap Jaccard needed for a match")] = 0.5,
    unit: Annotated[Unit, typer.Option(help="Score pieces, utterances, or auto (utterances when the gold annotates fragments)")] = Unit.auto,
    speakers: Annotated[SpeakerMode, typer.Option(help="Compare speakers as surface mentions or as resolved people; auto picks from the gold")] = SpeakerMode.auto,
    texts: TextsOption = Path("../shared/corpora"),
    processes: ProcessesOption = None,
    by_rule: ByRuleOption = False,
    without: WithoutOption = None,
    part: PartOption = Part.all,
    split: SplitOption = DEFAULT_SPLIT,
    kb_db: KbOption = None,
) -> None:
    """Precision, recall and F1 of quote extraction against gold data."""
    from ..evaluate.run import QUOTE_MEASURES, GoldProblem
    from ..evaluate.run import evaluate_quotes as run

    off = passes_off(without, predictions)
    workers = get_settings(processes=processes).processes or None
    reference = reference_in(kb_db)
    try:
        result = run(gold, predictions, threshold, unit.value, workers, speakers.value, texts, without=() if off else None, part=part.value, split=split, reference=reference)
        ablated = run(gold, None, threshold, unit.value, workers, speakers.value, texts, without=off, part=part.value, split=split, reference=reference) if off else None
    except GoldProblem as problem:
        fail(str(problem))
    data = result.as_dict()
    print_scores(data, gold)
    report_passes(data, result, ablated, off, QUOTE_MEASURES, QUOTE_RULES if by_rule else None)
    write_results(data, result.errors, json_out, errors_out)


def passes_off(without: list[str] | None, predictions: Path | None) -> tuple[str, ...]:
    """The passes --without names, checked before the pipeline runs."""
    if not without:
        return ()
    if predictions:
        fail("--without runs the pipeline with and without the passes: leave out --pred")
    check_passes(without)
    return tuple(dict.fromkeys(without))


# The titles of the per-pass tables (--by-rule).
QUOTE_RULES = {
    "found_by": "quotes by the attribution pass that found them (matched: a gold quote)",
    "resolved_by": "speakers by the pass that resolved them (matched: on a quote matching a gold quote; right: resolved-speaker scoring)",
}
EVENT_RULES = {
    "found_by": "events by the trigger rule that found them (right: matched a gold event)",
    "filled_by": "fields by the pass that filled them (where the gold gives the field and the scorer compares it)",
}


def report_passes(data: dict, result, ablated, off: tuple[str, ...], measures: dict, rule_titles: dict[str, str] | None) -> None:
    """--by-rule (rule_titles given): precision per pass; --without: the figures beside the full
    pipeline's. Both go into the --json output too."""
    from ..evaluate.run import compare_runs

    if rule_titles is not None:
        data["by_rule"] = result.by_rule()
        print_by_rule(data["by_rule"], rule_titles)
    if ablated is not None:
        comparison = compare_runs(data, ablated.as_dict(), measures)
        data["without"] = {"passes": list(off), "scores": ablated.as_dict(), "comparison": comparison}
        print_comparison(comparison, off)


def print_by_rule(tables: dict[str, list[dict]], titles: dict[str, str]) -> None:
    from rich.table import Table

    out = console()
    for name, rows in tables.items():
        table = Table(title=f"{name}: {titles[name]}")
        columns = list(dict.fromkeys(k for row in rows for k in row)) or ["pass"]
        for column in columns:
            table.add_column(column.replace("_", " "), justify="left" if column == "pass" else "right")
        for row in rows:
            table.add_row(*(f"{row[c]:.3f}" if c == "precision" else str(row[c]) for c in columns))
        out.print(table)


def print_comparison(rows: list[dict], off: tuple[str, ...]) -> None:
    from rich.table import Table

    table = Table(title=f"without {', '.join(off)} (difference: without minus full)")
    for column in ("measure", "full P/R/F1", "without P/R/F1", "difference P/R/F1"):
        table.add_column(column, justify="left" if column == "measure" else "right")

    def figures(values: dict, signed: bool = False) -> str:
        return " / ".join(f"{values[k]:+.3f}" if signed else f"{values[k]:.3f}" for k in ("precision", "recall", "f1"))

    for row in rows:
        table.add_row(row["measure"], figures(row["full"]), figures(row["without"]), figures(row["difference"], signed=True))
    console().print(table)


def write_results(data: dict, errors: list[dict], json_out: Path | None, errors_out: Path | None) -> None:
    if json_out:
        json_out.write_text(json.dumps(data, indent=2) + "\n")
    if errors_out:
        errors_out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))


def print_scores(data: dict, gold: Path) -> None:
    from rich.table import Table

    table = Table(title=f"quotes vs {gold} ({data['documents']} documents, speakers: {data['speaker_mode']}, unit: {data['unit']})")
    for column in ("measure", "precision", "recall", "F1", "matched/pred/gold"):
        table.add_column(column, justify="right" if column != "measure" else "left")

    def add(name: str, prf: dict) -> None:
        if not prf["gold"]:
            table.add_row(name, "n/a", "n/a", "n/a", f"(gold has no {name.split(', ')[-1]} spans)")
            return
        table.add_row(name, f"{prf['precision']:.3f}", f"{prf['recall']:.3f}", f"{prf['f1']:.3f}", f"{prf['tp']}/{prf['predicted']}/{prf['gold']}")

    add("overlap (Jaccard>=0.5), all", data["overlap"])
    add("overlap, direct+mixed", data["direct_mixed"])
    add("overlap, indirect", data["indirect"])
    add(f"overlap and right speaker ({data['speaker_mode']})", data["with_right_speaker"])
    for part in ("content", "source", "cue"):
        add(f"exact span, {part}", data["exact"][part])
    out = console()
    out.print(table)
    out.print(
        f"speaker accuracy on matched quotes: {data['speaker_accuracy']:.3f}; "
        f"found with the right speaker: {data['found_with_right_speaker']}/{data['gold_quotes']}; "
        f"spurious: {data['spurious']}"
        + (f"; venue accuracy: {data['venue_accuracy']:.3f}" if data["venue_accuracy"] is not None else ""),
        highlight=False,
    )


@evaluate_app.command("events")
def evaluate_events(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: {id, text or file, published, events} per line")],
    texts: TextsOption = Path("../shared/corpora"),
    predictions: PredictionsOption = None,
    json_out: JsonOption = None,
    errors_out: Annotated[Optional[Path], typer.Option("--errors", help="Write missed, spurious and misdated events here (JSONL)")] = None,
    kb_db: KbOption = None,
    processes: ProcessesOption = None,
    by_rule: ByRuleOption = False,
    without: WithoutOption = None,
    part: PartOption = Part.all,
    split: SplitOption = DEFAULT_SPLIT,
) -> None:
    """Precision, recall and F1 of event extraction against gold events."""
    from ..evaluate.run import GoldProblem, event_measures
    from ..evaluate.run import evaluate_events as run

    off = passes_off(without, predictions)
    reference = reference_in(kb_db)
    workers = get_settings(processes=processes).processes or None
    try:
        result = run(gold, texts, predictions, reference, workers, without=() if off else None, part=part.value, split=split)
        ablated = run(gold, texts, None, reference, workers, without=off, part=part.value, split=split) if off else None
    except GoldProblem as problem:
        fail(str(problem))
    data = result.as_dict()
    print_event_scores(data, gold)
    report_passes(data, result, ablated, off, event_measures(data), EVENT_RULES if by_rule else None)
    write_results(data, result.errors, json_out, errors_out)


def print_event_scores(data: dict, gold: Path) -> None:
    from rich.table import Table

    table = Table(title=f"events vs {gold} ({data['documents']} documents; key fields must agree)")
    for column in ("type", "precision", "recall", "F1", "matched/pred/gold"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for name, prf in [("all", data["overall"]), *data["by_type"].items()]:
        if prf["gold"] or prf["predicted"]:
            table.add_row(name, f"{prf['precision']:.3f}", f"{prf['recall']:.3f}", f"{prf['f1']:.3f}", f"{prf['tp']}/{prf['predicted']}/{prf['gold']}")
    out = console()
    out.print(table)
    if data["date_accuracy"] is not None:
        out.print(f"date accuracy on matched events with a gold date: {data['date_accuracy']:.3f} ({data['dates_scored']} scored)", highlight=False)
    if data["news_accuracy"] is not None:
        out.print(f"news or background told right on matched events: {data['news_accuracy']:.3f} ({data['news_scored']} scored)", highlight=False)


@evaluate_app.command("split")
def place_in_split(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files whose articles need a part")],
    split: SplitOption = DEFAULT_SPLIT,
) -> None:
    """Give every gold article that has none a part of the split (tune or validate); articles
    already placed keep theirs."""
    from ..evaluate.run import GoldProblem, read_jsonl
    from ..evaluate.split import Split, SplitProblem

    try:
        known = Split.load(split) if split.exists() else Split()
        docs = [doc for path in gold for doc in read_jsonl(path, "gold data")]
    except (SplitProblem, GoldProblem) as problem:
        fail(str(problem))
    placed = known.assign(docs)
    known.save(split)
    counts = {part: sum(1 for p in known.parts.values() if p == part) for part in ("tune", "validate")}
    say(f"placed {placed} new articles; {split} holds {counts['tune']} tuning and {counts['validate']} validation articles")


@evaluate_app.command("stream")
def evaluate_stream(
    judged: Annotated[Path, typer.Argument(help="Stream judgments (tests/gold/stream.judged.jsonl): predictions on random articles read by hand")],
    texts: TextsOption = Path("../shared/corpora"),
    predictions: PredictionsOption = None,
    json_out: JsonOption = None,
    errors_out: Annotated[Optional[Path], typer.Option("--errors", help="Write wrong and unjudged predictions here (JSONL)")] = None,
    processes: ProcessesOption = None,
    by_rule: ByRuleOption = False,
    part: PartOption = Part.all,
    split: SplitOption = DEFAULT_SPLIT,
) -> None:
    """Precision on the ordinary stream of news: each prediction that falls on a stretch read by
    hand is right or wrong; the rest are counted as unjudged."""
    from ..evaluate.run import GoldProblem
    from ..evaluate.run import evaluate_stream as run

    workers = get_settings(processes=processes).processes or None
    try:
        result = run(judged, texts, predictions, workers, part=part.value, split=split)
    except GoldProblem as problem:
        fail(str(problem))
    data = result.as_dict()
    print_stream_scores(data, judged)
    if by_rule:
        data["by_rule"] = result.by_rule()
        print_by_rule(data["by_rule"], {"found_by": "events by the trigger rule that found them (judged: on a stretch read by hand)"})
    write_results(data, result.errors, json_out, errors_out)


def print_stream_scores(data: dict, judged: Path) -> None:
    from rich.table import Table

    table = Table(title=f"precision on the stream vs {judged} ({data['documents']} articles)")
    for column in ("what", "predicted", "judged", "right", "precision"):
        table.add_column(column, justify="left" if column == "what" else "right")
    rows = [*(("event: " + t, v) for t, v in data["events"].items()), *(("quote: " + k, v) for k, v in data["quotes"].items())]
    rows += [("event dates (of real events)", data["dates"]), ("news or background (of real events)", data["news_flag"])]
    for name, v in rows:
        if v["predicted"] or v["judged"]:
            table.add_row(name, str(v["predicted"]), str(v["judged"]), str(v["right"]), "n/a" if v["precision"] is None else f"{v['precision']:.3f}")
    console().print(table)


@evaluate_app.command("utterances")
def evaluate_utterances(
    gold: Annotated[Path, typer.Argument(help="Labelled pairs of quotations (tests/gold/utterance-pairs.jsonl)")],
    texts: TextsOption = Path("../shared/corpora"),
    json_out: JsonOption = None,
    errors_out: Annotated[Optional[Path], typer.Option("--errors", help="Write wrongly joined, missed and misclassified pairs here (JSONL)")] = None,
    part: PartOption = Part.all,
    split: SplitOption = DEFAULT_SPLIT,
) -> None:
    """Joining quotations into utterances: pairwise precision, recall and F1 on labelled pairs,
    and how often the kind of change (trimmed, spliced, changed, paraphrase) and each flag are right."""
    from ..evaluate.run import GoldProblem
    from ..evaluate.run import evaluate_utterances as run

    try:
        result = run(gold, texts, part=part.value, split=split)
    except GoldProblem as problem:
        fail(str(problem))
    data = result.as_dict()
    print_utterance_scores(data, gold)
    write_results(data, result.errors, json_out, errors_out)


def print_utterance_scores(data: dict, gold: Path) -> None:
    from rich.table import Table

    table = Table(title=f"utterances vs {gold} ({data['pairs']} pairs, {data['unsure']} unsure left out)")
    for column in ("measure", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    rows = [("same utterance (pairwise)", data["joining"]), *((f"flag: {name}", v) for name, v in data["flags"].items())]
    for name, v in rows:
        table.add_row(name, *(str(v[k]) for k in ("tp", "fp", "fn")), *("n/a" if v[k] is None else f"{v[k]:.3f}" for k in ("precision", "recall", "f1")))
    console().print(table)
    kinds = data["kind_accuracy"]
    say(f"kind of change right on {kinds['right']} of {kinds['of']} pairs joined by both" + (f" ({kinds['accuracy']:.3f})" if kinds["accuracy"] is not None else ""))
    for row in data["kinds"]:
        say(f"  gold {row['gold']} -> predicted {row['predicted']}: {row['pairs']}")
