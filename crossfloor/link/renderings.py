"""How two renderings of a quotation compare, word by word: do they render one utterance, and
what did the shorter do to the fuller one (trimmed it, spliced it, changed words, lost a "not")?

Pure functions over text, no database: the utterance linker (`utterances.py`) and
`crossfloor evaluate utterances` both decide with them. Words are compared lower-cased with
punctuation dropped (as Quotebank groups copies), but aligned in order (RapidFuzz's Indel
opcodes, a longest common subsequence of words), so a trim, a splice and a changed word are
told apart rather than hashed away. The words the changes are read from (negations, hedges,
numbers) are in `data/utterances.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import snowballstemmer
from rapidfuzz.distance import Indel

from ..data import load

# A run of matching words shorter than this counts for nothing: with only single words in
# common ("the", "we"), two quotations share a vocabulary, not wording.
MIN_RUN = 2
# Direct renderings join when the shorter has at least this many words and at least this share
# of them, in order and in runs, are words of the other (tuned on the pairs' tuning part).
MIN_WORDS = 5
MIN_COVERAGE = 0.8
LONG_RUN = 8
# A shorter quotation joins only as a whole stretch of the other, and only from this many words.
MIN_WHOLE_WORDS = 3
# A paraphrase reports an utterance when this share of its content words (and at least
# PARAPHRASE_MIN_WORDS of them) are words of the utterance's fullest wording.
PARAPHRASE_COVERAGE = 0.6
PARAPHRASE_MIN_WORDS = 2
# Two words this alike (RapidFuzz's normalised Indel similarity) are one word misspelt.
SPELLING = 0.85
# Words an omission must drop to make a splice: fewer are a changed word ("will not" -> "will").
SPLICE_GAP = 3
# The word before a trimmed rendering's first word, in the same clause, still belongs to what it
# covers: "we will not rule out" trimmed to "rule out" has lost its "not" ("No, we will" has not).
LEAD_IN = 1

# Quotation marks in a mixed quote ('the plan was "a betrayal of trust"'): only the words inside
# them are the speaker's. The span may start inside a quotation or stop before its closing mark.
MARKS = re.compile(r'["\u201c\u201d]')
# Single marks, read only when a mixed quote has no double ones (its officials 'will be
# entering ...'); an apostrophe within a word ("it's") is no mark.
SINGLE_MARKS = re.compile(r"(?<!\w)['\u2018]|['\u2019](?!\w)")
# Dotted abbreviations are one word ("U.S." is "US").
ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")
TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|\d[\d,.]*\d|\d|\w+(?:['\u2019]\w+)*|\u2026|\.\.\.")
ELLIPSIS = {"\u2026", "..."}
# Square brackets and parentheses in a quotation are the writer's ("[Woodward's]", "(the
# shooter)"): read as an omission, never as the speaker's words.
BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")
# Punctuation between two words parts clauses; a full stop, "!" or "?" starts a sentence, and so
# does an opening quotation mark (a quotation within the quotation: 'say, "Okay, is there ..."').
CLAUSE_BREAK = re.compile(r"[^\w\s'\u2019]")
SENTENCE_START = re.compile(r"[.!?\u2018\u201c]|\s[\"']")

PARAPHRASED = "indirect"  # the quote kind that is the writer's words throughout
DIRECT, PARAPHRASE = "direct", "paraphrase"
# Kinds of rendering, least to most changed; a rendering's kind is the most changed that applies.
KINDS = ("verbatim", "trimmed", "spliced", "changed", "paraphrase")
# The changes that matter, which a rendering can carry whatever its kind.
FLAGS = ("negation_lost", "negation_added", "number_changed", "name_changed", "hedge_dropped", "says_more")
# Kinds that put different words in the speaker's mouth (a trim does not; a paraphrase is the
# writer's words, not a misquote).
DIFFERENT_WORDS = ("spliced", "changed")
# Every kind of change an utterance's `changes` can name: a rendering kind but verbatim, or a flag.
CHANGES = KINDS[1:] + FLAGS


@dataclass(frozen=True)
class Words:
    """A quotation's words: `norm` compared, `shown` as written; `elided` the positions of
    words an ellipsis stands before (a visible omission); `breaks` of words punctuation stands
    before, `starts` of words that open a sentence (the first word too); `around` the writer's
    own words around a mixed quote's quoted pieces ("he didn't" in 'he didn't "want to go"')."""

    norm: tuple[str, ...]
    shown: tuple[str, ...]
    elided: frozenset[int] = frozenset()
    breaks: frozenset[int] = frozenset()
    starts: frozenset[int] = frozenset()
    around: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return len(self.norm)


