"""Where a cue's content lies: the rules the clause passes read it by, one function each."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from .grammar import CUE_MODIFIERS, CueGrammar, is_passive
from .record import char_span_of

CLAUSE_DEPS = ("ccomp",)
COMMAS = (",", "—", "–")
# A rule that reads the verb's content but finds only punctuation there: the verb is read, and no
# later clause pass reads it again.
NO_CONTENT = (-1, -1)


class Trailing(NamedTuple):
    """An attribution after a comma in its sentence: '<content>, the minister said'."""

    subject: Token
    start: int  # where the sentence starts as written
    comma: Token
    parenthetical: bool  # the sentence goes on after it: '<content>, he said, <more content>'


def trailing(grammar: CueGrammar, verb: Token) -> Trailing | None:
    """'<everything>, the Health Secretary has said.' / '<everything>, said Mr Hague.'

    The parse of a long sentence often gives the cue only part of it; when the attribution
    follows a comma, the content is what the comma sets off."""
    if grammar.lemma(verb) not in grammar.cues.speech:
        return None
    sent = verb.sent
    subject = grammar.subject_of(verb)
    if subject is None or subject.sent != sent:
        return None
    left = min([verb.i, subject.left_edge.i] + [c.i for c in verb.children if c.i < verb.i and c.dep_ in CUE_MODIFIERS + ("advmod",)])
    start = written_sentence_start(sent)
    comma = verb.doc[left - 1] if left > start else None
    if comma is None or comma.text not in COMMAS:
        return None
    unquoted = not any(t.is_quote for t in verb.doc[start : sent.end])
    return Trailing(subject, start, comma, parenthetical_end(verb, subject) is not None and unquoted)


def parenthetical_content(grammar: CueGrammar, verb: Token) -> tuple[int, int] | None:
    """'Lenox was a juggernaut, Mr Clarke said, until it went bankrupt': one content on both
    sides of the attribution (its envelope, as for a split quotation)."""
    shape = trailing(grammar, verb)
    if shape is None or not shape.parenthetical:
        return None
    return trimmed(verb.doc[shape.start : verb.sent.end], verb)


def sentence_final_content(grammar: CueGrammar, verb: Token) -> tuple[int, int] | None:
    """Everything before the comma, when nothing but the attribution follows it."""
    shape = trailing(grammar, verb)
    if shape is None or shape.parenthetical:
        return None
    subject = {x.i for x in shape.subject.subtree}
    tail = [t for t in verb.doc[verb.i + 1 : verb.sent.end] if t.i not in subject]
    # A colon after the attribution leads in to what was said: 'Just a year after he won,
    # Cameron said: "..."' reports the quotation, not the clause before the comma.
    if any(t.pos_ == "VERB" or t.dep_ in CLAUSE_DEPS or t.text == ":" for t in tail) or has_own_object(grammar, verb):
        return None
    content = verb.doc[after_lead_in(verb.doc, shape.start, shape.comma.i) : shape.comma.i]
    if not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    return trimmed(content, verb)


def has_own_object(grammar: CueGrammar, verb: Token) -> bool:
    """'While most trade is in dollars, the union announced a payment system': a verb with an
    object of its own reports that, not the clause before the comma. The one spoken to is no
    such object ('..., the minister told reporters', '..., she urged voters')."""
    addressed = grammar.cues.telling_verbs | grammar.cues.infinitive
    return grammar.lemma(verb) not in addressed and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def after_lead_in(doc, start: int, end: int) -> int:
    """Where the words reported begin: after a lead-in ending in a colon ('Blankenship concurred:
    "...", he argued' reports the quotation, not the lead-in)."""
    colons = [t.i for t in doc[start:end] if t.text == ":"]
    return colons[-1] + 1 if colons else start


def complement_content(grammar: CueGrammar, verb: Token) -> tuple[int, int] | None:
    """'said (that) the election would be held in May'."""
    if grammar.lemma(verb) not in grammar.clause_verbs:
        return None
    clause = reported_clause(grammar, verb)
    if clause is None:
        return None
    reported = without_source(grammar, without_trailing_aside(before_next_report(grammar, clause)))
    tokens = reported + glued_on(verb, clause) + quoted_sequel(grammar, verb, clause)
    return trimmed(sorted(tokens, key=lambda t: t.i), verb) or NO_CONTENT


def set_off_by_comma(token: Token) -> bool:
    """A comma right before the clause the token heads."""
    comma = token.left_edge.i - 1
    return comma >= 0 and token.doc[comma].text == ","


def without_source(grammar: CueGrammar, tokens: list[Token]) -> list[Token]:
    """The clause without an 'according to X' the parser hung in it: where the report was read,
    not what was said ('has said she will not stand, according to Reuters')."""
    source = {t.i for tok in tokens if tok.lower_ in grammar.cues.according_to for t in tok.subtree}
    return [t for t in tokens if t.i not in source] if source else tokens


def reported_clause(grammar: CueGrammar, verb: Token) -> Token | None:
    """The clausal complement that holds what the verb reports, or the that-clause the parser
    hung on a noun before it. Not a clause before the verb that is another sentence's, set off
    by a semicolon ('Mendoza said A; TVN reported B'). (Preferring a clause after the verb to
    one before it wherever the parser gave two cost the whole-article validation part a quote.)"""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not fronted_adverbial(grammar, verb, c) and not beyond_semicolon(verb, c)]
    return clauses[0] if clauses else misread_complement(grammar, verb)


