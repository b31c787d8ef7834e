"""`crossfloor train attribution|ensemble`: the attribution tagger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import fail, require_trained_model, say, train_app
from .tables import console


@train_app.command("attribution")
def train_attribution(
    train: Annotated[Path, typer.Option("--train", help="Training gold (JSONL, format of ../shared/benchmarks/quotes)")],
    dev: Annotated[Path, typer.Option("--dev", help="Dev gold: picks the best epoch and gives the figures")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for the model (replaced if it exists)")],
    epochs: Annotated[int, typer.Option(help="Passes over the training data")] = 3,
    layers: Annotated[int, typer.Option(help="Encoder layers kept (of 6): fewer is faster")] = 6,
    seed: Annotated[list[int], typer.Option(help="Seed for everything random; give it twice or more to train an ensemble, one network per seed")] = [13],
    max_steps: Annotated[int, typer.Option(help="Stop after this many steps (0: no limit)")] = 0,
    limit_docs: Annotated[int, typer.Option(help="Use only the first N documents of each file (0: all)")] = 0,
    learning_rate: Annotated[float, typer.Option(help="Peak learning rate (AdamW, linear warm-up and decay)")] = 8e-5,
    init: Annotated[Optional[Path], typer.Option(help="Go on training from this trained model instead of the base encoder")] = None,
) -> None:
    """Fine-tune the attribution tagger (source, cue, content spans) and report dev figures."""
    from ..train.attribution import TrainConfig, train_members

    for path in (train, dev):
        if not path.is_file():
            fail(f"{path}: no such file")
    if init is not None:
        require_trained_model(init)
    config = TrainConfig(epochs=epochs, layers=layers, max_steps=max_steps, limit_docs=limit_docs, learning_rate=learning_rate, init=str(init or ""))
    try:
        report = train_members(train, dev, out, config, seed, log=say)
    except (ValueError, KeyError, json.JSONDecodeError) as problem:
        fail(f"cannot train on {train}: {problem}")
    show_trained(report, out)


@train_app.command("ensemble")
def train_ensemble(
    models: Annotated[list[Path], typer.Argument(help="Trained attribution models to join (two or more)")],
    dev: Annotated[Path, typer.Option("--dev", help="Dev gold: gives the figures of the ensemble")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for the ensemble (replaced if it exists)")],
) -> None:
    """Join trained attribution models into one ensemble (it averages their tag probabilities) and report its dev figures."""
    from ..train.attribution import join

    if len(models) < 2:
        fail("an ensemble needs two or more models")
    for model in models:
        require_trained_model(model)
    if not dev.is_file():
        fail(f"{dev}: no such file")
    try:
        report = join(models, dev, out)
    except (ValueError, KeyError, json.JSONDecodeError) as problem:
        fail(f"cannot join {', '.join(map(str, models))}: {problem}")
    show_trained(report, out)


def show_trained(report: dict, out: Path) -> None:
    for layer, figures in report["dev_exact"].items():
        console().print(f"dev exact {layer:8} P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}", highlight=False)
    console().print(f"model written to {out} ({report['seconds']:.0f} s; model card: {out / 'README.md'})", highlight=False)


# The options both filters' training takes: the hand work whose tuning part gives examples.
FilterGold = Annotated[list[Path], typer.Option("--gold", help="Annotated gold; its tuning part gives examples (repeatable)")]
FilterStream = Annotated[Optional[Path], typer.Option("--stream", help="Stream judgments (tests/gold/stream.judged.jsonl); its tuning part gives examples")]
FilterPredictions = Annotated[
    Optional[list[Path]],
    typer.Option("--pred", help="extract output made with the filter off (CROSSFLOOR_QUOTE_FILTER / CROSSFLOOR_EVENT_FILTER=false) for (some of) these articles; the rest are analysed (repeatable)"),
]
FilterTexts = Annotated[Path, typer.Option(help="Folder the gold 'source' paths are relative to")]
FilterSplit = Annotated[Path, typer.Option("--split", help="The split of the annotated articles")]
FilterThreshold = Annotated[Optional[float], typer.Option(help="Keep what scores at least this (default: the best F0.5 on the tuning examples)")]


@train_app.command("quote-filter")
def train_quote_filter(
    gold: FilterGold,
    stream: FilterStream = None,
    predictions: FilterPredictions = None,
    texts: FilterTexts = Path("../shared/corpora"),
    split: FilterSplit = Path("tests/gold/split.json"),
    out: Annotated[Path, typer.Option("--out", "-o", help="The model file to write")] = Path("crossfloor/models/quote_filter.json"),
    threshold: FilterThreshold = None,
) -> None:
    """Learn the quote filter (keep or drop each quote the rules propose) on the tuning part."""
    from ..train.quote_filter import train_filter

    figures = trained(train_filter, gold, stream, predictions, texts, out, split, threshold)
    say(f"quote filter written to {out}: {figures['examples']} indirect tuning examples ({figures['right']} right); keeps {figures['kept']}, of which {figures['precision_kept']:.3f} right, {figures['right_kept']:.3f} of the right ones")


@train_app.command("event-filter")
def train_event_filter(
    gold: FilterGold,
    stream: FilterStream = None,
    predictions: FilterPredictions = None,
    texts: FilterTexts = Path("../shared/corpora"),
    split: FilterSplit = Path("tests/gold/split.json"),
    out: Annotated[Path, typer.Option("--out", "-o", help="The model file to write")] = Path("crossfloor/models/event_filter.json"),
    threshold: FilterThreshold = None,
) -> None:
    """Learn the event filter (keep or drop each event the rules propose) on the tuning part."""
    from ..train.event_filter import train_event_filter as train

    figures = trained(train, gold, stream, predictions, texts, out, split, threshold)
    say(
        f"event filter written to {out}: {figures['examples']} tuning events from {figures['articles']} articles ({figures['right']} right); "
        f"judged without their article, it keeps {figures['kept']}, of which {figures['precision_kept']:.3f} right, {figures['right_kept']:.3f} of the right ones"
    )


def trained(train, gold, stream, predictions, texts, out, split, threshold) -> dict:
    from ..evaluate.run import GoldProblem

    try:
        return train(gold, stream, predictions or [], texts, out, split, threshold)
    except GoldProblem as problem:
        fail(str(problem))