@dataclass
class Rendering:
    """What one rendering did to the fullest: its kind, the changes that matter (`flags`) and
    the word-level difference (`ops`: equal/delete/insert/replace with the words on each side)."""

    kind: str
    flags: list[str] = field(default_factory=list)
    ops: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "flags": self.flags, "ops": self.ops}


@dataclass(frozen=True)
class WordLists:
    negations: frozenset[str]
    hedges: frozenset[str]
    numbers: frozenset[str]
    function: frozenset[str]
    contractions: dict[str, tuple[str, ...]]
    number_values: dict[str, str]
    scales: frozenset[str]
    number_articles: frozenset[str]
    modal_tenses: dict[str, str]


@cache
def word_lists() -> WordLists:
    data = load("utterances.json")
    return WordLists(
        negations=frozenset(data["negations"]) | frozenset(data["negative_verbs"]),
        hedges=frozenset(data["hedges"]),
        numbers=frozenset(data["number_words"]),
        function=frozenset(data["function_words"]),
        contractions={key: tuple(value.split()) for key, value in data["contractions"].items()},
        number_values=data["number_values"],
        scales=frozenset(data["scale_words"]),
        number_articles=frozenset(data["number_articles"]),
        modal_tenses=data["modal_tenses"],
    )


def words_of(text: str) -> Words:
    norm, shown, elided, breaks, starts = [], [], set(), {0}, {0}
    text = BRACKETED.sub(" \u2026 ", ABBREVIATION.sub(lambda m: m.group().replace(".", ""), text or "")).replace("%", " percent")
    values, last = word_lists().number_values, 0
    for match in TOKEN.finditer(text):
        token, gap, last = match.group(), text[last : match.start()], match.end()
        if token in ELLIPSIS:
            elided.add(len(norm))
            continue
        if CLAUSE_BREAK.search(gap):
            breaks.add(len(norm))
        if SENTENCE_START.search(gap):
            starts.add(len(norm))
        for word in expanded(token.lower().replace("\u2019", "'").replace(",", "")):
            shown.append(token)
            norm.append(values.get(word, word))
    return Words(tuple(one_of_a_scale(norm)), tuple(shown), frozenset(elided), frozenset(breaks), frozenset(starts))


def one_of_a_scale(norm: list[str]) -> list[str]:
    """ "a million" is "1 million": the article before a scale word is the number one."""
    lists = word_lists()
    return [("1" if word in lists.number_articles and following in lists.scales else word) for word, following in zip(norm, [*norm[1:], ""])]


def expanded(word: str) -> tuple[str, ...]:
    """A contraction as the words it stands for ("didn't" -> did not), any other word as it is."""
    contractions = word_lists().contractions
    if word in contractions:
        return contractions[word]
    for ending, words in contractions.items():
        if ending.startswith("'") or ending == "n't":
            if word.endswith(ending) and len(word) > len(ending):
                return (word[: -len(ending)], *words)
    return (word,)


def rendering_words(text: str, kind: str | None) -> Words:
    """The speaker's words of a quote: a mixed quote's quoted pieces (joined as if by an
    ellipsis, since the writer's words stand between them), any other quote's whole text."""
    pieces = quoted_pieces(text or "") if kind == "mixed" else []
    if not pieces:
        return words_of(text)
    writer = text
    for piece in pieces:
        writer = writer.replace(piece, " ", 1)
    return replace(words_of(" \u2026 ".join(pieces)), around=frozenset(words_of(writer).norm))


