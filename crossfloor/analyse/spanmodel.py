"""The trained attribution tagger: a small transformer encoder that marks source, cue and content
spans (one BIO layer each, so a source may sit inside a content span), and the linking that turns
those spans into attributions.

Text is read a paragraph at a time (PolNeAR: 99.4% of attributions lie inside one paragraph);
a paragraph longer than the window is cut into windows. Training (crossfloor/train) shares the
windowing and the label scheme defined here, so what is learnt is what is decoded.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from .tagger_spec import LAYERS, WEIGHTS

OUTSIDE, BEGIN, INSIDE = 0, 1, 2
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# A one-word content span is nearly always a fragment of a longer one the tagger split (PolNeAR
# dev: dropping them raised content F1 from 0.46 to 0.52 and cost nothing elsewhere).
MIN_CONTENT_WORDS = 2
EDGE = " \t\n\r\u00a0.,;:!?\"'“”‘’«»„()[]—–-…"


@dataclass(frozen=True)
class Window:
    """Token ids of one slice of text and, per token, its character offsets in the whole text."""

    ids: list[int]
    offsets: list[tuple[int, int]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def windows(tokenizer, text: str, max_tokens: int, regions: list[tuple[int, int]] | None = None) -> list[Window]:
    """Word pieces of each region of the text (default: each paragraph), cut every max_tokens - 2
    pieces ([CLS] and [SEP] take two)."""
    out = []
    room = max_tokens - 2
    spans = paragraphs(text) if regions is None else regions
    if not spans:
        return out
    encoded = tokenizer([text[a:b] for a, b in spans], add_special_tokens=False, return_offsets_mapping=True)
    for (start, _), ids, offsets in zip(spans, encoded["input_ids"], encoded["offset_mapping"]):
        offsets = [(start + a, start + b) for a, b in offsets]
        for k in range(0, len(ids), room):
            out.append(Window(ids[k : k + room], offsets[k : k + room]))
    return out


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A span widened to whole words: the tagger tags word pieces, and a word split between a
    tagged and an untagged piece ('PEN' + '##CE') belongs to the span."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return (start, end) if end > start else None


def best_tags(log_probs):
    """The most probable BIO sequence of each layer in which no I follows an O (Viterbi).

    log_probs: numpy array (tokens, layers, 3). Taking each token's best tag on its own splits a
    long content span wherever one word inside it scores O; the sequence view keeps it whole
    (PolNeAR dev, tagger alone: content exact F1 0.48 -> 0.56, source and cue +2 points)."""
    import numpy as np

    tokens, layers, _ = log_probs.shape
    if tokens == 0:
        return [[] for _ in range(layers)]
    step = np.zeros((3, 3))
    step[OUTSIDE, INSIDE] = -np.inf
    score = log_probs[0].copy()
    score[:, INSIDE] = -np.inf
    back = np.zeros((tokens, layers, 3), dtype=np.int64)
    for t in range(1, tokens):
        candidates = score[:, :, None] + step  # layer, previous tag, tag
        back[t] = candidates.argmax(1)
        score = candidates.max(1) + log_probs[t]
    tags = np.zeros((tokens, layers), dtype=np.int64)
    tags[-1] = score.argmax(1)
    for t in range(tokens - 1, 0, -1):
        tags[t - 1] = back[t, np.arange(layers), tags[t]]
    return tags.T.tolist()


def decode(tags: list[int], offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of B/I tags as character spans; an I after O opens a span too."""
    spans, open_at = [], None
    for k, tag in enumerate(tags):
        if open_at is not None and tag != INSIDE:
            spans.append((offsets[open_at][0], offsets[k - 1][1]))
            open_at = None
        if tag == BEGIN or (tag == INSIDE and open_at is None):
            open_at = k
    if open_at is not None:
        spans.append((offsets[open_at][0], offsets[-1][1]))
    return spans


def encode_labels(offsets: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[int]:
    """BIO tags of one layer; a longer span wins where spans of one layer overlap."""
    tags = [OUTSIDE] * len(offsets)
    for start, end in sorted(spans, key=lambda s: s[0] - s[1]):
        inside = [k for k, (a, b) in enumerate(offsets) if a < end and b > start and b > a]
        if not inside or any(tags[k] != OUTSIDE for k in inside):
            continue
        tags[inside[0]] = BEGIN
        for k in inside[1:]:
            tags[k] = INSIDE
    return tags


def gap(x: tuple[int, int], y: tuple[int, int]) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, max(x[0], y[0]) - min(x[1], y[1]))


def paragraph_of(bounds: list[tuple[int, int]], span: tuple[int, int]) -> int:
    for k, (a, b) in enumerate(bounds):
        if a <= span[0] < b:
            return k
    return -1


def cue_of_each(where: dict[str, list[tuple[tuple[int, int], int]]]) -> dict[tuple[int, int], tuple[int, int]]:
    """Each content span's cue: a cue introduces one attribution, so pairs are taken nearest
    first and a cue once taken is not given to a second content (which then has none)."""
    pairs = sorted(
        (gap(cue, content), abs(cue[0] - content[0]), content, cue)
        for content, para in where["content"]
        for cue, cue_para in where["cue"]
        if cue_para == para
    )
    chosen: dict[tuple[int, int], tuple[int, int]] = {}
    used: set[tuple[int, int]] = set()
    for _, _, content, cue in pairs:
        if content not in chosen and cue not in used:
            chosen[content] = cue
            used.add(cue)
    return chosen


