"""What every pass asks of the parse: is this a cue, where does the cue start and stop, who is
its subject, where is the source mention."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import CueLexicon, PeopleLexicon
from .record import char_span_of
from .venue import Venues

INHERIT_SUBJECT_DEPS = ("conj", "xcomp", "advcl", "ccomp", "pcomp", "prep", "acl")
CUE_MODIFIERS = ("aux", "auxpass", "neg")
DASHES = frozenset({"—", "–", "--", "―"})


class CueGrammar:
    """The cue lexicon read against the parse; one per finder, shared by its passes."""

    def __init__(self, cues: CueLexicon, people: PeopleLexicon, min_unattributed_words: int = 4, include_beliefs: bool = False):
        self.cues = cues
        self.people = people
        self.min_unattributed_words = min_unattributed_words
        self.classes = ("speech", "clause_only", "infinitive") + (("beliefs",) if include_beliefs else ())
        self.clause_verbs = cues.clause_verbs | (cues.beliefs if include_beliefs else frozenset())
        self.venues = Venues(cues, people)

    @staticmethod
    def lemma(tok: Token) -> str:
        return tok.lemma_.lower()

    def is_cue_verb(self, tok: Token, classes: tuple[str, ...] | None = None) -> bool:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
            return False
        lemma = self.lemma(tok)
        return any(lemma in getattr(self.cues, c) for c in classes or self.classes)

    def is_speech_verb(self, tok: Token) -> bool:
        return self.is_cue_verb(tok, ("speech",))

    def is_naming_verb(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and self.lemma(tok) in self.cues.naming

    def cue_adverb(self, token: Token) -> bool:
        """Adverbs of time and manner right before the verb belong to the cue ('has long said',
        'publicly denied'), as PolNeAR marks cues; sentence adverbs ('however', 'when') do not."""
        return token.lower_ in self.cues.cue_adverbs or (token.dep_ == "advmod" and token.lower_.endswith(self.cues.adverb_endings) and len(token) > 4)

    def cue_span(self, verb: Token) -> tuple[int, int]:
        left = verb.i
        children = {c.i: c for c in verb.children}
        while left - 1 in children and (children[left - 1].dep_ in CUE_MODIFIERS or self.cue_adverb(children[left - 1])):
            left -= 1
        right = verb.i
        for c in verb.children:
            if c.dep_ == "prt" and c.i == right + 1:
                right = c.i
        return char_span_of(verb.doc[left : right + 1])

    def cue_of(self, cue: Token) -> tuple[int, int]:
        """A verb's cue span with its modifiers; a noun cue is the noun."""
        return self.cue_span(cue) if cue.pos_ in ("VERB", "AUX") else (cue.idx, cue.idx + len(cue.text))

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        named = misparsed_name(verb) or self.represented_speaker(verb) or (self.participle_speaker(verb) if depth == 0 else None)
        if named is not None:
            return named
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:  # two are a misparse, mostly of a dateline ('RENO, Nev. (AP) — Donald Trump said')
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return self.passive_speaker(verb)
        placed = self.speaker_placed_apart(verb, depth)
        if placed is not None:
            return placed
        if verb.dep_ == "relcl":
            return verb.head
        if depth < 4 and verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head is not verb:
            return self.subject_of(verb.head, depth + 1)
        return None

    def passive_speaker(self, verb: Token) -> Token | None:
        """The speaker of a verb the parser read as a passive: its agent ('was told by X'),
        unless the passive is a misread perfect."""
        return self.contracted_perfect(verb) or passive_agent(verb)

    def contracted_perfect(self, verb: Token) -> Token | None:
        """"He's indicated that ...": the parser reads "'s" as 'is', a passive; before a
        participle with a reported clause it is 'has', and the subject is the speaker. Not a
        verb of telling, whose passive takes a clause too ('she's told that ...')."""
        subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
        contracted = any(c.dep_ == "auxpass" and c.lower_ in self.cues.perfect_contractions for c in verb.children)
        person = subject.pos_ == "PROPN" or subject.lower_ in self.people.personal_pronouns
        reported = any(c.dep_ == "ccomp" for c in verb.children)
        return subject if contracted and person and reported and self.lemma(verb) not in self.cues.telling_verbs else None

    def speaker_placed_apart(self, verb: Token, depth: int) -> Token | None:
        """A speaker the parse puts away from the verb's subject: after an inverted cue, the
        speaker of the report a second cue continues, or a subject stranded before an aside."""
        inverted = inverted_speaker(verb) or stranded_subject(verb)
        if inverted is not None:
            return inverted
        reporting = self.reporting_verb_above(verb)
        return self.subject_of(reporting, depth + 1) if reporting is not None and depth < 4 else None

    def reporting_verb_above(self, verb: Token) -> Token | None:
        """'Smith said the plan would fail and warned that ...': a cue verb the parser joined to a
        verb inside another cue's reported clause is the first cue's speaker's next report
        (content.before_next_report ends the first there), so it shares that speaker, not the
        subject of the clause it hangs on ('the plan')."""
        if verb.dep_ != "conj" or not self.is_cue_verb(verb) or is_passive(verb):
            return None
        return next((a.head for a in verb.ancestors if a.dep_ == "ccomp" and self.is_cue_verb(a.head)), None)

    def represented_speaker(self, verb: Token) -> Token | None:
        """'Politico quoted Tim Manning as saying ...', 'the BBC cited X as saying ...': the one
        the report represents as speaking (the object of the verb 'as' hangs on) says the words;
        the subject only reports them."""
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in self.cues.representing_prepositions:
            return None
        return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)

    def participle_speaker(self, verb: Token) -> Token | None:
        """'..., saying there is ...' hangs on whatever verb the parser chose; its speaker is the
        subject of the nearest speech verb above it."""
        if verb.tag_ != "VBG" or verb.dep_ != "advcl":
            return None
        cue = next((h for h in verb.ancestors if self.is_cue_verb(h)), None)
        return self.subject_of(cue, 1) if cue is not None else None