def as_said(text: str, kind: str | None) -> tuple[str, Words]:
    """How a quote takes part: ("direct", the speaker's words), or ("paraphrase", its words) for
    an indirect quote and a mixed one whose quoted words are too few to join on."""
    if kind == PARAPHRASED:
        return PARAPHRASE, words_of(text)
    said = rendering_words(text, kind)
    if kind == "mixed" and len(said) < MIN_WORDS:
        return PARAPHRASE, words_of(text)
    return DIRECT, said


def fragment_words(text: str, kind: str | None) -> Words | None:
    """A mixed quote's quoted words (the speaker's own, however few); None for any other
    quote, or a mixed one whose quotation marks are lost."""
    return rendering_words(text, kind) if kind == "mixed" and quoted_pieces(text or "") else None


def echoes(a: Words, b: Words) -> bool:
    """Two mixed quotes whose few quoted words are one stretch of the speaker's: the shorter's,
    word for word, within the other's, with a content word among them (two outlets' 'called it
    a "lynching"' of one tweet). Too few words to join as renderings (`joins`), they are the
    same words still; a function word alone ('"the"') tells nothing."""
    short = a if len(a) <= len(b) else b
    return len(short) > 0 and contained(a, b) and bool(content_stems(short))


def quoted_pieces(text: str) -> list[str]:
    """The stretches of text inside double quotation marks, or else inside single ones."""
    return pieces_between(text, MARKS, "\u201c", '"') or pieces_between(text, SINGLE_MARKS, "\u2018", "'")


def pieces_between(text: str, marks: re.Pattern, curly: str, straight: str) -> list[str]:
    """The stretches between these marks. A straight mark opens after a space or at the start
    and closes otherwise; a first mark that closes means the span began inside."""
    pieces, start = [], None
    for match in marks.finditer(text):
        at, mark = match.start(), match.group()
        opens = mark == curly or (mark == straight and (at == 0 or text[at - 1] in " \t\n([—-"))
        if opens:
            start = at + 1
        elif start is not None or not pieces:
            pieces.append(text[start or 0 : at])
            start = None
    if start is not None:
        pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def is_number(word: str) -> bool:
    return word[:1].isdigit() or word in word_lists().numbers


def blocks(full: Words, given: Words) -> list[tuple[int, int, int]]:
    """Runs of words the two share, in order: (start in full, start in given, length), each at
    least MIN_RUN long unless it is the whole of the given rendering."""
    return long_enough([(f0, g0, f1 - f0) for tag, f0, f1, g0, _ in aligned(full, given) if tag == "equal"], given)


Op = tuple[str, int, int, int, int]  # tag, start and end in the fullest, start and end in the rendering


@lru_cache(maxsize=4096)
def aligned(full: Words, given: Words) -> tuple[Op, ...]:
    """Indel's word alignment, with each omission slid to where it leaves the longest runs. A
    rendering that opens as one of the fullest's sentences opens is also aligned from that
    sentence on, and the alignment with the fewest gaps kept: a speaker who says "What the court
    did not do" and then "What the court did" is quoted from one of them, and Indel, which only
    counts the words in common, may start the rendering at the wrong one. Cached: restating an
    utterance asks, of each rendering, whether it joins the fullest and how it differs, and both
    read this alignment."""
    tried = [coalesced(slid(from_word(full, given, start), full)) for start in anchors(full, given)]
    return tuple(min(tried, key=lambda ops: (gap_words(ops), tried.index(ops))))


def gap_words(ops: list[Op]) -> int:
    """The words put in, dropped or swapped between an alignment's first and last shared word."""
    equal = [i for i, op in enumerate(ops) if op[0] == "equal"]
    inside = ops[equal[0] : equal[-1] + 1] if equal else ops
    return sum(max(f1 - f0, g1 - g0) for tag, f0, f1, g0, g1 in inside if tag != "equal")


def anchors(full: Words, given: Words) -> list[int]:
    """Where an alignment may start in the fullest: its first word, and each sentence that opens
    with the rendering's first word."""
    first = given.norm[:1]
    return [0, *sorted(i for i in full.starts if i and full.norm[i : i + 1] == first)]


