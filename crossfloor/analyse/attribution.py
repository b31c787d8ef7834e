"""Find attributions (source, cue, content) in a parsed document.

Two routes meet here:
* cue-first: a speech or belief verb with a clausal complement gives indirect or mixed speech
  ("X said (that) ...", "..., X said", "according to X, ...");
* mark-first: every quotation-mark span (see marks.py) looks for the cue that introduces it
  (adjacent before or after, a colon-ended lead-in, a governing verb or noun), else inherits the
  speaker of the quote it continues.
Speakers are left as tokens here; speakers.py turns them into people.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .doctext import inside_quotation, text_of, tokens_of
from .lexicon import CueLexicon, PeopleLexicon
from .marks import MarkSpan, find_quote_spans

CLAUSE_DEPS = ("ccomp",)
INHERIT_SUBJECT_DEPS = ("conj", "xcomp", "advcl", "ccomp", "pcomp", "prep", "acl")
CUE_MODIFIERS = ("aux", "auxpass", "neg")
# Adverbs of time and manner right before the verb belong to the cue ('has long said', 'now says',
# 'publicly denied'), as PolNeAR marks cues; sentence adverbs ('however', 'when') do not.
CUE_ADVERBS = frozenset(
    {"also", "later", "again", "previously", "earlier", "then", "once", "repeatedly", "now", "still", "already",
     "often", "first", "just", "long", "always", "since", "yet", "never", "recently", "finally", "further"}
)
# A partial quote belongs to a cue when it sits in the cue's content, not in an adjunct
# ('said on "Face the Nation"' is a programme, not a quotation).
GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "acl", "advcl", "conj", "parataxis", "oprd", "attr", "dobj", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# A transcript line opens with its speaker's label: 'WALLACE: Let's start ...', 'Q: Will you go?'
# (after an opening quotation mark when the transcript is quoted).
SPEAKER_LABEL = re.compile(r"""(?m)^[ \t"“'‘]*(?P<label>[QA]|[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t\u00a0]+(?=\S)""")
# 'McConnell: "Senator Burr contacted me ..."': a name in ordinary case labelling a quoted line.
NAME_LABEL = re.compile(r"""(?m)^[ \t]*(?P<label>[A-Z][a-z][A-Za-z'’]*(?:[ -][A-Z][a-z][A-Za-z'’]*){0,2}):[ \t\u00a0]*(?=["“])""")
# How far (in tokens) a cue may stand from the quote it introduces.
ADJACENT_AFTER = 8
ADJACENT_BEFORE = 30


@dataclass
class Attribution:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None  # character span
    subject: Token | None = None  # head token of the source mention
    source: tuple[int, int] | None = None  # character span of the source mention
    cue_token: Token | None = None
    venue: str | None = None  # raw venue words, may be anaphoric ("the broadcaster")
    inherits_from: "Attribution | None" = None
    via: str = ""  # how a direct quote found its cue: clause, after, before, governed, inherited
    mark: MarkSpan | None = None
    marks_inside: list[MarkSpan] = field(default_factory=list)
    act: str = "said"  # or "thought", after a word of belief or intention
    found_by: str = ""  # the attribution pass that found it; "tagger" for the trained tagger's

    @property
    def is_attributed(self) -> bool:
        return self.subject is not None or self.inherits_from is not None


DASHES = frozenset({"—", "–", "--", "―"})


def cue_adverb(token: Token) -> bool:
    return token.lower_ in CUE_ADVERBS or (token.dep_ == "advmod" and token.lower_.endswith("ly") and len(token) > 4)