def link(text: str, found: dict[str, list[tuple[int, int]]]) -> list[dict]:
    """One attribution per content span, with its cue (`cue_of_each`) and the source nearest that
    cue in the paragraph (a source inside the content is only taken when none is outside it)."""
    bounds = paragraphs(text)
    found = {**found, "content": [s for s in found["content"] if len(text[s[0] : s[1]].split()) >= MIN_CONTENT_WORDS]}
    where = {layer: [(span, paragraph_of(bounds, span)) for span in found[layer]] for layer in LAYERS}
    cues = cue_of_each(where)
    out = []
    for content, para in where["content"]:
        cue = cues.get(content)
        source = nearest_source([s for s, p in where["source"] if p == para], content, cue or content)
        out.append(linked(text, content, cue, source))
    return out


def nearest_source(sources: list[tuple[int, int]], content: tuple[int, int], anchor: tuple[int, int]) -> tuple[int, int] | None:
    """The source nearest the anchor (the cue, else the content); one inside the content only
    when none is outside it."""
    outside = [s for s in sources if not (content[0] <= s[0] and s[1] <= content[1])]
    return min(outside or sources, key=lambda s: (gap(s, anchor), abs(s[0] - anchor[0])), default=None)


def linked(text: str, content: tuple[int, int], cue: tuple[int, int] | None, source: tuple[int, int] | None) -> dict:
    """One attribution as the tagger reports it: offsets and words of content, cue and source."""
    out = {"start": content[0], "end": content[1], "text": text[content[0] : content[1]]}
    for key, span in (("cue", cue), ("speaker", source)):
        out[f"{key}_start"] = span[0] if span else None
        out[f"{key}_end"] = span[1] if span else None
        out[key] = text[span[0] : span[1]] if span else None
    return out


class SpanTagger:
    """One or more tagger networks (an ensemble, whose tag probabilities are averaged) with their
    tokenizer; `load` reads a directory written by `crossfloor train attribution`."""

    def __init__(self, networks: list, tokenizer, max_tokens: int):
        import torch

        self.torch = torch
        self.networks = networks
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens

    @classmethod
    def load(cls, directory: Path, threads: int | None = None, int8: bool = True) -> SpanTagger:
        """int8: run the linear layers as dynamic int8 (about 2x faster on the CPU). Each network
        is then traced (`network.traced`), as it is only ever run, never trained, from here."""
        import torch
        from transformers import AutoTokenizer

        from .network import TaggerNetwork, quantised, traced

        if threads:
            torch.set_num_threads(threads)
        settings = json.loads((Path(directory) / "crossfloor.json").read_text())
        networks = []
        for weights in settings.get("members", [WEIGHTS]):
            network = TaggerNetwork.load(Path(directory), weights).eval()
            networks.append(traced(quantised(network) if int8 else network))
        tokenizer = AutoTokenizer.from_pretrained(str(directory))
        tokenizer.model_max_length = 1 << 30  # paragraphs are cut into windows here, not by the tokenizer
        return cls(networks, tokenizer, int(settings["max_tokens"]))

    def spans(self, text: str, regions: list[tuple[int, int]] | None = None, batch_size: int = 16) -> dict[str, list[tuple[int, int]]]:
        """Source, cue and content spans of each region of the text, read on its own (default:
        each paragraph, as in training)."""
        parts = windows(self.tokenizer, text, self.max_tokens, regions)
        found: dict[str, set[tuple[int, int]]] = {layer: set() for layer in LAYERS}
        for batch in like_lengths(parts, batch_size):
            for window, tags in zip(batch, self.tag(batch)):
                for layer, layer_tags in zip(LAYERS, tags):
                    for start, end in decode(layer_tags, window.offsets):
                        span = trim(text, *whole_words(text, start, end))
                        if span:
                            found[layer].add(span)
        return {layer: sorted(spans) for layer, spans in found.items()}

    def tag(self, batch: list[Window]) -> list[list[list[int]]]:
        torch = self.torch
        ids, mask = pad(self.tokenizer, [w.ids for w in batch], torch)
        with torch.inference_mode():
            each = torch.stack([torch.log_softmax(network(ids, mask).float(), -1) for network in self.networks])
        # An ensemble's tag distribution is the mean of its members' (PolNeAR dev, two networks:
        # exact F1 0.796/0.726/0.644 against 0.795/0.724/0.641 with the mean of log probabilities).
        log_probs = (torch.logsumexp(each, 0) - math.log(len(self.networks))).numpy()  # batch, tokens, layer, tag
        return [best_tags(log_probs[b, 1 : len(w.ids) + 1]) for b, w in enumerate(batch)]

    def __call__(self, text: str, regions: list[tuple[int, int]] | None = None) -> list[dict]:
        return link(text, self.spans(text, regions))


def like_lengths(parts: list[Window], batch_size: int, slack: float = 0.1) -> list[list[Window]]:
    """Windows in batches of near-equal length. Padding costs as much as text: one batch of a
    news article's paragraphs was half padding, and batching like with like made the tagger
    about 1.7x faster on the CPU."""
    batches: list[list[Window]] = []
    for window in sorted(parts, key=lambda w: len(w.ids)):
        batch = batches[-1] if batches else None
        if batch and len(batch) < batch_size and len(window.ids) <= (1 + slack) * len(batch[0].ids) + 2:
            batch.append(window)
        else:
            batches.append([window])
    return batches


def pad(tokenizer, sequences: list[list[int]], torch):
    """[CLS] ids [SEP], padded to the longest in the batch, with the attention mask."""
    longest = max(len(s) for s in sequences) + 2
    ids = torch.full((len(sequences), longest), tokenizer.pad_token_id, dtype=torch.long)
    mask = torch.zeros((len(sequences), longest), dtype=torch.long)
    for b, seq in enumerate(sequences):
        row = [tokenizer.cls_token_id, *seq, tokenizer.sep_token_id]
        ids[b, : len(row)] = torch.tensor(row)
        mask[b, : len(row)] = 1
    return ids, mask