def from_word(full: Words, given: Words, start: int) -> list[Op]:
    """Indel's opcodes of the rendering against the fullest from word `start` on, the words
    before it dropped."""
    ops = [(op.tag, op.src_start + start, op.src_end + start, op.dest_start, op.dest_end) for op in Indel.opcodes(full.norm[start:], given.norm)]
    return [("delete", 0, start, 0, 0), *ops] if start else ops


def slid(ops: list[Op], full: Words) -> list[Op]:
    """Indel may match a rendering's word to an earlier copy of it in the fullest and drop the
    words up to the later copy ("made no sense. No details" rendered "No details" keeps the first
    "no" and drops "sense no"). A short run just before an omission that ends with the same words
    is moved to that end, so the omission stands before it and the runs join."""
    ops = list(ops)
    for i in range(1, len(ops) - 1):
        (tag, f0, f1, g0, g1), (gap, d0, d1, _, _) = ops[i - 1], ops[i]
        k = f1 - f0
        if tag == "equal" and gap == "delete" and ops[i + 1][0] == "equal" and k < MIN_RUN and full.norm[f0:f1] == full.norm[d1 - k : d1]:
            ops[i - 1], ops[i] = ("delete", f0, f0 + d1 - d0, g0, g0), ("equal", d1 - k, d1, g0, g1)
    return ops


def coalesced(ops: list[Op]) -> list[Op]:
    """Neighbouring ops of one kind as one."""
    out: list[Op] = []
    for op in ops:
        if out and out[-1][0] == op[0]:
            out[-1] = (op[0], out[-1][1], op[2], out[-1][3], op[4])
        else:
            out.append(op)
    return out


def runs_in(ops: list[dict], given: Words) -> list[tuple[int, int, int]]:
    """`blocks`, read from a rendering's word ops (word_ops keeps every equal run as it is)."""
    return long_enough([(op["full_start"], op["given_start"], op["full_end"] - op["full_start"]) for op in ops if op["op"] == "equal"], given)


def long_enough(runs: list[tuple[int, int, int]], given: Words) -> list[tuple[int, int, int]]:
    return [run for run in runs if run[2] >= MIN_RUN or run[2] == len(given)]


def titled(words: Words) -> bool:
    """Every word capitalised: a short quotation that is a name or a title ("Fox News Sunday"),
    which anyone may quote, not words of the speaker's."""
    return all(w[:1].isupper() or w[:1].isdigit() for w in words.shown)


def contained(a: Words, b: Words) -> bool:
    """The shorter is a stretch of the longer, word for word."""
    short, long = (a.norm, b.norm) if len(a) <= len(b) else (b.norm, a.norm)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def shared_words(a: Words, b: Words) -> int:
    return sum(length for _, _, length in blocks(a, b))


def joins(a: Words, b: Words) -> bool:
    """Two direct renderings of one utterance: the shorter is long enough to tell, and most of
    its words are the other's, in order and in runs; or they share a long run of words (two
    outlets that quote overlapping stretches of one speech)."""
    shorter = min(len(a), len(b))
    if shorter < MIN_WORDS:
        return shorter >= MIN_WHOLE_WORDS and contained(a, b) and not titled(a if len(a) <= len(b) else b)
    runs = blocks(a, b)
    if sum(run[2] for run in runs) >= MIN_COVERAGE * shorter or max((run[2] for run in runs), default=0) >= LONG_RUN:
        return True
    # A rendering in pieces (a mixed quote's quoted stretches, or an ellipsis) joins when one of
    # its pieces long enough to tell is, on its own, mostly the other's words.
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(joins(piece, long) for piece in pieces_of(short) if len(piece) >= MIN_WORDS and len(piece) < len(short))


def pieces_of(words: Words) -> list[Words]:
    """The stretches between a rendering's ellipses."""
    cuts = [0, *sorted(words.elided), len(words)]
    return [Words(words.norm[i:j], words.shown[i:j]) for i, j in zip(cuts, cuts[1:]) if j > i]


@cache
def stemmer():
    return snowballstemmer.stemmer("english")


