"""Find political events in a parsed article: party switches, by-election calls, letters of no
confidence and resignations, each with its participants, date words and evidence sentence.

Events are read off the dependency parse around trigger words from data/events.json. An event is
only kept when the text states it as having happened: triggers under negation, a modal, an
infinitive, a question, an "if", or a governor such as "denied", "rumours of" or "called on him to"
are dropped (by-election *calls* are the exception: there the call is the event). People are
resolved with the speaker resolver's cast of the article, so "the MP who defected" and "he" reach
the person. Events about the same person and change are merged within the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Doc, Span, Token

from ..records import Event
from .doctext import inside_quotation, text_of
from .lexicon import PartyLexicon, _load
from .speakers import Cast, Person, Speaker, SpeakerResolver

MODALS = frozenset({"would", "could", "might", "may", "should", "must", "will", "shall", "can", "'ll", "ought", "wo", "ca"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Clause links through which a governor can block an event below it.
# Subjects are left out: 'Mr Hague, who stepped down in 2001, does not rule out a return' does
# not put the stepping down under 'not rule out'.
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "relcl", "attr", "oprd", "appos", "compound", "amod"})
POST_NOMINALS = frozenset({"qc", "kc", "mp", "mep", "msp", "ms", "am", "mla", "obe", "mbe", "cbe", "kbe", "dbe", "jr", "sr", "jnr", "snr"})
# Noun phrase parts that are not the phrase itself: clauses, appositions, conjuncts.
CLAUSAL = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "conj", "cc", "punct"})
BY_ELECTION = re.compile(r"\bby[- ]?elections?\b", re.I)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
# Nouns that describe a person without naming them ('the former minister', 'a candidate').
DESCRIPTION_HEADS = frozenset({"man", "woman", "politician", "candidate", "challenger", "councillor", "member", "peer", "mep", "msp", "mp", "activist", "campaigner", "veteran", "backbencher", "minister", "leader", "recruit", "rebel", "colleague", "newcomer", "grandee", "figure", "defector", "chairman", "secretary"})
FACTUAL_MARKS = frozenset({"as", "when", "after", "before", "while", "because", "since", "once", "until"})
WHIP_SUBTYPES = frozenset({"whip_withdrawn", "whip_resigned", "readmitted"})
# Descriptions that refer back to someone already named ('the Glasgow Kelvin MP'); office titles
# ('the Prime Minister') name whoever holds the office instead, which only reference data knows.
ANAPHORIC_HEADS = frozenset({"mp", "mep", "msp", "man", "woman", "politician", "recruit", "candidate", "challenger", "defector", "veteran", "backbencher", "rebel", "newcomer", "peer", "councillor", "member", "figure", "grandee"})
QUANTIFIER_WORDS = frozenset({"up", "to", "about", "around", "nearly", "almost", "some", "over", "least", "at", "than", "more", "fewer", "as", "many", "roughly", "approximately"})
PARTY_NAME = re.compile(r"^([A-Z][\w'’-]*\s+){0,4}Party$")


@dataclass(frozen=True)
class EventLexicon:
    defect_verbs: frozenset[str]
    join_verbs: frozenset[str]
    leave_verbs: frozenset[str]
    expel_verbs: frozenset[str]
    found_verbs: frozenset[str]
    readmit_verbs: frozenset[str]
    whip_withdrawn_verbs: frozenset[str]
    whip_resigned_verbs: frozenset[str]
    whip_restored_verbs: frozenset[str]
    switch_nouns: frozenset[str]
    switch_objects: frozenset[str]
    resign_verbs: frozenset[str]
    resign_phrasal: dict[str, frozenset[str]]
    resign_nouns: frozenset[str]
    leave_offices: frozenset[str]
    office_nouns: frozenset[str]
    blocking_governors: frozenset[str]
    factive_infinitive_heads: frozenset[str]
    blocking_nouns: frozenset[str]
    call_for_verbs: frozenset[str]
    call_against_verbs: frozenset[str]
    against_words: frozenset[str]
    letter_nouns: frozenset[str]
    submitted_verbs: frozenset[str]
    withdrawn_verbs: frozenset[str]

    @cached_property
    def trigger_verbs(self) -> frozenset[str]:
        return (
            self.defect_verbs | self.join_verbs | self.leave_verbs | self.expel_verbs | self.found_verbs
            | self.readmit_verbs | self.whip_withdrawn_verbs | self.whip_resigned_verbs | self.whip_restored_verbs
            | self.resign_verbs | frozenset(self.resign_phrasal) | self.leave_offices
        )


@cache
def event_lexicon(path: str | None = None) -> EventLexicon:
    data = _load("events.json", path)
    switch, resign = data["party_switch"], data["resignation"]
    by_election, letters = data["by_election"], data["no_confidence"]
    f = frozenset
    return EventLexicon(
        defect_verbs=f(switch["defect_verbs"]),
        join_verbs=f(switch["join_verbs"]),
        leave_verbs=f(switch["leave_verbs"]),
        expel_verbs=f(switch["expel_verbs"]),
        found_verbs=f(switch["found_verbs"]),
        readmit_verbs=f(switch["readmit_verbs"]),
        whip_withdrawn_verbs=f(switch["whip_withdrawn_verbs"]),
        whip_resigned_verbs=f(switch["whip_resigned_verbs"]),
        whip_restored_verbs=f(switch["whip_restored_verbs"]),
        switch_nouns=f(switch["nouns"]),
        switch_objects=f(switch["switch_objects"]),
        resign_verbs=f(resign["verbs"]),
        resign_phrasal={verb: f(particles) for verb, particles in resign["phrasal"].items()},
        resign_nouns=f(resign["nouns"]),
        leave_offices=f(resign["leave_offices"]),
        office_nouns=f(data["office_nouns"]),
        blocking_governors=f(data["blocking_governors"]),
        factive_infinitive_heads=f(data["factive_infinitive_heads"]),
        blocking_nouns=f(data["blocking_nouns"]),
        call_for_verbs=f(by_election["for_verbs"]),
        call_against_verbs=f(by_election["against_verbs"]),
        against_words=f(by_election["against_words"]),
        letter_nouns=f(letters["letter_nouns"]),
        submitted_verbs=f(letters["submitted_verbs"]),
        withdrawn_verbs=f(letters["withdrawn_verbs"]),
    )


def noun_phrase(tok: Token) -> list[Token]:
    """The tokens of a noun phrase without its clauses, appositions and conjuncts."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in CLAUSAL:
            out.extend(noun_phrase(child))
    return sorted(out, key=lambda t: t.i)


