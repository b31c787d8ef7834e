"""A rendering's difference from its utterance's fullest wording as pieces of text to show.

The linker stores each rendering's word-level difference as word ranges (`ops`, renderings.py)
into the two quotations' words as compared: the fullest's direct words and the rendering's
(a mixed quote's quoted pieces). Read back here, without changing anything, as the words the
two print, in the rendering's order: equal words, words of the fullest it lacks (delete),
words of its own (insert; a replacement is both), and words it quotes beyond the fullest,
outside every range (extra). The web app shows them with <del> and <ins>.
"""

from __future__ import annotations

from functools import lru_cache

from .renderings import Words, different_words, rendering_words, words_of


@lru_cache(maxsize=4096)
def printed(text: str, kind: str | None) -> Words:
    return rendering_words(text, kind)


@lru_cache(maxsize=4096)
def token_size(token: str) -> int:
    """How many words one printed token stands for ("didn't": did not)."""
    return max(1, len(words_of(token)))


def token_starts(words: Words) -> set[int]:
    """The word positions where a printed token begins (a contraction is two words, one token)."""
    starts, at = set(), 0
    while at < len(words.shown):
        starts.add(at)
        at += token_size(words.shown[at])
    return starts


def stretch(words: Words, starts: set[int], first: int, last: int) -> str:
    """Words first..last-1 as printed, each token once (a token cut by a range shows on both sides)."""
    return " ".join(words.shown[i] for i in range(first, last) if i == first or i in starts)


def in_range(op: dict, full: Words, given: Words) -> bool:
    return 0 <= op["full_start"] <= op["full_end"] <= len(full) and 0 <= op["given_start"] <= op["given_end"] <= len(given)


def segments(full: Words, given: Words, ops: list[dict]) -> list[dict] | None:
    """The rendering as pieces (see the module's doc), or None when the ranges do not fit the
    words (ops stored by another version of the comparison)."""
    if not all(in_range(op, full, given) for op in ops):
        return None
    full_starts, given_starts = token_starts(full), token_starts(given)
    out: list[dict] = []

    def add(op: str, words: Words, starts: set[int], first: int, last: int) -> None:
        if last > first:
            out.append({"op": op, "text": stretch(words, starts, first, last)})

    shown = 0  # the rendering's words shown so far
    for op in ops:
        add("extra", given, given_starts, shown, op["given_start"])
        if op["op"] in ("delete", "replace"):
            add("delete", full, full_starts, op["full_start"], op["full_end"])
        if op["op"] != "delete":
            add("equal" if op["op"] == "equal" else "insert", given, given_starts, op["given_start"], op["given_end"])
        shown = max(shown, op["given_end"])
    add("extra", given, given_starts, shown, len(given))
    return out


def marked(utterance: dict) -> dict:
    """An utterance (views.utterance) with each quote's `segments` against the fullest wording
    (empty for a paraphrase: the writer's words, not the speaker's; and where the stored ranges
    do not fit) and whether it gives `different` words (renderings.different_words)."""
    fullest = next((q for q in utterance["quotes"] if q["fullest"]), None)
    full = printed(utterance["text"], fullest["quote_kind"] if fullest else None)
    for quote in utterance["quotes"]:
        pieces = segments(full, printed(quote["text"], quote["quote_kind"]), quote["ops"]) if quote["kind"] not in (None, "paraphrase") else None
        quote["segments"] = pieces or []
        quote["different"] = different_words({"kind": quote["kind"], "flags": quote["flags"]})
    return utterance