def content_stems(words: Words) -> set[str]:
    """Content words by their Snowball stems, so "ruled out raising taxes" meets "rule out tax rises".
    A word with "'s" is read by its base ("he's" is "he", a function word; "Iran's" is "Iran")."""
    function = word_lists().function
    bases = [w[:-2] if w.endswith("'s") else w for w in words.norm]
    return set(stemmer().stemWords([w for w in bases if w not in function and (len(w) > 2 or is_number(w))]))


def reports(paraphrase: Words, full: Words) -> bool:
    """An indirect quote that reports the utterance: most of its content words are its words."""
    mine = content_stems(paraphrase)
    common = mine & content_stems(full)
    return len(common) >= PARAPHRASE_MIN_WORDS and len(common) >= PARAPHRASE_COVERAGE * len(mine)


def compare(full: Words, given: Words) -> Rendering:
    """How a direct rendering differs from the fullest wording (one alignment serves it all)."""
    ops = word_ops(full, given)
    if given.norm == full.norm:
        return Rendering("verbatim", ops=ops)
    runs = runs_in(ops, given)
    kind = "changed" if any(changes_words(op, given) for op in ops) else "spliced" if spliced(given, runs) else "trimmed"
    return Rendering(kind, direct_flags(full, given, ops, lead_in_words(full, given, runs)), ops)


def compare_paraphrase(full: Words, paraphrase: Words) -> Rendering:
    """How an indirect quote reporting the utterance differs from its fullest wording: never a
    misquote, but numbers the words lack are flagged. A negation is not compared: a paraphrase
    says "no" in its own words ("will vote against" for "voting NO"), and a "not" it adds is as
    often the writer's contrast ("Mexico, not taxpayers, would pay"); read on the stream, every
    negation flag on a paraphrase was wrong."""
    said = set(full.norm)
    return Rendering("paraphrase", ["says_more"] if any(is_number(w) and w not in said for w in paraphrase.norm) else [])


def compare_reported(full: Words, text: str, kind: str | None) -> Rendering:
    """A quote that takes part as a paraphrase: a mixed one whose few quoted words the fullest
    wording holds, in order, is a trim of it (its quoted words are the speaker's); any other is a
    paraphrase."""
    quoted = rendering_words(text, kind) if kind == "mixed" else None
    if quoted and shared_words(full, quoted) == len(quoted):
        return compare(full, quoted)
    return compare_paraphrase(full, words_of(text))


def word_ops(full: Words, given: Words) -> list[dict]:
    """The Indel opcodes as word ranges, a delete next to an insert read as a replacement."""
    ops: list[dict] = []
    for tag, f0, f1, g0, g1 in aligned(full, given):
        last = ops[-1] if ops else None
        if last and {last["op"], tag} == {"delete", "insert"}:
            last.update(op="replace", full_end=max(last["full_end"], f1), given_end=max(last["given_end"], g1))
            continue
        ops.append({"op": tag, "full_start": f0, "full_end": f1, "given_start": g0, "given_end": g1})
    for op in ops:
        if op["op"] == "replace" and written_apart(op, full, given):
            op["op"] = "equal"
    interior = interior_span(ops, given)
    if not interior:
        return ops
    # Words the rendering leaves off before its first or after its last shared word are a trim,
    # and a stretch of its own there (SPLICE_GAP words or more) is where it quotes on beyond the
    # fullest (two outlets quoting overlapping passages); a word or two put right there is a
    # change, but not one beyond such a stretch: that is the passage the rendering quotes on.
    before = edge_ops(reversed(ops[: interior[0]]))[::-1]
    return before + ops[interior[0] : interior[1] + 1] + edge_ops(ops[interior[1] + 1 :])


def edge_ops(ops) -> list[dict]:
    """The ops next to the shared stretch, outwards, up to the first trim or long stretch."""
    kept = []
    for op in ops:
        if op["op"] == "delete" or op["given_end"] - op["given_start"] >= SPLICE_GAP:
            break
        kept.append(op)
    return kept


def written_apart(op: dict, full: Words, given: Words) -> bool:
    """The same letters in other words: "gunfire" for "gun fire", "M-4" for "M4"."""
    return "".join(full.norm[op["full_start"] : op["full_end"]]) == "".join(given.norm[op["given_start"] : op["given_end"]])


