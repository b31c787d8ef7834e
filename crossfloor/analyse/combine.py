"""Rules and the trained tagger behind one extractor.

The rules read quotation marks exactly and know which verbs report speech, so direct and mixed
quotations come from them; the tagger (trained on PolNeAR) finds indirect speech and its cue and
source far better than clause rules do. Each model attribution becomes an Attribution like the
rules' own, so speaker resolution, venues and events treat both alike.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from spacy.tokens import Doc, Span

from .attribution import Attribution, says_nothing
from .doctext import text_of, tokens_of
from .lexicon import cue_lexicon
from .marks import MarkSpan
from .spanmodel import paragraphs

# Rules first for every kind: on the seeds the tagger's indirect spans displaced right rule
# quotes; the tagger adds what the rules did not find.
RULE_KINDS = ("direct", "mixed", "indirect")
# Two content spans are one attribution when this share of the shorter lies inside the other.
SAME_CONTENT = 0.5
# The found_by of the attributions the trained tagger adds; a rule attribution that takes the
# tagger's bounds keeps the name of its pass.
TAGGER = "tagger"


def kind_of(text: str, start: int, end: int, marks: list[MarkSpan]) -> str:
    """As the gold defines it: all word characters inside quotation marks = direct, none =
    indirect, else mixed."""
    near = [m for m in marks if m.start < end and m.end > start]
    inside = outside = 0
    for k in range(start, end):
        if text[k].isalnum():
            if any(m.start <= k < m.end for m in near):
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def cue_words(doc: Doc, a: Attribution) -> Span | None:
    return tokens_of(doc, a.cue)


def reports_speech(doc: Doc, a: Attribution, cues: frozenset[str], phrases: tuple[str, ...] = ()) -> bool:
    """The cue is a reporting word ('said', 'denied', 'claim') or opens with a reporting phrase
    ('according to')."""
    span = cue_words(doc, a)
    return span is not None and (span.text.lower().startswith(phrases) or any(t.lemma_.lower() in cues for t in span))


def forms(word: str, lemma: str) -> set[str]:
    """A word's lemma and its regular stems: the small model's lemmatiser slips ('hopes' -> 'hop')."""
    word = word.lower()
    stems = {word[: -len(end)] for end in ("s", "es", "d", "ed", "ing") if word.endswith(end)}
    return {lemma.lower(), word} | stems | {s + "e" for s in stems}


def cue_is_saying(doc: Doc, a: Attribution, saying: frozenset[str]) -> bool:
    """The cue's head word is a verb of saying ('denied', 'vowed', 'urged')."""
    span = cue_words(doc, a)
    return span is not None and span.root.lemma_.lower() in saying


def only_thought(doc: Doc, a: Attribution, thinking: frozenset[str]) -> bool:
    """The cue is a word of belief or intention ('believes', 'hopes'): not something said."""
    span = cue_words(doc, a)
    return span is not None and bool(forms(span.root.text, span.root.lemma_) & thinking)


def act_of(doc: Doc, a: Attribution, beliefs: frozenset[str]) -> str:
    """'thought' when the cue is a word of belief or intention ('believes', 'plans'), else 'said'."""
    return "thought" if only_thought(doc, a, beliefs) else "said"


# A content span the tagger cut short ends on a word that needs a following one ("thrown his
# entire career into"): a fragment, not something a person said.
DANGLING = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART"})


def content_of(doc: Doc, a: Attribution) -> Span | None:
    return tokens_of(doc, (a.start, a.end))


def cut_short(doc: Doc, a: Attribution) -> bool:
    span = content_of(doc, a)
    return span is None or span[-1].pos_ in DANGLING


def object_of_speech(doc: Doc, a: Attribution, verbs: frozenset[str]) -> bool:
    """The content is the direct object of a verb of speech or judgement ('criticised the
    plan', 'cited the polls'): not 'spoke of the difficulties', 'calling for a vote'."""
    cue, span = cue_words(doc, a), content_of(doc, a)
    if cue is None or span is None or cue.root.lemma_.lower() not in verbs:
        return False
    return span.root.dep_ == "dobj" and span.root.head == cue.root


def clause_like(doc: Doc, a: Attribution, saying: frozenset[str], objects: frozenset[str] = frozenset()) -> bool:
    """Reported speech is a clause, a noun phrase after a verb of saying ('denied the
    allegations', 'announced his resignation') or the direct object of a verb of speech or
    judgement (objects: 'criticised the plan'): else an indirect content headed by a noun is a
    phrase the tagger took for one ('welcomed Mr X's defection', 'called Owen Paterson a c***
    in the lobbies'). PolNeAR dev, noun contents after verbs of saying allowed: exact
    source/cue/content F1 0.681/0.620/0.539 -> 0.692/0.627/0.546, the seeds keep 3 spurious
    (with the naming verbs too, 'called', they get a fourth)."""
    if a.kind != "indirect":
        return True
    span = content_of(doc, a)
    if span is None:
        return False
    return span.root.pos_ in ("VERB", "AUX") or cue_is_saying(doc, a, saying) or object_of_speech(doc, a, objects)


