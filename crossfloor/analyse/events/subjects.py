"""The subject of a verb, through the clauses it hangs from: conjuncts, complements, relative
clauses, gerunds ('after leaving the party, Amash decided')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import EventLexicon


def gerund_doer(node: Token) -> Token | None:
    """'Mr Milburn was away between stepping down and ...': the gerund's doer is the subject of
    the clause it hangs from; but a name just before the gerund is its own doer ('problems
    including Wasserman Schultz resigning'), which the parser hangs elsewhere."""
    if node.tag_ != "VBG" or node.dep_ not in ("pcomp", "advcl", "acl"):
        return None
    before = node.doc[node.i - 1] if node.i > 0 else None
    if before is not None and before.ent_type_ == "PERSON" and before.pos_ == "PROPN":
        return before
    governor = next((a for a in node.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return next((c for c in governor.children if c.dep_ in SUBJECTS), None) if governor is not None else None


def subject_under_mark(node: Token) -> Token | None:
    """'after Theresa May stepped down': the parser can read the clause's mark as a preposition
    and its subject as that preposition's object, leaving the verb without a subject. The
    object between the mark and the verb is the subject; without this the verb climbs to the
    main clause and takes its subject ('Johnson became prime minister after ...')."""
    if node.dep_ != "advcl":
        return None
    for mark in node.children:
        if mark.dep_ in ("mark", "prep") and mark.i < node.i:
            found = next((c for c in mark.children if c.dep_ == "pobj" and c.i < node.i), None)
            if found is not None:
                return found
    return None


def subject_here(node: Token) -> Token | None:
    """The subject a clause gives its verb itself, or through the clause it hangs from."""
    found = next((c for c in node.children if c.dep_ in SUBJECTS), None)
    if found is not None:
        return found
    if node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        # A misparse joins 'X, who left..., and joined Labour' to the noun: the verb shares
        # the relative clause's subject.
        relative = [t for t in node.head.subtree if t.dep_ == "relcl" and t.i < node.i]
        return relative[-1].head if relative else node.head
    found = gerund_doer(node) or subject_under_mark(node)
    if found is not None:
        return found
    if node.dep_ == "xcomp":  # 'the vote prompted Sir Stanley to resign'
        return next((c for c in node.head.children if c.dep_ == "dobj"), None)
    return None


class Subjects:
    def __init__(self, lexicon: EventLexicon):
        self.lex = lexicon

    def subject_of(self, verb: Token) -> Token | None:
        node = verb
        for _ in range(4):
            found, node = self.subject_step(node)
            if found is not None or node is None:
                return found
        return None

    def subject_step(self, node: Token) -> tuple[Token | None, Token | None]:
        """(the subject, if this node gives it; else the node to look at next, or None)."""
        found = subject_here(node)
        if found is not None:
            return found, None
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
            return None, node.head
        if node.dep_ == "pcomp" and node.head.lower_ in self.lex.gerund_prepositions:
            # 'nine months after leaving the party, Amash decided': the doer of the main clause.
            verb = next(
                (a for a in node.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("aux", "auxpass")),
                None,
            )
            return None, verb
        if node.dep_ in ("relcl", "acl"):
            return node.head, None
        return None, None