def misread_complement(grammar: CueGrammar, verb: Token) -> Token | None:
    """'clarified in the proceedings that her decisions were not connected': the parser hangs the
    that-clause on the noun before it, as a relative clause; one opened by a complementiser
    (not a relative pronoun inside it) and with a subject of its own is what the verb reports."""
    for noun in (o for p in verb.children if p.dep_ == "prep" and p.i > verb.i for o in p.children if o.dep_ == "pobj"):
        for clause in (r for r in noun.children if r.dep_ == "relcl"):
            opened = any(m.dep_ == "mark" and m.lower_ in grammar.cues.complementisers for m in clause.children)
            if opened and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                return clause
    return None


def beyond_semicolon(verb: Token, clause: Token) -> bool:
    """A clause before the verb with a semicolon between them: a semicolon joins two sentences,
    so the clause is not what this verb reports."""
    return clause.i < verb.i and any(t.text == ";" for t in verb.doc[clause.right_edge.i + 1 : verb.i])


def fronted_adverbial(grammar: CueGrammar, verb: Token, clause: Token) -> bool:
    """'Minutes before the committee voted, Trump claimed ...': a clause before the verb opened
    by a subordinating word other than a complementiser tells when or why, not what was said,
    whatever the parser labelled it."""
    return clause.i < verb.i and any(c.dep_ == "mark" and c.lower_ not in grammar.cues.complementisers for c in clause.children)


def without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """The clause without the aside a comma sets off at its end, a relative clause about its last
    noun that the writer adds ('said he may declare an emergency, which he said would let him
    act alone', 'planned to visit Wiranto, who was being treated in hospital') or a participle
    telling what the statement did ('announced that a deal had been reached, clearing the way
    for a vote'); one with quoted words in it stays, as the speaker's."""
    words = [t.i for t in tokens if not (t.is_punct or t.is_space)]
    if not words:
        return tokens
    for aside in (t for t in tokens if is_aside(t) and t.right_edge.i >= max(words)):
        if set_off_by_comma(aside) and not any(w.is_quote for w in aside.subtree):
            return [t for t in tokens if t.i < aside.left_edge.i - 1]
    return tokens


def is_aside(token: Token) -> bool:
    """A relative clause, or a bare participle clause (no subject, no subordinating word)."""
    if token.dep_ == "relcl":
        return True
    return token.dep_ == "advcl" and token.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in token.children)


def quoted_sequel(grammar: CueGrammar, verb: Token, clause: Token) -> list[Token]:
    """A clause the parser joined to the cue verb rather than to what was said, which goes on
    with the speaker's quoted words under a subject of its own: 'Hunt said he was "very
    disappointed", but Johnson would do "a great job"', 'tweeted that it was a "good meeting"
    and Trump "really believes in Brexit"'. The words between (', but') come along. Not a
    clause with a cue of its own ('and Lee called it "a farce"'), nor one without quoted words."""
    doc, end = verb.doc, clause.right_edge.i
    for sequel in (c for c in verb.children if c.dep_ == "conj" and c.i > clause.i):
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in sequel.children)
        if not own_subject or grammar.is_cue_verb(sequel) or grammar.is_naming_verb(sequel) or not any(t.is_quote for t in sequel.subtree):
            break
        return list(doc[end + 1 : sequel.right_edge.i + 1])
    return []


