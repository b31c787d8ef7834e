"""Is an event stated as having happened? Not when its trigger is negated, hypothetical, planned,
asked or rumoured ('denied he would defect', 'rumours of a defection', 'called on him to
resign'); relative clauses and 'as/after/when' clauses are told as fact."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import SUBJECTS, has_modal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import EventLexicon

# Clause links through which a governor can block an event below it.
# Subjects are left out: 'Mr Hague, who stepped down in 2001, does not rule out a return' does
# not put the stepping down under 'not rule out'.
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "relcl", "attr", "oprd", "appos", "compound", "amod"})


class Assertion:
    def __init__(self, lexicon: EventLexicon):
        self.lex = lexicon

    def is_asserted(self, trigger: Token, allow_will: bool = False) -> bool:
        """Stated as having happened: not negated, hypothetical, planned, asked or rumoured.
        allow_will: a plain future ('will join') counts, for events announced that way."""
        if trigger.sent.text.rstrip().endswith("?"):
            return False
        if self.hedged(trigger, allow_will) or self.planned(trigger):
            return False
        node = trigger
        while node.dep_ in CLAUSE_LINKS and node.head.i != node.i:
            verdict = self.through_governor(node)
            if verdict is not None:
                return verdict
            node = node.head
        return True

    def planned(self, verb: Token) -> bool:
        """'to defect' under anything but a factive head ('decided to quit')."""
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            return verb.head.lemma_.lower() not in self.lex.factive_infinitive_heads
        return False

    def through_governor(self, node: Token) -> bool | None:
        """True: told as fact; False: the governor blocks it; None: look further up."""
        if self.told_as_fact(node):
            return True
        if self.shares_a_hedge(node):
            return False
        head = node.head
        if self.blocks(head):
            return False
        if any(c.dep_ == "mark" and c.lower_ in self.lex.condition_marks for c in head.children) and node.dep_ != "advcl":
            return False
        return None

    def told_as_fact(self, node: Token) -> bool:
        """'as he launched his new party', 'after he quit UKIP'; and a relative clause is
        presupposed ('could sue two members who defected')."""
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lex.factual_marks for c in node.children):
            return True
        return node.dep_ == "relcl"

    def shares_a_hedge(self, node: Token) -> bool:
        """A verb under a modal head ('would stand down and fight'); a conjoined verb shares the
        modal or negation of its first conjunct, unless it is a clause with a subject of its own
        ('X would succeed him, but the office stands vacant after his resignation')."""
        head = node.head
        if node.tag_ in ("VBG", "VB") and node.dep_ in ("advcl", "xcomp", "conj") and has_modal(head, self.lex.modals):
            return True
        if node.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECTS for c in node.children):
            return any(c.dep_ in ("aux", "neg") and (c.tag_ == "MD" or c.dep_ == "neg") for c in head.children)
        return False

    def blocks(self, head: Token) -> bool:
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX", "ADJ") and lemma in self.lex.blocking_governors:
            return True
        # A person's name is no such noun ('Alan Price, a Conservative, defected' is no 'price').
        return head.pos_ in ("NOUN", "PROPN") and lemma in self.lex.blocking_nouns and head.ent_type_ != "PERSON"

    def hedged(self, verb: Token, allow_will: bool = False) -> bool:
        """Negated, under a modal (but 'will' when allow_will), conditional, or 'no/any' itself."""
        return any(self.hedges(child, allow_will) for child in verb.children)

    def hedges(self, child: Token, allow_will: bool) -> bool:
        lex = self.lex
        if child.dep_ == "neg" or child.lower_ in lex.negative_adverbs:
            return True
        if child.dep_ == "aux" and (child.tag_ == "MD" or child.lower_ in lex.modals) and not (allow_will and child.lower_ in lex.future_auxiliaries):
            return True
        if child.dep_ == "mark" and child.lower_ in lex.hedging_marks:
            return True
        return child.dep_ == "det" and child.lower_ in lex.negative_determiners