# What may follow a speaker the parser read as the object of an inverted cue.
CLAUSE_CLOSERS = frozenset({".", ",", "!", "?", ";"})


def inverted_speaker(verb: Token) -> Token | None:
    """'"What is your data?" replied Elder.': a finite cue verb right after a closing quotation
    mark (or its comma), placed before its speaker, which the parser reads as the verb's object;
    the object ends the sentence or the clause. Not a participle ('..., telling the broadcaster:
    "..."'), whose object is the one spoken to."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not just_after_quotation(verb):
        return None
    speaker = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    after = speaker.right_edge.i + 1 if speaker is not None else None
    if after is None or after < len(doc) and doc[after].text not in CLAUSE_CLOSERS:
        return None
    return speaker


# How a noun the parser hung elsewhere may still be the subject a finite main verb lacks.
STRANDED_DEPS = frozenset({"nsubj", "appos", "dobj"})


def stranded_subject(verb: Token) -> Token | None:
    """'Mr Cameron, speaking after a visit to the Palace, told reporters', 'a tearful Cameron,
    standing outside Number 10, said': the parser gave the subject to the participle of the
    aside (or took it for an apposition) and left the sentence's finite main verb without one.
    The subject is the nearest noun before the verb that is some clause's subject or an
    apposition (or, misread, an object) and opens the aside; the search stops at a quotation
    mark or a clause's end."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == verb.sent.start:
        return None
    for tok in reversed(verb.doc[verb.sent.start : verb.i]):
        if tok.is_quote or tok.text in (";", ":"):
            return None
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in STRANDED_DEPS and opens_aside(tok):
            return tok
    return None


def opens_aside(tok: Token) -> bool:
    """The noun is followed by a comma and a participle: the aside it was stranded before
    ('Cameron, standing outside ...'), not a noun inside the aside ('... alongside his wife,
    Samantha, said')."""
    doc = tok.doc
    k = tok.i + 1
    return k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].tag_ in ("VBG", "VBN")


def just_after_quotation(verb: Token) -> bool:
    doc = verb.doc
    before = verb.i - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    # A closing mark touches the quoted words before it.
    return before > 0 and doc[before].is_quote and not doc[before - 1].whitespace_


def is_passive(verb: Token) -> bool:
    """'was asked': a verb in the passive voice."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def passive_agent(verb: Token) -> Token | None:
    """'was told by X': the object of the agent phrase, if there is one."""
    agent = next((a for a in verb.children if a.dep_ == "agent"), None)
    return next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None


def source_span(subject: Token, cue: Token | None = None) -> tuple[int, int]:
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
    tokens = strip_punctuation(tokens[dashes[-1] + 1 :] if dashes else tokens)
    if not tokens:
        return subject.idx, subject.idx + len(subject.text)
    return char_span_of(tokens)


def strip_punctuation(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens


def misparsed_name(verb: Token) -> Token | None:
    """'Will said', 'George Will said', 'May said': a name the parser took for a modal verb,
    standing right before a past-tense verb (a modal never does)."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.dep_ != "aux" or before.head != verb or not before.text[:1].isupper():
        return None
    if before.ent_type_ == "PERSON" or (verb.tag_ == "VBD" and before.tag_ == "MD"):
        return before
    return None


def says_nothing(cue: Token, refusals: frozenset[str]) -> bool:
    """'has not confirmed X', 'could not say how many', 'declined to say whether X': the cue
    reports that X was not said, so X is no quotation (for the rules and the tagger alike)."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in refusals