def glued_on(verb: Token, clause: Token) -> list[Token]:
    """The clauses the parser split off a hyphenated word the first one ends in ('could not be
    re-negotiated' as 're', '-' and 'negotiated', three clauses of 'said'): each touching the
    one before, with no space between them."""
    glued, end = [], clause.right_edge.i
    for other in (c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i > clause.i):
        if other.left_edge.i != end + 1 or verb.doc[end].whitespace_:
            break
        glued.extend(other.subtree)
        end = other.right_edge.i
    return glued


def before_next_report(grammar: CueGrammar, clause: Token) -> list[Token]:
    """The clause up to a conjoined cue verb the parser hung inside it, which starts a report of
    its own (read by the clause passes on its own): 'X said A and he also said that B', 'Flynn
    said there was a lack of transparency and urged the crowd to ...', 'Amash said that Trump
    engaged in impeachable conduct and accused Barr of ...'. A passive one goes on with what was
    said ('said Mrs May spoke to EU leaders and was asked what her plan was'). Read on the
    tuning part: the verb sharing the clause's subject ('said that he praised her work and
    claimed ...') is rarer than the speaker's own next report. So is a cue in an adverbial clause
    with a subject ('said A as she pledged B'). A participle ('said A, adding "B"') was cut there
    too: the tuning parts gained, the UK validation part lost 0.009."""
    tokens = list(clause.subtree)
    cues = [t for t in tokens if t.i > clause.i and (t.dep_ == "conj" or reports_alongside(t)) and grammar.is_cue_verb(t) and not is_passive(t)]
    if not cues:
        return tokens
    cut = min(t.left_edge.i for t in cues)
    kept = [t for t in tokens if t.i < cut]
    while kept and (kept[-1].dep_ == "cc" or kept[-1].is_punct and not kept[-1].is_quote):
        kept.pop()
    return kept


def reports_alongside(verb: Token) -> bool:
    """'said she wants a new spirit of cooperation as she pledged to ...': an adverbial clause with
    a subordinating word and a subject of its own, whose cue verb has content of its own (a
    clause with a verb), is a second report the writer sets beside the first, not part of what
    the first says. Not a cue word used for something else ('even as legal challenges
    continued'), nor one whose content is left out ('would serve if the party asked him to')."""
    children = [c.dep_ for c in verb.children]
    reported = any(c.dep_ in (*CLAUSE_DEPS, "xcomp") and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return verb.dep_ == "advcl" and "mark" in children and "nsubj" in children and reported


def infinitive_content(grammar: CueGrammar, verb: Token) -> tuple[int, int] | None:
    """'urged him to resign'."""
    if grammar.lemma(verb) not in grammar.cues.infinitive:
        return None
    for c in verb.children:
        if c.dep_ == "xcomp" and any(a.lower_ in grammar.cues.infinitive_markers for a in c.children):
            return trimmed(c.subtree, verb) or NO_CONTENT
    return None


def paratactic_content(grammar: CueGrammar, verb: Token) -> tuple[int, int] | None:
    """'The vote is lost, he says': a speech verb the parser hung beside the clause it reports."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.i >= verb.i or grammar.lemma(verb) not in grammar.cues.speech:
        return None
    tokens = [t for t in head.subtree if t.i < verb.left_edge.i]
    return trimmed(tokens, verb) if tokens else None


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
    if i >= sent.end or verb.doc[i].text not in COMMAS:
        return None
    rest = [t for t in verb.doc[i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    return i if len(rest) >= 2 else None


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


def trimmed(tokens, verb: Token) -> tuple[int, int] | None:
    """The span of the tokens without the cue and without punctuation and space at either end
    (quotation marks stay)."""
    tokens = [t for t in tokens if t.i != verb.i]
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and not tokens[-1].is_quote)):
        tokens.pop()
    while tokens and (tokens[0].is_space or (tokens[0].is_punct and not tokens[0].is_quote)):
        tokens.pop(0)
    if not tokens or all(t.is_punct or t.is_space for t in tokens):
        return None
    return char_span_of(tokens)