def phrase_text(doc: Doc, tokens) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("det", "cc", "case") or tokens[0].tag_ == "POS"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "case")):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return text_of(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


class EventFinder:
    def __init__(self, lexicon: EventLexicon, parties: PartyLexicon, resolver: SpeakerResolver):
        self.lex = lexicon
        self.parties = parties
        self.resolver = resolver

    # ---- entry point --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> list[Event]:
        cast: Cast | None = doc._.cast
        if cast is None:
            return []
        events: list[Event] = []
        for tok in doc:
            if self.inside_direct_quote(doc, tok.idx):
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                events.extend(self.verb_events(doc, tok, cast))
            elif tok.pos_ in ("NOUN", "PROPN"):
                events.extend(self.noun_events(doc, tok, cast))
        events.extend(self.by_election_calls(doc, cast))
        events = merge_events(events)
        self.fill_in(doc, events, cast)
        events = [e for e in events if e.type != "party_switch" or e.from_party or e.to_party or e.subtype in WHIP_SUBTYPES]
        return sorted(events, key=lambda e: (e.start, e.type))

    # ---- what blocks an event -----------------------------------------------------------------
    @staticmethod
    def inside_direct_quote(doc: Doc, offset: int) -> bool:
        return inside_quotation(doc, offset)

    def is_asserted(self, trigger: Token) -> bool:
        """Stated as having happened: not negated, hypothetical, planned, asked or rumoured."""
        sent = trigger.sent
        if sent.text.rstrip().endswith("?"):
            return False
        verb = trigger
        for child in verb.children:
            if child.dep_ == "neg" or child.lower_ in ("never",):
                return False
            if child.dep_ == "aux" and (child.tag_ == "MD" or child.lower_ in MODALS):
                return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether", "lest"):
                return False
            if child.dep_ == "det" and child.lower_ in ("no", "any"):
                return False
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            if verb.head.lemma_.lower() not in self.lex.factive_infinitive_heads:
                return False
        node = verb
        while node.dep_ in CLAUSE_LINKS and node.head.i != node.i:
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in FACTUAL_MARKS for c in node.children):
                return True  # 'as he launched his new party', 'after he quit UKIP': told as fact
            if node.dep_ == "relcl":
                return True  # 'could sue two members who defected': a relative clause is presupposed
            head = node.head
            lemma = head.lemma_.lower()
            if node.tag_ in ("VBG", "VB") and node.dep_ in ("advcl", "xcomp", "conj"):
                if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in MODALS) for c in head.children):
                    return False
            if node.dep_ in ("conj",) and head.pos_ in ("VERB", "AUX"):
                # A conjoined verb shares the modal or negation of its first conjunct.
                if any(c.dep_ in ("aux", "neg") and (c.tag_ == "MD" or c.dep_ == "neg") for c in head.children):
                    return False
            if head.pos_ in ("VERB", "AUX", "ADJ") and lemma in self.lex.blocking_governors:
                return False
            if head.pos_ in ("NOUN", "PROPN") and lemma in self.lex.blocking_nouns:
                return False
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children) and node.dep_ != "advcl":
                return False
            node = head
        return True

    # ---- who ----------------------------------------------------------------------------------
    def subject_of(self, verb: Token) -> Token | None:
        node = verb
        for _ in range(4):
            for child in node.children:
                if child.dep_ in SUBJECTS:
                    return child
            if node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
                # A misparse joins 'X, who left..., and joined Labour' to the noun: the verb shares
                # the relative clause's subject.
                relative = [t for t in node.head.subtree if t.dep_ == "relcl" and t.i < node.i]
                return relative[-1].head if relative else node.head
            if node.tag_ == "VBG" and node.dep_ in ("pcomp", "advcl", "acl"):
                # 'Mr Milburn was away between stepping down and ...': the gerund's doer is the
                # subject of the clause it hangs from.
                governor = next((a for a in node.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if governor is not None:
                    found = next((c for c in governor.children if c.dep_ in SUBJECTS), None)
                    if found is not None:
                        return found
            if node.dep_ == "xcomp":
                controller = next((c for c in node.head.children if c.dep_ == "dobj"), None)
                if controller is not None:  # 'the vote prompted Sir Stanley to resign'
                    return controller
            if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ in ("relcl", "acl"):
                return node.head
            return None
        return None

    def people_in(self, doc: Doc, head: Token, cast: Cast, lede: bool = False) -> list[Speaker]:
        """The named people a noun phrase stands for ('Mr Woodward's parents, Dennis and Joan
        Woodward' -> two people), the person a pronoun or a definite description ('the Glasgow
        Kelvin MP') refers back to, or (with lede, for the one who switched or resigned) the person
        a news lede's indefinite subject ('A Conservative MP has defected') is named as in the next
        sentence."""
        if head.lower_ in ("who", "that", "which") and head.head.dep_ in ("relcl", "acl"):
            head = head.head.head
        if head.pos_ == "PRON":
            return self.registered(self.resolver.who(doc, head, cast), cast)
        candidates = [head]
        for child in head.children:
            if child.dep_ in ("appos", "conj"):
                candidates.append(child)
                candidates.extend(c for c in child.children if c.dep_ in ("conj", "appos"))
        if head.dep_ == "appos":
            candidates.append(head.head)
        names = [self.name_of(doc, tok) for tok in candidates if tok.ent_type_ == "PERSON" and not self.parties.normalise(tok.text)]
        names = [n for n in names if n]
        people: list[Speaker] = []
        surname = next((n[-1].text for n in reversed(names) if len(n) > 1), None)
        for tokens in names:
            speaker = self.known_person(doc, tokens, cast, surname)
            if all(p.name != speaker.name for p in people):
                people.append(speaker)
        if not people and head.pos_ == "PROPN" and head.lower_ in cast.by_surname:
            people.append(cast.by_surname[head.lower_].as_speaker())
        if not people:
            bound = cast.by_role.get(self.resolver.role_phrase(head).lower())
            if bound is not None:
                people.append(bound.as_speaker())
        if not people and self.describes_person(head):
            article = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
            counted = any(c.dep_ == "nummod" for c in head.children)
            if article == "the" and head.tag_ in ("NN", "NNP") and head.lemma_.lower() in ANAPHORIC_HEADS:
                people = self.salient_person(head.idx, cast)
            elif lede and (article in ("a", "an") or counted or any(c.lower_ == "one" for c in head.ancestors if c.i > head.i - 6)):
                people = self.lede_people(doc, head, cast)
        return people

    @staticmethod
    def salient_person(offset: int, cast: Cast) -> list[Speaker]:
        """'The Glasgow Kelvin MP, who was expelled from Labour': a definite description with
        no name is the person the article has named most so far (the latest among equals)."""
        seen: dict[int, tuple[int, int, Person]] = {}
        for position, person, _ in cast.mentions:
            if position < offset:
                count, _, _ = seen.get(id(person), (0, 0, person))
                seen[id(person)] = (count + 1, position, person)
        if not seen:
            return []
        count, _, person = max(seen.values(), key=lambda v: (v[0], v[1]))
        return [person.as_speaker()]

    def name_of(self, doc: Doc, tok: Token) -> list[Token]:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is None:
            return []
        tokens = self.resolver.name_tokens(ent)
        while tokens and tokens[-1].lower_.strip(".") in POST_NOMINALS:
            tokens = tokens[:-1]
        return tokens

    @staticmethod
    def known_person(doc: Doc, tokens: list[Token], cast: Cast, surname: str | None) -> Speaker:
        """The article's fullest form of a name; 'Dennis' beside 'Joan Woodward' is 'Dennis
        Woodward'; 'Joan Woodward' is not 'Shaun Woodward'."""
        written = text_of(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        person = cast.by_surname.get(tokens[-1].lower_)
        if person is not None and len(tokens) > 1 and not person.name.replace("-", " ").endswith(written.replace("-", " ")) and person.name.split()[0] != tokens[0].text:
            person = None
        if person is not None and (len(tokens) > 1 or " " in person.name):
            return person.as_speaker()
        if len(tokens) == 1 and surname and tokens[0].text != surname:
            return Speaker(f"{tokens[0].text} {surname}")
        return Speaker(written)

    def registered(self, speaker: Speaker | None, cast: Cast) -> list[Speaker]:
        """Keep a resolved referent only when it is a person the article names."""
        if speaker is None or not self.is_named(speaker):
            return []
        person = cast.by_surname.get(speaker.name.split()[-1].lower())
        return [person.as_speaker()] if person is not None else []

    def lede_people(self, doc: Doc, head: Token, cast: Cast) -> list[Speaker]:
        """'A Conservative MP has defected to Labour. Robert Jackson, 58, ...': in the first
        sentences of an article an unnamed subject is the person (or, when plural, the people)
        the next sentence opens with."""
        sentences = [sent for sent in doc.sents if sent.text.strip()]
        index = next((k for k, sent in enumerate(sentences) if sent.start <= head.i < sent.end), None)
        if index is None or index > 2 or index + 1 >= len(sentences):
            return []
        following = sentences[index + 1]
        first = next((e for e in following.ents if e.label_ == "PERSON"), None)
        if first is None or first.start > following.start + 2 or first.root.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            return []
        if head.tag_ in ("NNS", "NNPS"):
            return self.people_in(doc, first.root, cast)
        tokens = self.name_of(doc, first.root)
        return [self.known_person(doc, tokens, cast, None)] if tokens else []

    def describes_person(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return tok.pos_ in ("NOUN", "PROPN") and (lemma in DESCRIPTION_HEADS or tok.lower_ in self.resolver.people.role_heads) and not self.parties.normalise(tok.text)

    @staticmethod
    def is_named(speaker: Speaker) -> bool:
        return bool(speaker.name) and speaker.name[:1].isupper() and speaker.name.lower() not in ("i", "we", "you", "they", "it")

    def group_of(self, doc: Doc, head: Token) -> tuple[str | None, str | None]:
        """('up to seven Tory MPs' -> count 'up to seven', party 'Conservative')."""
        tokens = [t for t in head.subtree if t.dep_ not in ("relcl",) and not any(a.dep_ == "relcl" for a in t.ancestors if a in head.subtree and a.i != head.i)]
        number = next((t for t in tokens if t.dep_ == "nummod" or t.like_num), None)
        count = None
        if number is not None:
            words = list(number.subtree)
            while words[0].i > 0 and doc[words[0].i - 1].lower_ in QUANTIFIER_WORDS:
                words.insert(0, doc[words[0].i - 1])
            count = phrase_text(doc, words)
        party = self.parties.find(" ".join(t.text for t in tokens))
        return count, party

    # ---- parties ------------------------------------------------------------------------------
    def party_in(self, doc: Doc, tok: Token | None, person: Speaker | None, cast: Cast) -> str | None:
        """The party a noun phrase names: 'Labour', 'the Labour party', 'Robert Kilroy Silk's
        Veritas Party'; 'the party' is the person's own party."""
        if tok is None:
            return None
        tokens = noun_phrase(tok)
        words = " ".join(t.text for t in tokens)
        party = self.parties.find(words)
        if party:
            return party
        name = phrase_text(doc, [t for t in tokens if t.tag_ != "POS" and t.ent_type_ != "PERSON" and t.dep_ != "poss"])
        if PARTY_NAME.match(name) and name.lower() != "party":
            return name
        if tok.lemma_.lower() == "party" and self.owned_by_other(tok):
            return None  # 'Starmer's party': someone else's party, not named here
        if tok.lemma_.lower() == "party" and person is not None:
            return person.party or self.party_before(doc, tok.idx)
        if tok.lemma_.lower() == "party":
            for child in tok.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    return self.parties.normalise(child.text) or child.text
        return None

    @staticmethod
    def owned_by_other(party: Token) -> bool:
        """'Starmer's party' (someone else's), unlike 'his party' or 'the party'."""
        return any(c.dep_ in ("poss", "nmod") and c.pos_ in ("PROPN", "NOUN") and any(g.dep_ == "case" for g in c.children) for c in party.children) or any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in party.children
        )

    def party_before(self, doc: Doc, offset: int) -> str | None:
        """The last party named before an offset ('another former Tory MP ... who left the party')."""
        found = None
        for ent in doc.ents:
            if ent.start_char >= offset:
                break
            party = self.parties.normalise(ent.text) or (self.parties.find(ent.text) if ent.label_ in ("NORP", "ORG") else None)
            if party:
                found = party
        return found

    def prep_object(self, verb: Token, preps: tuple[str, ...]) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None

    @staticmethod
    def agent_of(verb: Token) -> Token | None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None

    @staticmethod
    def direct_object(verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)

    # ---- verb triggers ------------------------------------------------------------------------
    def verb_events(self, doc: Doc, verb: Token, cast: Cast) -> list[Event]:
        lemma = verb.lemma_.lower()
        if lemma == "lose":
            return self.party_loses_member(doc, verb, cast)
        if lemma not in self.lex.trigger_verbs or not self.is_asserted(verb):
            return []
        obj = self.direct_object(verb)
        subject = self.subject_of(verb)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        kind = self.classify(doc, verb, obj, passive)
        if kind is None:
            return []
        if passive and kind[1] == "founded_new_party":  # 'Veritas was formed by Mr Kilroy-Silk'
            obj, subject = subject, self.agent_of(verb)
        people = self.people_in(doc, subject, cast, lede=True) if subject is not None else []
        events = []
        events = []
        for person in people or [None]:
            event = self.new_event(doc, verb, kind[0])
            event.person = person.name if person else None
            if subject is not None and not people:
                if not self.describes_person(subject):
                    continue  # 'leaving the Tories with 163 MPs': a party or thing, not a switcher
                event.unnamed = phrase_text(doc, noun_phrase(subject))
                if event.type == "resignation":  # 'A prospective candidate has resigned'
                    event.office = self.resolver.role_phrase(subject)
            event.distinct = any(c.lower_ in ("also", "too") and c.dep_ == "advmod" for c in verb.children)
            self.fill_switch_or_resignation(doc, verb, obj, kind, event, person, cast)
            # A quit with no party named is no switch; a defection or founding may get its
            # parties from the rest of the article (fill_in), and is dropped there if not.
            if event.type == "party_switch" and not (event.from_party or event.to_party) and kind[1] not in ("defection", "founded_new_party", *WHIP_SUBTYPES):
                continue
            events.append(event)
        return events

    def party_loses_member(self, doc: Doc, verb: Token, cast: Cast) -> list[Event]:
        """'UKIP has lost one of its two London Assembly members to Kilroy-Silk's new party'."""
        subject, obj = self.subject_of(verb), self.direct_object(verb)
        target = self.prep_object(verb, ("to",))
        if subject is None or obj is None or target is None or not self.is_asserted(verb):
            return []
        loser = self.parties.find(" ".join(t.text for t in noun_phrase(subject)))
        if loser is None or not (self.names_party(doc, target) or target.lemma_.lower() in ("party", "group")):
            return []
        member = obj
        if obj.lemma_.lower() == "one":  # 'one of its members'
            member = next((c for c in obj.subtree if c.dep_ == "pobj"), obj)
        people = self.people_in(doc, member, cast, lede=True)
        events = []
        for person in people:
            event = self.new_event(doc, verb, "party_switch")
            event.person, event.subtype, event.from_party = person.name, "defection", loser
            event.to_party = self.party_in(doc, target, None, cast)
            if event.to_party is None and any(c.lower_ == "new" for c in target.children):
                event.to_party = self.nearest_party(doc, verb.idx, {loser})
            events.append(event)
        return events

    def classify(self, doc: Doc, verb: Token, obj: Token | None, passive: bool) -> tuple[str, str | None] | None:
        """(type, subtype) of the event a trigger verb states, or None."""
        lemma = verb.lemma_.lower()
        lex = self.lex
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        obj_is_party = obj is not None and self.names_party(doc, obj)
        whip = obj_lemma == "whip" or (passive and any(c.lemma_.lower() == "whip" for c in verb.subtree if c.dep_ in ("nsubjpass",)))
        if whip or (obj is not None and obj_lemma == "whip"):
            if lemma in lex.whip_restored_verbs:
                return ("party_switch", "readmitted")
            if lemma in lex.whip_resigned_verbs and not passive:
                return ("party_switch", "whip_resigned")
            if lemma in lex.whip_withdrawn_verbs:
                return ("party_switch", "whip_withdrawn")
            return None
        if lemma in lex.expel_verbs and (passive or obj is not None):
            source = self.prep_object(verb, ("from", "out"))
            if source is not None and self.names_party(doc, source):
                return ("party_switch", "expelled")
            return None
        if lemma in lex.readmit_verbs:
            return ("party_switch", "readmitted")
        if lemma in lex.found_verbs:
            if obj is not None and obj_lemma == "party" and any(c.lower_ == "new" for c in obj.children):
                return ("party_switch", "founded_new_party")
            named = obj if obj is not None else (self.subject_of(verb) if passive else None)
            if named is not None and lemma in ("found", "form", "launch", "establish", "set") and named.pos_ == "PROPN" and self.names_party(doc, named):
                return ("party_switch", "founded_new_party")
            return None
        if lemma in lex.defect_verbs:
            if lemma == "cross":
                return ("party_switch", "defection") if obj_lemma == "floor" else None
            if lemma == "defect":
                return ("party_switch", "defection")
            target = self.prep_object(verb, ("to",))
            if lemma in ("switch", "move", "go", "desert") and target is not None and self.names_party(doc, target) and not self.owned_by_other(target):
                return ("party_switch", "defection")
            if lemma == "switch" and obj_lemma in lex.switch_objects:
                return ("party_switch", "defection")
            if lemma == "desert" and obj_is_party:
                return ("party_switch", "quit")
        if lemma in lex.join_verbs:
            target = obj if obj is not None else self.prep_object(verb, ("up", "to", "with"))
            if lemma == "sign" and not ("up" in particles or target is not None):
                return None
            if target is not None and self.names_party(doc, target):
                return ("party_switch", "readmitted" if lemma == "rejoin" else "defection")
            return None
        if lemma in lex.leave_verbs or lemma in lex.resign_verbs:
            source = obj if obj is not None else self.prep_object(verb, ("from",))
            if source is not None and self.names_party(doc, source):
                return ("party_switch", "quit")
            if lemma in lex.resign_verbs or lemma in ("leave", "walk"):
                if lemma in ("leave", "walk"):
                    return ("resignation", None) if source is not None and self.is_office(source) else None
                if source is not None and not self.is_office(source):
                    return None
                return ("resignation", None)
            return None
        if lemma in lex.resign_phrasal and particles & lex.resign_phrasal[lemma]:
            return ("resignation", None)
        if lemma in lex.leave_offices and obj is not None and self.is_office(obj):
            return ("resignation", None)
        return None

    def names_party(self, doc: Doc, tok: Token) -> bool:
        """The phrase is a party ('the Labour party', 'UKIP'), not something of one ('Labour's
        campaign team')."""
        owner = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        own = [t for t in noun_phrase(tok) if t.i not in owner]
        words = " ".join(t.text for t in own)
        if self.parties.find(words) and (self.parties.normalise(tok.text) or tok.lemma_.lower() in ("party", "parties") or tok.pos_ == "PROPN"):
            return True
        if tok.lemma_.lower() == "party":
            return True
        return bool(PARTY_NAME.match(phrase_text(doc, [t for t in tok.subtree if t.tag_ != "POS" and t.dep_ != "poss" and t.ent_type_ != "PERSON"])))

    def is_office(self, tok: Token) -> bool:
        if tok.lemma_.lower() in self.lex.office_nouns or tok.lower_ in self.lex.office_nouns:
            return True
        return tok.lower_ in ("10", "downing") or any(t.lower_ in ("secretary", "minister") for t in tok.subtree)

    def fill_switch_or_resignation(self, doc, verb, obj, kind, event: Event, person, cast) -> None:
        event.type, subtype = kind
        if event.type == "party_switch":
            event.subtype = subtype
            if subtype in ("defection", "readmitted"):
                target = self.prep_object(verb, ("to", "for")) or (obj if verb.lemma_.lower() in self.lex.join_verbs else None)
                if target is None and subtype == "readmitted":
                    target = obj
                event.to_party = self.party_in(doc, target, person, cast)
                source = self.prep_object(verb, ("from",))
                event.from_party = self.party_in(doc, source, person, cast)
                if subtype == "readmitted":
                    event.from_party = None
            elif subtype in ("quit", "expelled"):
                source = obj if (obj is not None and subtype == "quit") else self.prep_object(verb, ("from", "out"))
                event.from_party = self.party_in(doc, source, person, cast)
                target = self.prep_object(verb, ("to",))
                event.to_party = self.party_in(doc, target, person, cast)
            elif subtype == "founded_new_party":
                event.to_party = self.new_party_name(doc, obj)
            elif subtype in ("whip_withdrawn", "whip_resigned"):
                whip = obj if obj is not None else None
                event.from_party = (self.party_in(doc, whip, person, cast) if whip is not None else None) or (person.party if person else None)
                event.to_party = None
        elif person is not None:
            event.office = self.office_of(doc, verb, obj, person)
        else:
            event.office = event.office or self.office_of(doc, verb, obj, None)
        event.reason = self.reason_of(doc, verb)

    def new_party_name(self, doc: Doc, obj: Token | None) -> str | None:
        if obj is None:
            return None
        if obj.pos_ == "PROPN":  # 'launched Respect, the Unity Coalition'
            name = phrase_text(doc, noun_phrase(obj))
            return self.parties.normalise(name) or self.parties.find(name) or name
        for child in obj.children:
            if child.dep_ in ("appos", "attr") and child.pos_ == "PROPN":
                name = phrase_text(doc, noun_phrase(child))
                return self.parties.normalise(name) or name
        party = self.parties.find(" ".join(t.text for t in obj.subtree))
        if party:
            return party
        name = phrase_text(doc, [t for t in obj.subtree if t.pos_ == "PROPN" or t.lower_ == "party"])
        return name if name and PARTY_NAME.match(name) else None

    def office_of(self, doc: Doc, verb: Token, obj: Token | None, person: Speaker | None) -> str | None:
        role = self.prep_object(verb, ("as",))
        if role is not None:
            return phrase_text(doc, [t for t in role.subtree if t.dep_ not in ("relcl", "poss")])
        for holder in (obj, self.prep_object(verb, ("from",))):
            if holder is None:
                continue
            inner = self.prep_object(holder, ("as", "of"))
            if holder.lemma_.lower() in ("post", "position", "job", "role") and inner is not None:
                return phrase_text(doc, [t for t in inner.subtree if t.dep_ not in ("relcl",)])
            return phrase_text(doc, [t for t in holder.subtree if t.dep_ not in ("relcl", "acl", "poss")])
        return person.role if person is not None else None

    def reason_of(self, doc: Doc, verb: Token) -> str | None:
        """The stated reason: 'quit over a remark', 'in protest at X', '... because X', 'saying X'."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("over", "after"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and child.lower_ == "over":
                    return phrase_text(doc, list(obj.subtree))
            if child.dep_ == "prep" and child.lower_ == "in":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() == "protest":
                    return phrase_text(doc, list(obj.subtree))
            if child.dep_ == "advcl" and verb.dep_ == "ROOT":
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                if marks & {"because", "since"} or (child.lemma_.lower() in ("say", "cite", "claim") and child.tag_ == "VBG"):
                    return phrase_text(doc, [t for t in child.subtree if t.dep_ != "mark" and t.lower_ not in ("because", "since")])
        return None

    # ---- noun triggers ------------------------------------------------------------------------
    def noun_events(self, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'Wakeford's defection to Labour', 'the resignation of immigration minister Beverley
        Hughes', 'Tory defector Robert Jackson'."""
        lemma = noun.lemma_.lower()
        if lemma in self.lex.letter_nouns:
            return self.letter_event(doc, noun, cast)
        if lemma not in self.lex.switch_nouns and lemma not in self.lex.resign_nouns:
            return []
        if noun.dep_ == "compound" and noun.head.ent_type_ != "PERSON":
            return []  # 'a quit claim', 'defection talks'
        if not self.is_asserted(noun):
            return []
        people = self.noun_holders(doc, noun, cast)
        events = []
        for person in people:
            if lemma in self.lex.resign_nouns:
                event = self.new_event(doc, noun, "resignation")
                role = self.prep_object(noun, ("as", "from"))
                event.office = phrase_text(doc, noun_phrase(role)) if role is not None else self.role_beside(doc, person, noun.sent) or person.role
            else:
                event = self.new_event(doc, noun, "party_switch")
                event.subtype = "defection"
                premodifier = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
                if lemma in ("defector", "turncoat") and premodifier:
                    event.from_party = self.parties.find(" ".join(t.text for t in premodifier[0].subtree))
                event.to_party = self.party_after(doc, noun, ("to", "for"))
                event.from_party = event.from_party or self.party_after(doc, noun, ("from",))
            event.person = person.name
            events.append(event)
        return events

    def noun_holders(self, doc: Doc, noun: Token, cast: Cast) -> list[Speaker]:
        """Whose defection or resignation: the possessor, the 'of' object, the named person the
        noun premodifies ('defector Robert Jackson'), or the first person named just after it."""
        if noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON":
            return self.people_in(doc, noun.head, cast)
        for child in noun.children:
            if child.dep_ == "poss":
                return self.people_in(doc, child, cast)
        sent_end = noun.sent.end
        for tok in doc[noun.i + 1 : min(sent_end, noun.i + 12)]:
            if tok.pos_ == "VERB" or tok.lower_ in ("that", "which", "who", ";"):
                break
            if tok.ent_type_ == "PERSON" and not self.parties.normalise(tok.text):
                return self.people_in(doc, tok.head if tok.head.ent_type_ == "PERSON" and tok.dep_ == "compound" else tok, cast)
        return []

    def party_after(self, doc: Doc, noun: Token, preps: tuple[str, ...]) -> str | None:
        """The party named by 'to X' / 'from X' within a few words after a noun trigger."""
        end = min(noun.sent.end, noun.i + 20)
        for k in range(noun.i + 1, end):
            if doc[k].lower_ in preps:
                words = " ".join(t.text for t in doc[k + 1 : min(end, k + 5)])
                party = self.parties.find(words)
                if party:
                    return party
        return None

    def role_beside(self, doc: Doc, person: Speaker, sent: Span) -> str | None:
        """'reporter Andrew Gilligan': the role written before the name in this sentence."""
        for ent in sent.ents:
            if ent.label_ != "PERSON" or not person.name.endswith(ent.text.split()[-1]):
                continue
            before = [t for t in doc[max(sent.start, ent.start - 4) : ent.start]]
            while before and not (before[0].pos_ in ("NOUN", "PROPN", "ADJ") and before[0].ent_type_ != "PERSON"):
                before = before[1:]
            cut = max((k for k, t in enumerate(before) if t.is_punct or t.pos_ in ("DET", "ADP", "CCONJ", "VERB")), default=-1)
            role = before[cut + 1 :]
            if role and role[-1].pos_ in ("NOUN", "PROPN") and role[-1].ent_type_ != "PERSON":
                return phrase_text(doc, role)
        return None

    def letter_event(self, doc: Doc, noun: Token, cast: Cast) -> list[Event]:
        """'up to seven Tory MPs have withdrawn their letters of no confidence'."""
        span = noun.sent
        words = span.text.lower()
        if "confidence" not in words:
            return []
        about = [t for t in noun.subtree if t.lower_ == "confidence"] or [t for t in noun.head.subtree if t.lower_ == "confidence"]
        if not about:
            return []
        verb = self.action_verb(noun)
        if verb is None:
            return []
        action = "submitted" if verb.lemma_.lower() in self.lex.submitted_verbs else "withdrawn"
        if not self.is_asserted(verb):
            return []
        subject = self.subject_of(verb)
        if subject is None:
            subject = next((t for t in span if t.dep_ in SUBJECTS and t.i < verb.i and t.pos_ in ("NOUN", "PROPN")), None)
        event = self.new_event(doc, verb, "no_confidence_letter")
        event.action = action
        if subject is not None:
            people = self.people_in(doc, subject, cast)
            if people:
                event.by = people[0].name
                event.by_party = people[0].party
                event.count = str(len(people))
            else:
                event.count, event.by_party = self.group_of(doc, subject)
                event.by = phrase_text(doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "nummod", "quantmod") and not t.like_num and t.lower_ not in QUANTIFIER_WORDS])
        target = next((t for t in about[0].subtree if t.dep_ == "pobj" and t.head.lower_ in ("in", "against")), None)
        if target is not None:
            person = self.people_in(doc, target, cast)
            event.against = person[0].name if person else self.resolver.role_phrase(target)
        return [event]

    def action_verb(self, noun: Token) -> Token | None:
        verbs = self.lex.submitted_verbs | self.lex.withdrawn_verbs
        node = noun
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in verbs:
                return node
            for child in node.children:
                if child.dep_ in ("pcomp", "xcomp", "conj") and child.lemma_.lower() in verbs:
                    return child
        return None

    # ---- by-election calls --------------------------------------------------------------------
    def by_election_calls(self, doc: Doc, cast: Cast) -> list[Event]:
        events: list[Event] = []
        quotes = doc._.quotes or []
        for match in BY_ELECTION.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            anchor = span[-1]
            sent = anchor.sent
            quote_index = next((k for k, q in enumerate(quotes) if q.start <= match.start() < q.end), None)
            event = self.new_event(doc, anchor, "by_election_call")
            event.trigger_start, event.trigger_end = match.start(), match.end()
            event.trigger = match.group(0)
            if (sent.text.rstrip().endswith("?") or self.is_headline(doc, sent)) and quote_index is None:
                continue  # a question, or a headline ('Rival calls for by-election'): the body says who
            if quote_index is not None:
                quote = quotes[quote_index]
                if not (quote.speaker_resolved or quote.speaker):
                    continue
                speaker_name = quote.speaker_resolved or quote.speaker
                if speaker_name.lower() in ("i", "we", "you", "it", "they"):
                    continue
                event.by = speaker_name
                event.by_party = quote.speaker_party
                event.quotes = [quote_index]
                event.stance = "against" if self.negated_mention(span) else "for"
            else:
                caller = self.calling_verb(anchor)
                if caller is None:
                    continue
                verb, stance = caller
                subject = self.subject_of(verb)
                if subject is None:
                    continue
                people = self.people_in(doc, subject, cast)
                if people:
                    event.by, event.by_party = people[0].name, people[0].party
                else:
                    event.by = phrase_text(doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "acl")])
                    event.by_party = self.parties.find(event.by)
                event.stance = stance
                event.target = self.call_target(doc, verb, cast)
            event.seat = self.by_election_seat(doc, anchor)
            events.append(event)
        return events

    @staticmethod
    def is_headline(doc: Doc, sent: Span) -> bool:
        """The first line, standing alone above a blank line, without closing punctuation."""
        text = text_of(doc)[sent.start_char : sent.end_char].strip()
        return sent.start_char <= 1 and text_of(doc)[sent.end_char :].startswith(("\n\n", "\r\n\r\n")) or (
            sent.start_char == 0 and "\n\n" in text_of(doc)[: sent.end_char + 2] and not text.endswith((".", "!", "?", '"', "”"))
        )

    def negated_mention(self, mention: Span) -> bool:
        """'There won't be a by-election', 'there would be no by-election', 'ruled out a by-election'."""
        words = self.lex.against_words
        nodes = list(mention)
        node = mention.root
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            nodes.append(node)
        for node in nodes:
            if any(c.lower_ in words for c in node.children):
                return True
            if node.lemma_.lower() in self.lex.call_against_verbs:
                return True
        return False

    def calling_verb(self, anchor: Token) -> tuple[Token, str] | None:
        """The verb by which someone calls for (or against) the by-election the anchor names."""
        node = anchor
        for _ in range(6):
            if node.head.i == node.i:
                return None
            node = node.head
            lemma = node.lemma_.lower()
            if lemma in self.lex.call_against_verbs or any(c.dep_ == "neg" for c in node.children) and lemma in self.lex.call_for_verbs:
                return node, "against"
            if lemma in self.lex.call_for_verbs and node.pos_ in ("VERB",):
                if lemma in ("hold", "fight", "stand", "trigger", "need", "force"):
                    continue  # the call is the verb above: 'called on him to ... stand in a by-election'
                return node, "for"
        return None

    def call_target(self, doc: Doc, verb: Token, cast: Cast) -> str | None:
        """Who is called on to stand: 'called on him to ...', 'challenged Mr X to ...'."""
        node = verb
        for _ in range(2):
            for child in node.children:
                if child.dep_ in ("dobj",) and child.pos_ in ("PRON", "PROPN"):
                    people = self.people_in(doc, child, cast)
                    if people:
                        return people[0].name
                if child.dep_ == "prep" and child.lower_ == "on":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        people = self.people_in(doc, obj, cast)
                        if people:
                            return people[0].name
            if node.head.i == node.i:
                break
            node = node.head
        return None

    def by_election_seat(self, doc: Doc, anchor: Token) -> str | None:
        node = anchor
        for _ in range(4):
            place = self.prep_object(node, ("in",))
            if place is not None and place.pos_ == "PROPN":
                return phrase_text(doc, [t for t in place.subtree if t.pos_ in ("PROPN", "CCONJ") or t.text == "-"])
            if node.head.i == node.i:
                break
            node = node.head
        return None

    # ---- common -------------------------------------------------------------------------------
    def new_event(self, doc: Doc, trigger: Token, kind: str) -> Event:
        sent = trigger.sent
        start, end = sent.start_char, sent.end_char
        while end > start and text_of(doc)[end - 1].isspace():
            end -= 1
        event = Event(type=kind, start=start, end=end, trigger=trigger.text, trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text))
        event.date_text = self.date_words(doc, trigger)
        event.tense = tense_of(trigger)
        return event

    def date_words(self, doc: Doc, trigger: Token) -> str | None:
        """The DATE/TIME phrase attached to the trigger itself, not to its subject or a clause below."""
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME") or ent.sent != trigger.sent:
                continue
            node, ok = ent.root, False
            for _ in range(4):
                if node.i == trigger.i:
                    ok = True
                    break
                if node.dep_ in SUBJECTS + ("dobj", "relcl", "ccomp", "advcl", "acl", "appos", "compound") or node.head.i == node.i:
                    break
                node = node.head
            if ok:
                return ent.text
        return None

    # ---- article-level completion -------------------------------------------------------------
    def fill_in(self, doc: Doc, events: list[Event], cast: Cast) -> None:
        """Fill what a single sentence leaves out from the rest of the article: the switcher's
        former party and seat, the target and seat of a by-election call."""
        switches = [e for e in events if e.type == "party_switch" and e.person]
        for event in events:
            person = self.person_record(cast, event.person)
            if event.type == "party_switch":
                # 'who left the party in 1997 and joined Labour in 1998': the join starts from no party.
                left_before = any(
                    e is not event and e.type == "party_switch" and e.person == event.person and e.to_party is None and e.start <= event.start
                    for e in events
                )
                may_infer_from = event.from_party is None and not left_before and event.subtype in ("defection", "founded_new_party", "whip_withdrawn", "whip_resigned")
                if event.subtype == "founded_new_party" and event.to_party is None:
                    left = {e.from_party for e in events if e.person == event.person} | {person.party if person else None}
                    event.to_party = self.nearest_party(doc, event.trigger_start or event.start, left)
                if person is not None:
                    event.seat = event.seat or person.seat or self.constituency_of(doc, person)
                    if may_infer_from and person.party and person.party != event.to_party:
                        event.from_party = person.party
                if event.from_party is None and may_infer_from and event.subtype in ("defection", "founded_new_party") and event.to_party:
                    event.from_party = self.other_party(doc, event.to_party)
            elif event.type == "resignation" and person is not None:
                event.seat = event.seat or person.seat
            elif event.type == "by_election_call":
                if event.target is None and switches:
                    earlier = [s for s in switches if s.start <= event.start] or switches
                    event.target = earlier[-1].person
                target = self.person_record(cast, event.target)
                if event.seat is None and target is not None:
                    event.seat = target.seat or self.constituency_of(doc, target)
                if event.seat is None:
                    event.seat = next((s.seat for s in switches if s.person == event.target and s.seat), None)
            elif event.type == "no_confidence_letter":
                by = self.person_record(cast, event.by)
                if by is not None:
                    event.by_party = event.by_party or by.party
                if event.against is None:
                    event.against = next((e.against for e in events if e.type == "no_confidence_letter" and e.against), None) or self.confidence_target(doc, cast)
        for event in events:
            if event.type == "party_switch" and event.seat is None:
                event.seat = next((c.seat for c in events if c.type == "by_election_call" and c.target == event.person and c.seat), None)

    @staticmethod
    def person_record(cast: Cast, name: str | None):
        if not name:
            return None
        key = name.split()[-1].lower()
        person = cast.by_surname.get(key)
        if person is not None and person.name.split()[0] == name.split()[0] or (person is not None and len(name.split()) == 1):
            return person
        return person if person is not None and name.endswith(person.name) else None

    def constituency_of(self, doc: Doc, person) -> str | None:
        """'Mr Woodward's former constituency association in Witney' -> Witney."""
        surname = person.name.split()[-1]
        for tok in doc:
            if tok.lemma_.lower() != "constituency":
                continue
            owner = [t for t in tok.head.subtree if t.dep_ == "poss" and t.text == surname] if tok.dep_ == "compound" else [t for t in tok.subtree if t.dep_ == "poss" and t.text == surname]
            if not owner:
                continue
            holder = tok.head if tok.dep_ == "compound" else tok
            place = self.prep_object(holder, ("in", "of"))
            if place is not None and place.pos_ == "PROPN":
                return phrase_text(doc, [t for t in place.subtree if t.pos_ in ("PROPN", "CCONJ") and t.dep_ != "appos" and t.head.dep_ != "appos"])
        return None

    def nearest_party(self, doc: Doc, offset: int, exclude: set) -> str | None:
        """'he launched his new party. ... Veritas would avoid the old parties' lies': the
        party named nearest the founding, within its paragraph, that the founder did not leave."""
        start = text_of(doc).rfind("\n", 0, offset) + 1
        end = offset
        for _ in range(2):  # this paragraph and the next
            end = text_of(doc).find("\n", end + 1)
            while 0 <= end < len(text_of(doc)) - 1 and text_of(doc)[end + 1] == "\n":
                end += 1
            if end < 0:
                end = len(text_of(doc))
                break
        best = None
        for position, party in self.parties.find_all(text_of(doc)[start:end]):
            if party not in exclude and party != "Independent":
                distance = abs(start + position - offset)
                if best is None or distance < best[0]:
                    best = (distance, party)
        return best[1] if best else None

    def other_party(self, doc: Doc, to_party: str) -> str | None:
        """The party a defector left when the article only says where they went: the one it names
        most often besides the new party."""
        counts: dict[str, int] = {}
        for tok in doc:
            party = self.parties.normalise(tok.text)
            if party and party != to_party and party != "Independent":
                counts[party] = counts.get(party, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]

    def confidence_target(self, doc: Doc, cast: Cast) -> str | None:
        for tok in doc:
            if tok.lower_ == "confidence":
                target = self.prep_object(tok, ("in",))
                if target is not None:
                    people = self.people_in(doc, target, cast)
                    return people[0].name if people else self.resolver.role_phrase(target)
        return None