def changes_words(op: dict, given: Words) -> bool:
    """Words put in, swapped, or a few dropped from inside (a longer omission is a splice)."""
    dropped = op["full_end"] - op["full_start"]
    return op["op"] in ("insert", "replace") or (op["op"] == "delete" and dropped < SPLICE_GAP and op["given_start"] not in given.elided)


def interior_span(ops: list[dict], given: Words) -> tuple[int, int] | None:
    """From the first to the last run the two share. A run shorter than MIN_RUN counts only
    within SPLICE_GAP words, in both, of one that counts ("that would undermine" quoted
    "that will strike down ... undermine"): one word in common far from the rest ("the",
    "legalization") is where the alignment found a word, not where the rendering rejoins."""
    equal = [i for i, op in enumerate(ops) if op["op"] == "equal"]
    runs = [i for i in equal if ops[i]["full_end"] - ops[i]["full_start"] >= MIN_RUN]
    if not runs:
        return (equal[0], equal[-1]) if equal else None
    first, last = runs[0], runs[-1]
    for i in reversed([i for i in equal if i < first]):
        if near(ops[i], ops[first], given):
            first = i
    for i in [i for i in equal if i > last]:
        if near(ops[last], ops[i], given):
            last = i
    return first, last


def near(before: dict, after: dict, given: Words) -> bool:
    """Two runs within SPLICE_GAP words of each other in the fullest, and in the rendering too
    unless an ellipsis stands between them there (a mixed quote's pieces: "that will strike
    down ... undermine" for "that would undermine")."""
    apart = after["given_start"] - before["given_end"]
    return after["full_start"] - before["full_end"] < SPLICE_GAP and (apart < SPLICE_GAP or after["given_start"] in given.elided)


def spliced(given: Words, runs: list[tuple[int, int, int]]) -> bool:
    """Pieces joined across an omission the rendering does not mark with an ellipsis."""
    runs = sorted(runs, key=lambda run: run[1])
    return any(b[0] >= a[0] + a[2] + SPLICE_GAP and b[1] not in given.elided for a, b in zip(runs, runs[1:]))


def lead_in_words(full: Words, given: Words, runs: list[tuple[int, int, int]]) -> set[str]:
    """The LEAD_IN words of the fullest just before the rendering's first shared word, in its
    clause (no punctuation between), and not in the rendering."""
    first = runs[0][0] if runs else 0
    lead = []
    for i in range(first - 1, max(-1, first - 1 - LEAD_IN), -1):
        if i + 1 in full.breaks:
            break
        lead.append(full.norm[i])
    return {w for w in lead if w not in given.norm}


def direct_flags(full: Words, given: Words, ops: list[dict], lead_in: set[str]) -> list[str]:
    """The changes that matter. Only a few words dropped at once count as lost (a longer
    omission is a splice or a trim, not a word changed), and the words just before a trim."""
    lists = word_lists()
    lost = lead_in | dropped_words(full, ops)
    added = added_words_at(full, given, ops)
    added_words = {w for _, w in added}
    # "zero" is a number and a negation ("no chance" is "zero chance"): it counts as a negation.
    numbers_lost = any(is_number(w) and w not in lists.negations and w not in given.norm and changed_at(w, full, ops) for w in lost)
    checks = {
        # A mixed quote may keep the negation in the writer's words: he didn't "want to go".
        "negation_lost": bool(lists.negations & lost) and not lists.negations & (added_words | given.around),
        "negation_added": bool(lists.negations & added_words) and not lists.negations & lost and more_negations(full, given, ops),
        "number_changed": numbers_lost or any(is_number(w) and w not in lists.negations for w in added_words),
        "name_changed": name_put_in(full, given, added_words_at(full, given, ops, ("replace",))),
        "hedge_dropped": bool(lists.hedges & lost - in_other_tense(full, given, ops) - given.around) and not lists.hedges & added_words,
    }
    return [name for name, present in checks.items() if present]