def char_span_of(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def characterising(verb: Token, c: Token) -> bool:
    """An object or complement that holds what a naming verb calls something ('called the plan
    "a betrayal"', 'described him as "a lifetime politician"', 'what he called "a breach"')."""
    if c.dep_ == "dobj" and c.lower_ in ("what", "which"):
        return True
    return c.i > verb.i and (c.dep_ in ("dobj", "oprd", "dative", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"))


def ends_lead_in(tok: Token, colon: bool) -> bool:
    """A lead-in looking back for its cue stops at a sentence end, and at a line break unless
    it ends in a colon."""
    return ("\n" in tok.text and not colon) or (tok.is_sent_end and tok.text in ".!?")


class AttributionFinder:
    def __init__(
        self,
        cues: CueLexicon,
        people: PeopleLexicon,
        min_unattributed_words: int = 4,
        include_beliefs: bool = False,
    ):
        self.cues = cues
        self.people = people
        self.min_unattributed_words = min_unattributed_words
        self.classes = ("speech", "clause_only", "infinitive") + (("beliefs",) if include_beliefs else ())
        self.clause_verbs = cues.clause_verbs | (cues.beliefs if include_beliefs else frozenset())

    # ---- cues -------------------------------------------------------------------------------
    def lemma(self, tok: Token) -> str:
        return tok.lemma_.lower()

    def is_cue_verb(self, tok: Token, classes: tuple[str, ...] | None = None) -> bool:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
            return False
        lemma = self.lemma(tok)
        return any(lemma in getattr(self.cues, c) for c in classes or self.classes)

    def is_speech_verb(self, tok: Token) -> bool:
        return self.is_cue_verb(tok, ("speech",))

    def cue_span(self, verb: Token) -> tuple[int, int]:
        left = verb.i
        children = {c.i: c for c in verb.children}
        while left - 1 in children and (
            children[left - 1].dep_ in CUE_MODIFIERS or cue_adverb(children[left - 1])
        ):
            left -= 1
        right = verb.i
        for c in verb.children:
            if c.dep_ == "prt" and c.i == right + 1:
                right = c.i
        return char_span_of(verb.doc[left : right + 1])

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        named = misparsed_name(verb) or (self.participle_speaker(verb) if depth == 0 else None)
        if named is not None:
            return named
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:  # two are a misparse, mostly of a dateline ('RENO, Nev. (AP) — Donald Trump said')
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                return pobj
        if verb.dep_ == "relcl":
            return verb.head
        if depth < 4 and verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head is not verb:
            return self.subject_of(verb.head, depth + 1)
        return None

    def participle_speaker(self, verb: Token) -> Token | None:
        """'..., saying there is ...' hangs on whatever verb the parser chose; its speaker is the
        subject of the nearest speech verb above it."""
        if verb.tag_ != "VBG" or verb.dep_ != "advcl":
            return None
        cue = next((h for h in verb.ancestors if self.is_cue_verb(h)), None)
        return self.subject_of(cue, 1) if cue is not None else None

    def source_span(self, subject: Token, cue: Token | None = None) -> tuple[int, int]:
        """The mention: the subject's whole phrase, appositives and relative clauses included
        ('Luis Rubio, who heads the Center of Research', 'a poll released last week'), as PolNeAR
        marks sources (dev, rules only: source exact F1 0.623 -> 0.634), less a clause that holds
        the cue itself ('Mr Smith, who said ...')."""
        excluded: set[int] = set()
        for c in subject.children:
            if cue is not None and c.i > subject.i and any(t.i == cue.i for t in c.subtree):
                excluded.update(t.i for t in c.subtree)
        tokens = [t for t in subject.subtree if t.i not in excluded]
        # A dateline the parser hung on the subject ('RENO, Nev. (AP) — Donald Trump') is not
        # part of the mention.
        dashes = [k for k, t in enumerate(tokens) if t.i < subject.i and t.text in DASHES]
        tokens = tokens[dashes[-1] + 1 :] if dashes else tokens
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
        while tokens and (tokens[0].is_punct or tokens[0].is_space):
            tokens.pop(0)
        if not tokens:
            return subject.idx, subject.idx + len(subject.text)
        return char_span_of(tokens)

    def venue_of(self, verb: Token) -> str | None:
        """Where it was said: 'told Sky News', 'in a statement', 'speaking on BBC One'."""
        candidates = [verb, *(c for c in verb.children if c.dep_ in ("advcl", "conj") and c.i < verb.i)]
        if verb.dep_ in ("advcl", "conj", "xcomp"):
            candidates.append(verb.head)
        for v in candidates:
            venue = self.told_outlet(v) or self.venue_phrase(v, v is verb)
            if venue is not None:
                return venue
        return self.people.platforms.get(self.lemma(verb)) or self.people.platforms.get(verb.lower_)  # 'tweeted': Twitter

    def told_outlet(self, verb: Token) -> str | None:
        """'told Sky News', 'briefed the BBC'."""
        if self.lemma(verb) not in ("tell", "inform", "brief", "assure"):
            return None
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if any(self.looks_like_outlet(c) for c in objects):
            return self.phrase_of([t for c in objects for t in c.subtree])
        return None

    def venue_phrase(self, verb: Token, is_cue: bool) -> str | None:
        """'in a statement', 'on BBC One', 'during an interview', 'at a rally' (and, for the cue
        itself, 'to reporters')."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "at") or (c.lower_ == "to" and is_cue):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN" and inside_quotation(verb.doc, pobj.idx):
                    return quoted_title(pobj)  # 'said on "Morning Joe"', 'speaking on "Fox News Sunday,"'
                if pobj is not None and (pobj.lemma_.lower() in self.people.venue_nouns or self.looks_like_outlet(pobj)):
                    return self.phrase_of(list(pobj.subtree))
        return None

    def looks_like_outlet(self, tok: Token) -> bool:
        words = {t.lower_ for t in tok.subtree}
        if tok.lemma_.lower() in self.people.media_nouns:
            return True
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "WORK_OF_ART", "FAC"):
            return bool(words & self.people.outlet_words)
        return False

    @staticmethod
    def phrase_of(tokens: list[Token]) -> str:
        tokens = sorted(tokens, key=lambda t: t.i)
        for k, t in enumerate(tokens):
            gap = k > 0 and t.i != tokens[k - 1].i + 1
            if gap or t.text in (":", ";") or t.is_quote or "\n" in t.text:
                tokens = tokens[:k]
                break
        while tokens and tokens[0].dep_ == "det":
            tokens.pop(0)
        if not tokens:
            return ""
        s, e = char_span_of(tokens)
        return text_of(tokens[0].doc)[s:e].strip(" ,.;:")

    # ---- content ----------------------------------------------------------------------------
    def clause_content(self, verb: Token) -> tuple[int, int] | None:
        lemma = self.lemma(verb)
        trailing = self.trailing_content(verb)
        if trailing is not None:
            return trailing
        for c in verb.children:
            if c.dep_ in CLAUSE_DEPS and lemma in self.clause_verbs:
                return self.trimmed(c.subtree, verb)
        for c in verb.children:
            if c.dep_ == "xcomp" and lemma in self.cues.infinitive and any(a.lower_ == "to" for a in c.children):
                return self.trimmed(c.subtree, verb)
        head = verb.head
        if verb.dep_ == "parataxis" and head.i < verb.i and lemma in self.cues.speech:
            tokens = [t for t in head.subtree if t.i < verb.left_edge.i]
            return self.trimmed(tokens, verb) if tokens else None
        return None

    def trailing_content(self, verb: Token) -> tuple[int, int] | None:
        """'<everything>, the Health Secretary has said.' / '<everything>, said Mr Hague.'

        The parse of a long sentence often gives the cue only part of it; when the attribution
        closes the sentence after a comma, the content is everything before that comma.
        """
        if self.lemma(verb) not in self.cues.speech:
            return None
        sent = verb.sent
        subject = self.subject_of(verb)
        if subject is None or subject.sent != sent:
            return None
        left = min([verb.i, subject.left_edge.i] + [c.i for c in verb.children if c.i < verb.i and c.dep_ in CUE_MODIFIERS + ("advmod",)])
        start = self.written_sentence_start(sent)
        comma = verb.doc[left - 1] if left > start else None
        if comma is None or comma.text not in (",", "—", "–"):
            return None
        after = self.parenthetical_end(verb, subject)
        if after is not None and not any(t.is_quote for t in verb.doc[start : sent.end]):
            # 'Lenox was a juggernaut, Mr Clarke said, until it went bankrupt': one content on
            # both sides of the attribution (its envelope, as for a split quotation).
            return self.trimmed(verb.doc[start : sent.end], verb)
        return self.content_before(verb, subject, start, comma)

    def content_before(self, verb: Token, subject: Token, start: int, comma: Token) -> tuple[int, int] | None:
        """Everything before the comma, when nothing but the attribution follows it."""
        tail = [t for t in verb.doc[verb.i + 1 : verb.sent.end] if t.i not in {x.i for x in subject.subtree}]
        if any(t.pos_ == "VERB" or t.dep_ in CLAUSE_DEPS for t in tail):
            return None
        content = verb.doc[start : comma.i]
        if not any(t.pos_ in ("VERB", "AUX") for t in content):
            return None
        return self.trimmed(content, verb)

    @staticmethod
    def parenthetical_end(verb: Token, subject: Token) -> int | None:
        """The index of the comma closing an attribution set off mid-sentence, if it is one."""
        sent = verb.sent
        attached = {t.i for t in subject.subtree}
        for c in verb.children:
            if c.dep_ in ("advmod", "npadvmod", "prep", "agent", "aux", "neg", "prt"):
                attached.update(t.i for t in c.subtree)
        i = verb.i + 1
        while i < sent.end and i in attached and verb.doc[i].text != ",":
            i += 1
        if i >= sent.end or verb.doc[i].text not in (",", "—", "–"):
            return None
        rest = [t for t in verb.doc[i + 1 : sent.end] if not (t.is_punct or t.is_space)]
        return i if len(rest) >= 2 else None

    @staticmethod
    def written_sentence_start(sent: Span) -> int:
        """Where the sentence starts as written: the parser sometimes splits one mid-way."""
        doc = sent.doc
        start = sent.start
        while start > 0:
            previous = doc[start - 1]
            while previous.is_space and "\n" not in previous.text and previous.i > 0:
                previous = doc[previous.i - 1]
            if "\n" in previous.text or previous.text in (".", "!", "?", ":", ";") or previous.is_quote:
                break
            start = previous.sent.start
        return start

    @staticmethod
    def trimmed(tokens, verb: Token) -> tuple[int, int] | None:
        tokens = [t for t in tokens if t.i != verb.i]
        while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and not tokens[-1].is_quote)):
            tokens.pop()
        while tokens and (tokens[0].is_space or (tokens[0].is_punct and not tokens[0].is_quote)):
            tokens.pop(0)
        if not tokens or all(t.is_punct or t.is_space for t in tokens):
            return None
        return char_span_of(tokens)

    def according_to(self, tok: Token) -> Attribution | None:
        if tok.lower_ != "according":
            return None
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is None:
            return None
        excluded = {t.i for t in tok.subtree}
        rest = [t for t in tok.sent if t.i not in excluded]
        content = self.trimmed(rest, tok)
        if content is None:
            return None
        return Attribution(
            *content,
            kind="indirect",
            cue=(tok.idx, to.idx + len(to.text)),
            subject=pobj,
            source=self.source_span(pobj),
            cue_token=tok,
        )

    # ---- the two routes ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> list[Attribution]:
        marks = find_quote_spans(text_of(doc))
        doc._.quote_marks = marks
        mark_of_token = self._mark_index(doc, marks)
        found: list[Attribution] = []
        mark_cue: dict[int, Token] = {}
        for tok in doc:
            if mark_of_token[tok.i] >= 0:
                continue
            attribution = self.according_to(tok)
            if attribution is None and self.is_cue_verb(tok):
                attribution = self._clausal(tok, marks, mark_cue)
            if attribution is None and tok.pos_ == "VERB" and self.lemma(tok) in self.cues.naming:
                attribution = self._characterisation(tok, marks)
            if attribution is not None:
                found.append(attribution)
        claimed = {id(m) for a in found for m in a.marks_inside}
        direct = [
            self._direct(doc, i, m, marks, mark_of_token, mark_cue.get(i))
            for i, m in enumerate(marks)
            if id(m) not in claimed
        ]
        direct = [d for d in direct if d is not None]
        direct += self._transcript_lines(doc, direct, found)
        found = [a for a in found if a.subject is not None and not self._leads_in(doc, a, direct)]
        self._inherit(doc, direct, found)
        result = found + [d for d in direct if self._worth_reporting(doc, d)]
        return sorted(result, key=lambda a: a.start)

    def _transcript_lines(self, doc: Doc, direct: list[Attribution], found: list[Attribution]) -> list[Attribution]:
        """Lines of a transcript ('PENCE: Well, look, ...'): the label is the speaker and the colon
        the cue. A quoted line's quotation becomes the words after the label; an unquoted line
        becomes a direct quotation of its own. The label counts as a speaker when it is Q or A,
        opens two or more lines (turns of a conversation), or one of its words is a name the
        article writes in ordinary case ('Mike Pence'), which keeps a lone 'UPDATE:' out; a name
        in ordinary case labels a quoted line when the article names that person ('McConnell:
        "..."')."""
        text = text_of(doc)
        added: list[Attribution] = []
        for match in self.speaker_labels(doc, text):
            a, new = self.labelled_line(text, match, direct, found)
            if a is None:
                continue
            if new:
                added.append(a)
            a.source = (match.start("label"), match.end("label"))
            a.cue = (match.end("label"), match.end("label") + 1)
            label_span, colon = tokens_of(doc, a.source), tokens_of(doc, a.cue)
            a.subject = label_span.root if label_span is not None else None
            a.cue_token = colon[0] if colon is not None else None
            a.via = "label"
        return added

    @staticmethod
    def speaker_labels(doc: Doc, text: str) -> list:
        """The label matches that name a speaker, in text order."""
        matches = list(SPEAKER_LABEL.finditer(text))
        turns = Counter(m.group("label") for m in matches)
        people = {w for e in doc.ents if e.label_ == "PERSON" for w in e.text.split()}
        names = [m for m in NAME_LABEL.finditer(text) if m.group("label").split()[-1] in people and text.count(m.group("label").split()[-1]) > 1]

        def speaks(match) -> bool:
            label = match.group("label")
            named = match.re is NAME_LABEL or any(len(w) > 2 and re.search(rf"\b{re.escape(w.title())}\b", text) for w in label.split())
            return label in ("Q", "A") or turns[label] > 1 or named

        return [m for m in sorted(matches + names, key=lambda m: m.start()) if speaks(m)]

    @staticmethod
    def labelled_line(text: str, match, direct: list[Attribution], found: list[Attribution]) -> tuple[Attribution | None, bool]:
        """The quotation a label introduces (its start moved past the label), or a new direct
        quotation of the rest of an unquoted line (True); None when the line is attributed
        already."""
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        quoted = [d for d in direct if d.start <= match.start("label") < d.end or (match.re is NAME_LABEL and 0 <= d.start - match.end() <= 2)]
        if quoted:
            if quoted[0].source is not None:
                return None, False
            quoted[0].start = max(quoted[0].start, match.end())
            return quoted[0], False
        if any(x.start < line_end and x.end > match.end() for x in (*direct, *found)):
            return None, False
        return Attribution(match.end(), len(text[:line_end].rstrip()), kind="direct"), True

    def _worth_reporting(self, doc: Doc, a: Attribution) -> bool:
        """Short quoted words are names, titles and scare quotes unless speech governs them
        ('rejecting Mr Woodward's claim that ... "extremist"') or they are a whole utterance ("No.")."""
        if a.via == "label":
            return True
        quoted = text_of(doc)[a.start : a.end]
        parent = a.inherits_from
        if parent is not None and "\n" not in text_of(doc)[min(parent.end, a.start) : max(parent.start, a.start)]:
            return True  # the rest of a quotation split around its attribution: '"I would," she said. "I would."'
        if self._is_title(quoted) and (a.via not in ("after", "before", "clause") or self._named_programme(doc, a)):
            return False
        if not a.is_attributed:
            return self._long(doc, a) and self._standalone(text_of(doc), a)
        if self._long(doc, a):
            return True
        if a.via in ("governed", "characterised"):
            cue = a.cue_token
            return cue is not None and (cue.pos_ == "NOUN" or self.lemma(cue) in self.cues.speech | self.cues.naming)
        return a.via in ("after", "before", "clause") and text_of(doc)[a.start : a.end].rstrip()[-1:] in ",.!?"

    @staticmethod
    def _leads_in(doc: Doc, a: Attribution, direct: list[Attribution]) -> bool:
        """'..., declaring his career was in jeopardy: "I have no idea ..."': the clause before
        the colon introduces the quotation that the same cue carries; one utterance, one quote."""
        after = text_of(doc)[a.end : a.end + 4].lstrip()
        if not after.startswith(":"):
            return False
        return any(d.cue_token is not None and d.cue_token.i == a.cue_token.i and d.start > a.end for d in direct)

    def _long(self, doc: Doc, a: Attribution) -> bool:
        return len(text_of(doc)[a.start : a.end].split()) >= self.min_unattributed_words

    @staticmethod
    def _mark_index(doc: Doc, marks: list[MarkSpan]) -> list[int]:
        """For each token, the index of the quotation (marks included) it lies in, else -1."""
        index = [-1] * len(doc)
        starts = [m.start - 1 for m in marks]
        for tok in doc:
            k = bisect_right(starts, tok.idx) - 1
            if k >= 0 and tok.idx < marks[k].end + 1:
                index[tok.i] = k
        return index

    def _clausal(self, verb: Token, marks, mark_cue) -> Attribution | None:
        content = self.clause_content(verb)
        if content is None or says_nothing(verb, self.cues.refusals):
            return None
        start, end = content
        if not self.has_clause(verb.doc, start, end, marks):
            return None
        inside = [m for m in marks if m.start >= start - 1 and m.end <= end + 1]
        cutting = [m for m in marks if m not in inside and m.start < end and m.end > start]
        # The parse split a quotation, or the quotation is the whole content, or a fragment of an
        # infinitive ('challenged him to "do the honourable thing"'): the mark route reports it
        # as direct, with this cue.
        handed = cutting or (inside if self.quotation_is_content(verb, start, end, inside) else [])
        if handed:
            for i, m in enumerate(marks):
                if m in handed:
                    mark_cue.setdefault(i, verb)
            return None
        subject = self.subject_of(verb)
        return Attribution(
            start,
            end,
            kind="mixed" if inside else "indirect",
            act="thought" if self.lemma(verb) in self.cues.thought else "said",
            cue=self.cue_span(verb),
            subject=subject,
            source=self.source_span(subject, verb) if subject is not None else None,
            cue_token=verb,
            venue=self.venue_of(verb),
            marks_inside=inside,
        )

    @staticmethod
    def has_clause(doc: Doc, start: int, end: int, marks) -> bool:
        """Reported content states something: it has a verb ('his resignation' after 'announced'
        and 'the existence of a probe' after 'confirmed' are things, not words), or quoted words."""
        tokens = tokens_of(doc, (start, end))
        if tokens is None:
            return False
        return any(t.pos_ in ("VERB", "AUX") for t in tokens) or any(m.start >= start - 1 and m.end <= end + 1 for m in marks)

    def quotation_is_content(self, verb: Token, start: int, end: int, inside: list[MarkSpan]) -> bool:
        if not inside:
            return False
        text = text_of(verb.doc)
        words = text[start:end].split()
        outside_words = len(words) - sum(len(m.text(text).split()) for m in inside)
        # 'said that "..."': the reporter's 'that' makes the quotation part of reported speech, a
        # mixed quote with the 'that' (as PolNeAR marks it); a bare quotation stays direct
        reported = outside_words == 1 and words[0].lower() == "that"
        if outside_words <= 1 and not reported:
            return True
        return any(c.dep_ == "xcomp" for c in verb.children) and not any(c.dep_ in CLAUSE_DEPS for c in verb.children)

    def _characterisation(self, verb: Token, marks: list[MarkSpan]) -> Attribution | None:
        """'Christie described Clinton as a "disgrace"': the object with its quoted words is the
        content, the subject the source. Without quoted words it is no attribution."""
        complements = [c for c in verb.children if characterising(verb, c)]
        subject = self.subject_of(verb)
        if not complements or subject is None:
            return None
        tokens = [t for c in complements for t in c.subtree]
        if any(t.text == ":" for t in tokens):
            return None
        content = self.trimmed(sorted(tokens, key=lambda t: t.i), verb)
        if content is None:
            return None
        start, end = content
        inside = [m for m in marks if m.start >= start - 1 and m.end <= end + 1]
        if not inside or any(m not in inside and m.start < end and m.end > start for m in marks):
            return None
        return Attribution(
            start,
            end,
            kind="mixed",
            cue=self.cue_span(verb),
            subject=subject,
            source=self.source_span(subject, verb),
            cue_token=verb,
            marks_inside=inside,
        )

    def _direct(self, doc, index, mark, marks, mark_of_token, cue) -> Attribution | None:
        span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        via = "clause" if cue is not None else ""
        for route, finder in (("after", self._cue_after), ("before", self._cue_before)):
            if cue is None:
                cue = finder(doc, span, mark_of_token)
                via = route if cue is not None else ""
        noun_source = None
        if cue is None:
            cue, noun_source = self._governing_cue(span)
            via = "governed" if cue is not None else ""
        if cue is None and not self._standalone(text_of(doc), Attribution(mark.start, mark.end, "direct")):
            cue = self._characterising_verb(span)
            via = "characterised" if cue is not None else ""
        attribution = Attribution(mark.start, mark.end, kind="direct", mark=mark, via=via)
        if cue is not None:
            subject = noun_source if noun_source is not None else (
                self.subject_of(cue) if cue.pos_ in ("VERB", "AUX") else None
            )
            attribution.cue_token = cue
            attribution.cue = self.cue_span(cue) if cue.pos_ in ("VERB", "AUX") else (cue.idx, cue.idx + len(cue.text))
            attribution.subject = subject
            attribution.source = self.source_span(subject, cue) if subject is not None else None
            attribution.venue = self.venue_of(cue) if cue.pos_ in ("VERB", "AUX") else None
        return attribution

    def _cue_after(self, doc: Doc, span: Span, mark_of_token) -> Token | None:
        """'"...," Mr Hague said.' / '"...," said Mr Hague' / '"...," he told BBC Radio 4.'"""
        i = span.end
        while i < len(doc) and (doc[i].is_quote or doc[i].is_space) and mark_of_token[i] >= 0:
            i += 1
        ends_clause = span[-1].text in (",", ".", "!", "?", "…", "—", "-")
        while i < len(doc) and doc[i].is_punct and doc[i].text in ",—–-" and "\n" not in doc[i].text:
            ends_clause = True
            i += 1
        if not ends_clause:
            return None
        for j in range(i, min(len(doc), i + ADJACENT_AFTER)):
            tok = doc[j]
            if "\n" in tok.text or mark_of_token[j] >= 0 or (tok.is_punct and tok.text in ".!?;"):
                return None
            if self.is_speech_verb(tok):
                return tok
            if tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def _cue_before(self, doc: Doc, span: Span, mark_of_token) -> Token | None:
        """'He said: "...' / 'told BBC Radio 4's Today Programme: "...' / 'She added, "...'"""
        i = span.start - 1
        while i >= 0 and mark_of_token[i] >= 0 and (doc[i].is_quote or doc[i].is_space):
            i -= 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0:
            return None
        lead = doc[i]
        colon = lead.text == ":"
        if not (colon or lead.text == "," or self.is_speech_verb(lead)):
            return None
        for j in range(i, max(-1, i - ADJACENT_BEFORE), -1):
            tok = doc[j]
            if mark_of_token[j] >= 0 or (j < i and ends_lead_in(tok, colon)):
                return None
            if self.is_cue_verb(tok) and (colon or self.is_speech_verb(tok)) and (colon or self.leads_to(tok, doc[j + 1 : i])):
                return tok
        return None

    @staticmethod
    def leads_to(cue: Token, between) -> bool:
        """Only the cue's own words (or punctuation) stand between it and the quotation."""
        subtree = {t.i for t in cue.subtree}
        return all(t.i in subtree or t.is_punct or t.is_space for t in between)

    @staticmethod
    def _content_path(span: Span):
        """Ancestors of a quoted fragment reached through content relations (object, complement,
        'as ...'), not through adjuncts."""
        child = span.root
        for anc in span.root.ancestors:
            if anc.i in range(span.start, span.end):
                child = anc
                continue
            through_content = child.dep_ in GOVERNED_DEPS or (
                child.lower_ == "as" if child.dep_ == "prep" else child.dep_ == "pobj" and child.head.lower_ == "as"
            )
            child = anc
            if through_content:
                yield anc

    def _characterising_verb(self, span: Span) -> Token | None:
        """'Obama called the holiday "a celebration of ..."', 'described Clinton as "a lifetime
        politician"': the first verb with a subject that holds the fragment in its object."""
        for anc in self._content_path(span):
            if anc.pos_ == "VERB" and any(c.dep_ in ("nsubj", "csubj") for c in anc.children):
                return anc if self.lemma(anc) in self.cues.naming else None
        return None

    def _governing_cue(self, span: Span) -> tuple[Token | None, Token | None]:
        """A partial quote inside a sentence: the cue verb or noun that governs it."""
        for anc in self._content_path(span):
            if self.is_cue_verb(anc):
                return anc, None
            if anc.pos_ == "NOUN" and anc.lemma_.lower() in self.cues.nouns:
                owner = next((c for c in anc.children if c.dep_ == "poss"), None)
                if owner is None:
                    by = next((c for c in anc.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
                    owner = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
                if owner is not None:
                    return anc, owner
        return None, None

    def _inherit(self, doc: Doc, direct: list[Attribution], found: list[Attribution]) -> None:
        """Unattributed quotations take the speaker of the quote or report they continue."""
        text = text_of(doc)
        everything = sorted(direct + found, key=lambda a: a.start)
        for k, a in enumerate(everything):
            if a.kind != "direct" or a.is_attributed:
                continue
            previous = everything[k - 1] if k > 0 else None
            standalone = self._standalone(text, a)
            if not standalone:
                # A fragment inside a sentence continues only an attribution of that sentence.
                if previous is not None and previous.is_attributed and not any(c in ".!?\n" for c in text[previous.end : a.start].strip("\"'”’` ")):
                    a.inherits_from = previous
                    a.via = "inherited"
                continue
            if previous is not None and previous.is_attributed and self._paragraph_gap(text, previous.end, a.start) <= 1:
                a.inherits_from = previous
                a.via = "inherited"
                continue
            following = next((b for b in everything[k + 1 :] if b.is_attributed), None)
            if following is not None and following.kind == "direct" and self._paragraph_gap(text, a.end, following.start) <= 1 and following.inherits_from is None:
                a.inherits_from = following
                a.via = "inherited"

    @staticmethod
    def _standalone(text: str, a: Attribution) -> bool:
        """A quotation that is a sentence of its own: it opens a paragraph or follows the end of
        a sentence. Only such quotations continue another speaker's words; a fragment inside a
        sentence ('called the remarks "a wake-up call"') belongs to that sentence."""
        before = text[: a.start].rstrip(" \t\u00a0\"'“‘`«„")
        return not before or before[-1] in "\n.!?:…"

    @staticmethod
    def _named_programme(doc: Doc, a: Attribution) -> bool:
        """'said on "Morning Joe."', 'told "Fox News Sunday"': a quoted title after the preposition
        or verb that names where something was said."""
        before = text_of(doc)[max(0, a.start - 12) : a.start].rstrip(" “\"'‘").lower()
        return before.endswith((" on", " to", " in", " told", " during"))

    @staticmethod
    def _is_title(quoted: str) -> bool:
        """'The Steve Harvey Morning Show', 'Legend in the Coal Fields': every content word capitalised."""
        words = [w for w in quoted.strip(" ,.!?;:").split() if w[:1].isalpha()]
        minor = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "is"}
        return len(words) >= 2 and all(w[0].isupper() or w.lower() in minor for w in words) and words[0][0].isupper()

    @staticmethod
    def _paragraph_gap(text: str, start: int, end: int) -> int:
        between = text[start:end]
        return sum(1 for line in between.split("\n")[1:-1] if line.strip()) + (1 if "\n" in between else 0)


def misparsed_name(verb: Token) -> Token | None:
    """'Will said', 'George Will said', 'May said': a name the parser took for a modal verb,
    standing right before a past-tense verb (a modal never does)."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.dep_ != "aux" or before.head != verb or not before.text[:1].isupper():
        return None
    if before.ent_type_ == "PERSON" or (verb.tag_ == "VBD" and before.tag_ == "MD"):
        return before
    return None


def quoted_title(head: Token) -> str:
    """A programme's or publication's quoted name, without its quotation marks."""
    tokens = [t for t in sorted(head.subtree, key=lambda t: t.i) if not t.is_quote and not (t.is_punct and t.text in ",.;:")]
    return " ".join(t.text for t in tokens if t.dep_ != "det" or t.i != tokens[0].i).strip()


def says_nothing(cue: Token, refusals: frozenset[str]) -> bool:
    """'has not confirmed X', 'could not say how many', 'declined to say whether X': the cue
    reports that X was not said, so X is no quotation (for the rules and the tagger alike)."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in refusals
