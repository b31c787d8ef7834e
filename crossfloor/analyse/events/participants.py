"""Who takes part in an event: the people a noun phrase or pronoun stands for, through the
article's cast (pronouns, 'the Glasgow Kelvin MP' -> the person named most so far, a lede's
'A Conservative MP' -> the person the next sentence opens with).

`reach` says which way it found them (the route: 'pronoun', 'name', 'surname', 'role',
'salient', 'listed', 'lede'), which events record as the participant's provenance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cast import Cast, Person, Speaker
from ..doctext import text_of
from ..speakers.descriptors import role_key
from .subjects import Subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..lexicon import PartyLexicon
    from ..speakers import SpeakerResolver
    from .assertion import Assertion
    from .lexicon import EventLexicon

# The people a phrase stands for, and the route by which they were found.
Reached = tuple[list[Speaker], str | None]
NOBODY: Reached = ([], None)


class Participants(Subjects):
    """use_lede: a lede's unnamed subject may be the person the next sentence names (the pass
    'participant_from_lede')."""

    def __init__(self, lexicon: EventLexicon, parties: PartyLexicon, resolver: SpeakerResolver, assertion: Assertion, use_lede: bool = True):
        super().__init__(lexicon)
        self.parties = parties
        self.resolver = resolver
        self.assertion = assertion
        self.use_lede = use_lede

    # ---- people -----------------------------------------------------------------------------
    def people_in(self, doc: Doc, head: Token, cast: Cast, lede: bool = False) -> list[Speaker]:
        return self.reach(doc, head, cast, lede)[0]

    def reach(self, doc: Doc, head: Token, cast: Cast, lede: bool = False) -> Reached:
        """The named people a noun phrase stands for ('Mr Woodward's parents, Dennis and Joan
        Woodward' -> two people), the person a pronoun or a definite description ('the Glasgow
        Kelvin MP') refers back to, or (with lede, for the one who switched or resigned) the person
        a news lede's indefinite subject ('A Conservative MP has defected') is named as in the next
        sentence."""
        if head.lower_ in self.lex.relative_pronouns and head.head.dep_ in ("relcl", "acl"):
            head = head.head.head
        if head.pos_ == "PRON":
            return self.registered(self.resolver.who(doc, head, cast), cast), "pronoun"
        people = self.named_people(doc, head, cast)
        if people:
            return people, "name"
        surnamed = cast.find(head.text) if head.pos_ == "PROPN" else None
        if surnamed is not None:
            return [surnamed.as_speaker()], "surname"
        bound = cast.by_role.get(role_key(self.resolver.role_phrase(head), self.resolver.people))
        if bound is not None:
            return [bound.as_speaker()], "role"
        if self.describes_person(head):
            return self.described_people(doc, head, cast, lede)
        return NOBODY

    def named_people(self, doc: Doc, head: Token, cast: Cast) -> list[Speaker]:
        """The people a phrase names, with its appositions and conjuncts."""
        names = [self.name_of(doc, tok) for tok in self.name_candidates(head) if tok.ent_type_ == "PERSON"]
        # A name the recogniser took for a person may be a party's ('Labour'); a person's name
        # may end in a party's word ('Tom Green').
        names = [n for n in names if n and not self.parties.normalise(doc[n[0].i : n[-1].i + 1].text)]
        surname = next((n[-1].text for n in reversed(names) if len(n) > 1), None)
        return distinct(self.known_person(doc, tokens, cast, surname) for tokens in names)

    @staticmethod
    def name_candidates(head: Token) -> list[Token]:
        candidates = [head]
        for child in head.children:
            if child.dep_ in ("appos", "conj"):
                candidates.append(child)
                candidates.extend(c for c in child.children if c.dep_ in ("conj", "appos"))
        if head.dep_ == "appos":
            candidates.append(head.head)
        return candidates + misattached_appositions(head)

    def described_people(self, doc: Doc, head: Token, cast: Cast, lede: bool) -> Reached:
        """'the Glasgow Kelvin MP' (the person named most so far) or, in a lede, 'A Conservative
        MP' (the person the next sentence names)."""
        article = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
        counted = any(c.dep_ == "nummod" for c in head.children)
        definite = article in self.lex.definite_articles
        if definite and head.tag_ in ("NN", "NNP") and head.lemma_.lower() in self.lex.anaphoric_heads:
            return salient_person(head.idx, cast), "salient"
        if head.tag_ in ("NNS", "NNPS") and (counted or definite):
            listed = self.listed_people(doc, head, cast) or self.named_members(doc, head, cast)
            if listed:
                return listed, "listed"
        if lede and self.use_lede and self.opens_a_lede(head, article, counted):
            return self.lede_people(doc, head, cast), "lede"
        return NOBODY

    def opens_a_lede(self, head: Token, article: str | None, counted: bool) -> bool:
        """'A Conservative MP', 'Two Labour MPs', 'one of the MPs'."""
        return article in self.lex.indefinite_articles or counted or any(c.lower_ in self.lex.one_words for c in head.ancestors if c.i > head.i - 6)

    def named_members(self, doc: Doc, head: Token, cast: Cast) -> list[Speaker]:
        """'Seven Labour MPs, including Chuka Umunna and Luciana Berger, have quit': the members
        the group's own phrase names (the others stay unnamed, and no event is made for them)."""
        members = self.lex.prepositions["members"]
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in members]
        roots = {t.i for p in preps for t in p.subtree}
        return self.people_of(doc, [ent for ent in head.sent.ents if ent.root.i in roots], cast)

    def listed_people(self, doc: Doc, head: Token, cast: Cast) -> list[Speaker]:
        """'Seven MPs quit the party to form a new group: Jane Ashford, Tom Bell and Carla Diaz':
        a group the same sentence then lists by name, after a colon or dash."""
        sent = head.sent
        colon = next((t for t in sent if t.i > head.i and t.text in (":", "—", "–")), None)
        if colon is None:
            return []
        people = self.people_of(doc, [ent for ent in sent.ents if ent.start > colon.i], cast)
        return people if len(people) >= 2 else []

    def people_of(self, doc: Doc, ents, cast: Cast) -> list[Speaker]:
        """The people these entities name (those that are people), each once."""
        names = [self.name_of(doc, ent.root) for ent in ents if ent.label_ == "PERSON"]
        return distinct(self.known_person(doc, tokens, cast, None) for tokens in names if tokens)

    def name_of(self, doc: Doc, tok: Token) -> list[Token]:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is None:
            return []
        tokens = self.resolver.name_tokens(ent)
        while tokens and tokens[-1].lower_.strip(".") in self.lex.post_nominals:
            tokens = tokens[:-1]
        return tokens

    @staticmethod
    def known_person(doc: Doc, tokens: list[Token], cast: Cast, surname: str | None) -> Speaker:
        """The article's fullest form of a name; 'Dennis' beside 'Joan Woodward' is 'Dennis
        Woodward'; 'Joan Woodward' is not 'Shaun Woodward'."""
        written = text_of(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        person = cast.find(written)
        if person is not None and " " in person.name:
            return person.as_speaker()
        if len(tokens) == 1 and surname and tokens[0].text != surname:
            return Speaker(f"{tokens[0].text} {surname}")
        return Speaker(written)

    def registered(self, speaker: Speaker | None, cast: Cast) -> list[Speaker]:
        """Keep a resolved referent only when it is a person the article names."""
        if speaker is None or not self.is_named(speaker):
            return []
        person = cast.find(speaker.name)
        return [person.as_speaker()] if person is not None else []

    def lede_people(self, doc: Doc, head: Token, cast: Cast) -> list[Speaker]:
        """'A Conservative MP has defected to Labour. Robert Jackson, 58, ...': in the first
        sentences of an article an unnamed subject is the person (or, when plural, the people)
        the next sentence opens with."""
        first = self.next_sentence_opener(doc, head)
        if first is None:
            return []
        if head.tag_ in ("NNS", "NNPS"):
            return self.people_in(doc, first.root, cast)
        tokens = self.name_of(doc, first.root)
        return [self.known_person(doc, tokens, cast, None)] if tokens else []

    @staticmethod
    def next_sentence_opener(doc: Doc, head: Token) -> Span | None:
        """The person the sentence after a lede's (one of the first three) opens with."""
        sentences = [sent for sent in doc.sents if sent.text.strip()]
        index = next((k for k, sent in enumerate(sentences) if sent.start <= head.i < sent.end), None)
        if index is None or index > 2 or index + 1 >= len(sentences):
            return None
        following = sentences[index + 1]
        first = next((e for e in following.ents if e.label_ == "PERSON"), None)
        if first is None or first.start > following.start + 2 or first.root.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            return None
        return first

    def describes_person(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return tok.pos_ in ("NOUN", "PROPN") and (lemma in self.lex.description_heads or tok.lower_ in self.resolver.people.role_heads) and not self.parties.normalise(tok.text)

    def is_named(self, speaker: Speaker) -> bool:
        return bool(speaker.name) and speaker.name[:1].isupper() and speaker.name.lower() not in self.lex.nameless_pronouns

    @staticmethod
    def person_record(cast: Cast, name: str | None):
        return cast.find(name)

    # ---- trigger nouns ----------------------------------------------------------------------
    def noun_holders(self, doc: Doc, noun: Token, cast: Cast) -> Reached:
        """Whose defection or resignation: the possessor, the 'of' object, the named person the
        noun premodifies ('defector Robert Jackson'), or the first person named just after it."""
        if noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON":
            return self.reach(doc, noun.head, cast)
        for child in noun.children:
            if child.dep_ == "poss":
                return self.reach(doc, child, cast)
        named = self.named_after(doc, noun)
        return self.reach(doc, named, cast) if named is not None else NOBODY

    def named_after(self, doc: Doc, noun: Token) -> Token | None:
        """The first person named within a few words after a noun, before its clause ends."""
        for tok in doc[noun.i + 1 : min(noun.sent.end, noun.i + 12)]:
            if tok.pos_ == "VERB" or tok.lower_ in self.lex.relative_pronouns or tok.text == ";":
                return None
            if tok.ent_type_ == "PERSON" and not self.parties.normalise(tok.text):
                return tok.head if tok.head.ent_type_ == "PERSON" and tok.dep_ == "compound" else tok
        return None

    def holders_of(self, doc: Doc, noun: Token, cast: Cast) -> Reached:
        """The people a trigger noun's event is about, when the noun states one."""
        if noun.dep_ == "compound" and noun.head.ent_type_ != "PERSON":
            return NOBODY  # 'a quit claim', 'defection talks'
        if not self.assertion.is_asserted(noun):
            return NOBODY
        return self.noun_holders(doc, noun, cast)

def misattached_appositions(head: Token) -> list[Token]:
    """'The Conservative MP for Kettleby, Daniel Forbes, has defected': the parser hangs the name
    on the place; a person set off after a place or thing that is no person names the head."""
    found = []
    for prep in (c for c in head.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ != "PERSON"):
            found.extend(c for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON")
    return found


def salient_person(offset: int, cast: Cast) -> list[Speaker]:
    """'The Glasgow Kelvin MP, who was expelled from Labour': a definite description with no
    name is the person the article has named most so far (the latest among equals)."""
    seen: dict[int, tuple[int, int, Person]] = {}
    for position, person, _ in cast.mentions:
        if position < offset:
            count, _, _ = seen.get(id(person), (0, 0, person))
            seen[id(person)] = (count + 1, position, person)
    if not seen:
        return []
    count, _, person = max(seen.values(), key=lambda v: (v[0], v[1]))
    return [person.as_speaker()]


def distinct(people) -> list[Speaker]:
    """People once each, by name, in order."""
    out: list[Speaker] = []
    for speaker in people:
        if all(p.name != speaker.name for p in out):
            out.append(speaker)
    return out