def more_negations(full: Words, given: Words, ops: list[dict]) -> bool:
    """The rendering says "not" more often than the fullest's sentences it quotes from. A negation
    moved within its sentence ("I don't think we have felt it" quoted "we have not felt it") is
    the same negation."""
    equal = [op for op in ops if op["op"] == "equal"]
    if not equal:
        return True
    first, last = equal[0]["full_start"], equal[-1]["full_end"]
    start = max((i for i in full.starts if i <= first), default=0)
    end = min((i for i in full.starts if i >= last), default=len(full))
    negations = word_lists().negations
    return sum(w in negations for w in given.norm) > sum(w in negations for w in full.norm[start:end])


def in_other_tense(full: Words, given: Words, ops: list[dict]) -> set[str]:
    """Modal verbs swapped for the same verb in another tense ("before he could kill" quoted as
    "before he can kill"): a tense changed, not a hedge dropped."""
    tenses = word_lists().modal_tenses
    return {
        word
        for op in ops
        if op["op"] == "replace"
        for word in full.norm[op["full_start"] : op["full_end"]]
        if tenses.get(word) in given.norm[op["given_start"] : op["given_end"]]
    }


def name_put_in(full: Words, given: Words, added: list[tuple[int, str]]) -> bool:
    """A capitalised word put in that names what the fullest wording does not: not a function
    word, not a sentence's first word, and not one of the fullest's words written another way
    (shortened, "Sen." for "Senator"; with "'s"; misspelt, "Obamcare"; of one stem, "Democrats"
    for "Democratic"; initials, "DAG" for "deputy attorney general")."""
    function = word_lists().function
    put = [base_of(w) for i, w in added if i not in given.starts and given.shown[i][:1].isupper() and w not in function]
    if not put:
        return False
    known = {base_of(w) for w in full.norm}
    # Stemmed and abbreviated once for the fullest, not again for every word put in.
    stems, abbreviations = set(stemmer().stemWords(sorted(known))), initials(full)
    return any(not (word in abbreviations or stemmer().stemWord(word) in stems or any(spelt_alike(word, other) for other in known)) for word in put)


def initials(words: Words, longest: int = 5) -> set[str]:
    """The initials of every run of 2 to `longest` words: "DAG" stands for "deputy attorney general"."""
    norm = words.norm
    return {"".join(w[0] for w in norm[i : i + n]) for n in range(2, longest + 1) for i in range(len(norm) - n + 1)}


def base_of(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def spelt_alike(a: str, b: str) -> bool:
    """One word written two ways: equal, one a shortening of the other, or nearly the same
    letters."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and (long.startswith(short) or Indel.normalized_similarity(a, b) >= SPELLING)


def dropped_words(full: Words, ops: list[dict]) -> set[str]:
    """Words of the fullest that a few at a time were dropped or swapped."""
    taken = [op for op in ops if op["op"] in ("delete", "replace") and op["full_end"] - op["full_start"] < SPLICE_GAP]
    return {full.norm[i] for op in taken for i in range(op["full_start"], op["full_end"])}


def added_words_at(full: Words, given: Words, ops: list[dict], tags: tuple[str, ...] = ("insert", "replace")) -> list[tuple[int, str]]:
    """The rendering's words that ops of these kinds put in (a name changed is one swapped in for
    other words: a name only added, "the meetings with the Ukrainians", changes no name). Words
    where the fullest has an ellipsis are not put in: they are what the fullest left out."""
    put = [op for op in ops if op["op"] in tags and op["full_start"] not in full.elided]
    return [(i, given.norm[i]) for op in put for i in range(op["given_start"], op["given_end"])]


def changed_at(word: str, full: Words, ops: list[dict]) -> bool:
    """A number of the fullest wording is changed, not trimmed, when a replacement took it."""
    return any(op["op"] == "replace" and word in full.norm[op["full_start"] : op["full_end"]] for op in ops)


def different_words(rendering: dict | None) -> bool:
    """A rendering that puts other words in the speaker's mouth (not a trim, not a paraphrase)."""
    if not rendering:
        return False
    return rendering.get("kind") in DIFFERENT_WORDS or (rendering.get("kind") != "paraphrase" and bool(rendering.get("flags")))