def holds_its_own_cue(doc: Doc, a: Attribution, verbs: frozenset[str]) -> bool:
    """A content around its own cue ('The move appeared to backfire'), or headed by a reporting
    or thinking verb with its subject inside ('Mr Blunkett predicted', 'he believes Labour has
    changed'), holds the source and cue of an attribution itself: the tagger has put the
    speaker's own words in the wrong place."""
    span = content_of(doc, a)
    if span is None:
        return False
    if a.cue is not None and a.start <= a.cue[0] and a.cue[1] <= a.end:
        return True
    root = span.root
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and span.start <= c.i < span.end for c in root.children)
    return own_subject and root.lemma_.lower() in verbs


def request_of_someone(doc: Doc, a: Attribution, markers: frozenset[str]) -> bool:
    """'called on him to resign': what someone was asked to do. The rules read such calls (and
    the events layer turns them into by-election calls); as a quote it is not what anyone said."""
    span = content_of(doc, a)
    return span is not None and len(span) > 2 and span[0].pos_ == "PRON" and span[1].lower_ in markers


def aim_not_words(doc: Doc, a: Attribution, saying: frozenset[str], markers: frozenset[str]) -> bool:
    """An infinitive content is reported speech after a verb of saying ('vowed to fight on',
    'urged him to resign'); after any other cue it is an aim or a look ('appearing to unite
    backbench MPs', 'sought to reassure voters')."""
    span = content_of(doc, a)
    return span is not None and span[0].lower_ in markers and span[0].pos_ == "PART" and not cue_is_saying(doc, a, saying)


def in_rule_sentence(doc: Doc, a: Attribution, rules: list[Attribution]) -> bool:
    """A sentence the rules already read (quotation marks, cue and speaker) gets nothing more
    from the tagger, whose extra spans there are the rules' source and cue or a clause leading into the quote."""
    span = content_of(doc, a)
    if span is None:
        return False
    start, end = span[0].sent.start_char, span[-1].sent.end_char
    return any(r.start < end and r.end > start for r in rules)


def left_to_read(doc: Doc, rules: list[Attribution]) -> list[tuple[int, int]]:
    """The stretches of each paragraph whose sentences hold no rule attribution: all the tagger
    needs to read. In a sentence the rules read it can add nothing (`in_rule_sentence`) and would
    only retouch the rules' source and cue bounds. Reading the rest, run by run, instead of whole
    paragraphs: PolNeAR dev exact source/cue/content F1 0.692/0.622/0.542 -> 0.687/0.623/0.543,
    and `crossfloor bench` extract/bare about 0.48 -> 0.71-0.74 on an AVX2-only 2-core machine."""
    bounds = paragraphs(text_of(doc))
    starts = [a for a, _ in bounds]
    read_by_rules = rule_sentences(rules)
    runs: list[tuple[int, int]] = []
    open_run: tuple[int, int, int] | None = None  # paragraph, start, end
    for sent in doc.sents:
        k = paragraph_holding(sent, starts, bounds)
        if k is None:
            continue
        read = read_by_rules(sent)
        if open_run is not None and (read or open_run[0] != k):
            runs.append(open_run[1:])
            open_run = None
        if not read:
            end = min(sent.end_char, bounds[k][1])
            open_run = (k, sent.start_char, end) if open_run is None else (k, open_run[1], end)
    if open_run is not None:
        runs.append(open_run[1:])
    return runs


def paragraph_holding(sent: Span, starts: list[int], bounds: list[tuple[int, int]]) -> int | None:
    """The index of the paragraph a sentence with words in it starts in."""
    k = bisect_right(starts, sent.start_char) - 1
    if k < 0 or sent.start_char >= bounds[k][1] or not sent.text.strip():
        return None
    return k


def rule_sentences(rules: list[Attribution]):
    """A test of whether a sentence holds (part of) a rule attribution."""
    ordered = sorted((r.start, r.end) for r in rules)
    rule_starts = [a for a, _ in ordered]
    furthest_end = list(accumulate((b for _, b in ordered), max))

    def read_by_rules(sent: Span) -> bool:
        before = bisect_left(rule_starts, sent.end_char)  # rules that start before the sentence ends
        return before > 0 and furthest_end[before - 1] > sent.start_char

    return read_by_rules