def tense_of(trigger: Token) -> str | None:
    """'present' for 'is defecting' / 'quits', 'perfect' for 'has defected', 'past' for 'defected'."""
    if not trigger.tag_.startswith("VB"):
        return None
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "perfect"
    if any(a.tag_ in ("VBD",) for a in auxes) or trigger.tag_ in ("VBD",):
        return "past"
    if trigger.tag_ in ("VBZ", "VBP") or (trigger.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes)):
        return "present"
    if trigger.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


# ---- merging ----------------------------------------------------------------------------------
KEY_FIELDS = {
    "party_switch": ("person",),
    "resignation": ("person",),
    "by_election_call": ("by", "stance"),
    "no_confidence_letter": ("action", "by"),
}
MERGE_FIELDS = ("from_party", "to_party", "seat", "office", "target", "by_party", "count", "against", "reason", "date_text")


def compatible(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    for key in KEY_FIELDS[a.type]:
        x, y = getattr(a, key), getattr(b, key)
        if key in ("person", "by") and x and y:
            if not same_name(x, y):
                return False
        elif x != y:
            return False
    if a.type == "party_switch" and (not a.person or not b.person):
        return False
    for key in ("from_party", "to_party", "count"):
        x, y = getattr(a, key), getattr(b, key)
        if x and y and x.lower() != y.lower():
            return False
    if not compatible_office(a, b):
        return False
    if a.date_text and b.date_text and a.date_text.lower() != b.date_text.lower():
        return False
    return True


def same_name(a: str, b: str) -> bool:
    a_words, b_words = re.split(r"[\s-]+", a.lower()), re.split(r"[\s-]+", b.lower())
    if a_words[-len(b_words):] == b_words or b_words[-len(a_words):] == a_words:
        return True
    return a_words[-1] == b_words[-1] and (len(a_words) == 1 or len(b_words) == 1 or a_words[0] == b_words[0]) if a_words and b_words else a == b


def merge_events(events: list[Event]) -> list[Event]:
    """One event per person and change in an article: later mentions fill in what earlier ones
    left out. An unnamed participant ('the 2019 recruit crossed the floor') joins the only named
    one of that type; one marked as another ('has also resigned as') stays apart."""
    merged: list[Event] = []
    unnamed: list[Event] = []
    for event in sorted(events, key=lambda e: e.start):
        if event.type in ("party_switch", "resignation") and not event.person:
            unnamed.append(event)
            continue
        into = None if event.distinct else next((m for m in merged if compatible(m, event)), None)
        if into is None:
            merged.append(event)
        else:
            absorb(into, event)
    for event in unnamed:
        if not event.unnamed:
            continue  # nobody at all, not an unnamed somebody
        named = [m for m in merged if m.type == event.type and m.person]
        if len({m.person for m in named}) != 1:
            continue
        into = next((m for m in named if compatible_parties(m, event) and compatible_office(m, event)), None)
        if into is not None:
            absorb(into, event)
    return merged


# Offices that hold others: resigning as transport minister is resigning from the government.
CONTAINING_OFFICES = frozenset({"government", "the government", "cabinet", "the cabinet", "frontbench", "front bench", "shadow cabinet", "the shadow cabinet"})


def compatible_office(a: Event, b: Event) -> bool:
    if not (a.office and b.office):
        return True
    x, y = a.office.lower(), b.office.lower()
    return x == y or x in CONTAINING_OFFICES or y in CONTAINING_OFFICES


def compatible_parties(a: Event, b: Event) -> bool:
    return all(not (getattr(a, k) and getattr(b, k)) or getattr(a, k) == getattr(b, k) for k in ("from_party", "to_party"))


def absorb(into: Event, other: Event) -> None:
    if into.office and other.office and into.office.lower() in CONTAINING_OFFICES:
        into.office = other.office  # the post itself says more than 'the government'
    for key in MERGE_FIELDS:
        if getattr(into, key) is None and getattr(other, key) is not None:
            setattr(into, key, getattr(other, key))
            if key == "date_text":
                into.tense = other.tense
    if into.tense is None:
        into.tense = other.tense
    if into.person and other.person and len(other.person) > len(into.person):
        into.person = other.person
    if into.by and other.by and other.by[:1].isupper() and len(other.by.split()) > len(into.by.split()) and not into.by[:1].isupper():
        into.by = other.by
    rank = ["founded_new_party", "defection", "expelled", "whip_withdrawn", "whip_resigned", "quit", "readmitted"]
    if other.subtype and (into.subtype is None or (other.subtype in rank and into.subtype in rank and rank.index(other.subtype) < rank.index(into.subtype))):
        into.subtype = other.subtype
    span = [other.start, other.end]
    if span not in into.evidence:
        into.evidence.append(span)
    into.quotes = sorted(set(into.quotes) | set(other.quotes))