@dataclass(frozen=True)
class AddingRules:
    """What a model attribution needs to be added. cues: when set, the cue must be one of these
    words; else any cue the tagger marks will do (it knows 'tweeted', 'slammed', 'mocked', which
    no lexicon lists) except the thinking words. verbs: every reporting and thinking word.
    saying: the verbs of saying (and of belief, when beliefs count) whose object or infinitive may
    be the content ('denied the allegations', 'vowed to fight on', 'plans to stand').
    objects: the verbs of speech or judgement whose direct object may be ('criticised the plan')."""

    cues: frozenset[str] | None
    thinking: frozenset[str]
    verbs: frozenset[str]
    saying: frozenset[str] = frozenset()
    min_words: int = 2
    objects: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()  # 'declined to say whether ...': nothing was said
    # 'according to' and the infinitive's 'to' (cues.json's according_to, infinitive_markers)
    phrases: tuple[str, ...] = field(default_factory=lambda: tuple(f"{head} {to}" for head, to in cue_lexicon().according_to.items()))
    infinitive_markers: frozenset[str] = field(default_factory=lambda: cue_lexicon().infinitive_markers)


def worth_adding(doc: Doc, a: Attribution, rules: list[Attribution], need: AddingRules) -> bool:
    """A model attribution the rules missed is added when it has a cue that reports speech (or
    belief, unless need.thinking bars it), has need.min_words or more words, and is reported
    speech in form: a whole clause, an object or infinitive a verb of saying takes, not itself a
    source and cue, not in a sentence the rules read."""
    return (
        a.cue is not None
        and (reports_speech(doc, a, need.cues, need.phrases) if need.cues is not None else not only_thought(doc, a, need.thinking))
        and len(text_of(doc)[a.start : a.end].split()) >= need.min_words
        and not cut_short(doc, a)
        and clause_like(doc, a, need.saying, need.objects)
        and not negated_cue(doc, a, need.refusals)
        and not holds_its_own_cue(doc, a, need.verbs)
        and not request_of_someone(doc, a, need.infinitive_markers)
        and not aim_not_words(doc, a, need.saying, need.infinitive_markers)
        and not in_rule_sentence(doc, a, rules)
    )


def negated_cue(doc: Doc, a: Attribution, refusals: frozenset[str]) -> bool:
    """'has not confirmed', 'did not say', 'declined to say whether': nothing was said."""
    span = cue_words(doc, a)
    return span is not None and says_nothing(span.root, refusals)


def touches(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
    return x is not None and y is not None and x[0] < y[1] and y[0] < x[1]


def take_model_bounds(rules: list[Attribution], model: list[Attribution]) -> None:
    """A rule attribution takes the source and cue boundaries of the model attribution over the
    same content where the two mark the same words differently: the rules find who and which verb,
    the tagger learnt where such a phrase starts and stops ('Senate Majority Leader Mitch McConnell').
    The rules' subject token stays, so speaker resolution is unchanged."""
    for r in rules:
        same = [m for m in model if overlap(m, r)]
        if not same:
            continue
        m = max(same, key=lambda m: min(m.end, r.end) - max(m.start, r.start))
        if touches(m.source, r.source):
            r.source = m.source
        if touches(m.cue, r.cue):
            r.cue = m.cue


def overlap(a: Attribution, b: Attribution) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > SAME_CONTENT * min(a.end - a.start, b.end - b.start)


def from_model(doc: Doc, found: dict, marks: list[MarkSpan]) -> Attribution | None:
    """An Attribution from a linked model prediction, with head tokens for the resolver."""
    a = Attribution(start=found["start"], end=found["end"], kind=kind_of(text_of(doc), found["start"], found["end"], marks), found_by=TAGGER)
    if found.get("cue_start") is not None:
        a.cue = (found["cue_start"], found["cue_end"])
        span = tokens_of(doc, a.cue)
        a.cue_token = span.root if span is not None else None
    if found.get("speaker_start") is not None:
        a.source = (found["speaker_start"], found["speaker_end"])
        span = tokens_of(doc, a.source)
        a.subject = span.root if span is not None else None
    return a


def adopt_source(a: Attribution, chosen_ids: set[int]) -> None:
    """A quote that continues one left out takes over that one's speaker and cue."""
    parent = a.inherits_from
    while parent is not None and id(parent) not in chosen_ids:
        a.subject, a.source = a.subject or parent.subject, a.source or parent.source
        a.cue, a.cue_token = a.cue or parent.cue, a.cue_token or parent.cue_token
        parent = parent.inherits_from
    a.inherits_from = parent


def combine(
    rules: list[Attribution], model: list[Attribution], rule_kinds: tuple[str, ...] = RULE_KINDS, other_rules: bool = True
) -> list[Attribution]:
    """Rule attributions of rule_kinds, then every model attribution that is not one of those,
    then (other_rules) the remaining rule attributions that the model did not find either."""
    chosen = [r for r in rules if r.kind in rule_kinds]
    taken = list(chosen)
    for m in model:
        if not any(overlap(m, t) for t in taken):
            taken.append(m)
    if other_rules:
        for r in rules:
            if r.kind not in rule_kinds and not any(overlap(r, t) for t in taken):
                taken.append(r)
    kept = {id(a) for a in taken}
    for a in taken:
        adopt_source(a, kept)
    return sorted(taken, key=lambda a: (a.start, a.end))
