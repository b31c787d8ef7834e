"""The role, party and seat written beside a name: premodifiers ('Tory MP X', 'Shadow chancellor
Rachel Reeves') and appositives ('X, the MP for Bury South')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..cast import Person
    from ..lexicon import PartyLexicon, PeopleLexicon
    from .state import Lexicons


def describe(ent: Span, person: Person, by_role: dict[str, Person], words: Lexicons) -> None:
    """Pick up the role, party and seat written beside a name ('Tory MP X', 'X, MP for Y'), and
    a role the sentence gives the person ('X became party leader')."""
    for anchor, phrase in descriptor_phrases(ent, words.people):
        person.titles |= {t.lower_ for t in phrase if t.pos_ in ("NOUN", "PROPN")}
        person.party = person.party or stated_party(phrase, anchor, words)
        seat = seat_from(phrase, words)
        person.seat = person.seat or seat
        take_role(person, role_from(phrase, seat, words), True, by_role, words)
    if not inside_quotation(ent.doc, ent.start_char):  # what the article says, not what a speaker claims
        for phrase, held in predicate_phrases(ent.root, words.people):
            take_role(person, role_from(phrase, None, words), held, by_role, words)


def take_role(person: Person, role: str | None, held: bool, by_role: dict[str, Person], words: Lexicons) -> None:
    if not role:
        return
    # A post the person left ('resigned as ambassador') still tells who 'the ambassador' is.
    person.role = person.role or (role if held else None)
    person.titles |= {w.lower() for w in role.split()}
    by_role.setdefault(role_key(role, words.people), person)


def role_key(role: str, people: PeopleLexicon) -> str:
    """How a role is looked up: lower case, without its owner ('the SNP's Westminster leader' and
    'the party's Westminster leader' are both 'westminster leader')."""
    owned = tuple(people.possessive_endings)
    return " ".join(w for w in role.lower().split() if not w.endswith(owned) and w not in people.role_fillers)


def descriptor_phrases(ent: Span, people: PeopleLexicon) -> list[tuple[Token | None, list[Token]]]:
    """The descriptors of a name, each with its head: premodifiers (no head: they lead up to the
    name) and appositions (headed by the appositive noun)."""
    head = ent.root
    phrases: list[tuple[Token | None, list[Token]]] = []
    premodifiers = [
        t
        for c in head.children
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < ent.start
        for t in c.subtree
        if t.i < ent.start and t.lower_ not in people.honorifics
    ]
    if premodifiers:
        phrases.append((None, premodifiers))
    appositives = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        appositives.append(head.head)
    for a in appositives:
        tokens = appositive_words(ent, a, people)
        if tokens:
            phrases.append((a, tokens))
    return phrases


def predicate_phrases(head: Token, people: PeopleLexicon) -> list[tuple[list[Token], bool]]:
    """A role the sentence gives the person: 'X became party leader', 'X has resigned as UK
    ambassador', 'X, who was elected mayor in May'; each with whether the person holds it (not
    after 'resigned as')."""
    verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [c for c in head.children if c.dep_ == "relcl" and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in people.relative_subjects for s in c.children)]
    phrases = []
    for verb in verbs:
        if verb.lemma_.lower() not in people.role_verbs:
            continue
        for complement in role_complements(verb, people):
            clause = {t.i for c in complement.children if c.dep_ in ("relcl", "acl", "ccomp", "advcl") for t in c.subtree}
            held = verb.lemma_.lower() not in people.former_role_verbs
            phrases.append((sorted((t for t in complement.subtree if t.i not in clause), key=lambda t: t.i), held))
    return phrases


def role_complements(verb: Token, people: PeopleLexicon) -> list[Token]:
    """'party leader' of 'became party leader'; 'ambassador' of 'resigned as ambassador'."""
    found = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in people.role_prepositions:
            found += [g for g in prep.children if g.dep_ == "pobj"]
    return found


def stated_party(phrase: list[Token], head: Token | None, words: Lexicons) -> str | None:
    """The party a descriptor states the person is of: named in the words leading straight up
    to its head or the name ('Tory MP', 'Lib Dem leader', 'the Labour MP for Leeds West',
    'a Democrat'), or the party an office is of ('leader of the Liberal Democrats'); never a
    party merely mentioned in it ('a critic of the Tory plans', "Labour's record and party
    leader")."""
    lead = leading_words(phrase, head.i if head is not None else phrase[-1].i)
    found = words.parties.find(" ".join(t.text for t in lead)) if lead else None
    if found or head is None or head.lower_ not in words.people.role_heads:
        return found
    return office_party(head, words)


def leading_words(phrase: list[Token], end: int) -> list[Token]:
    """The words of a phrase that run without a break (punctuation, a conjunction, a
    preposition) up to the token at `end`, in order."""
    lead: list[Token] = []
    for t in reversed([t for t in phrase if t.i <= end]):
        if (lead and t.i != lead[-1].i - 1) or t.is_punct or t.dep_ in ("cc", "prep") or t.pos_ in ("CCONJ", "ADP"):
            break
        lead.append(t)
    return lead[::-1]


def office_party(head: Token, words: Lexicons) -> str | None:
    """'leader of the Liberal Democrats': the party an office's object names, when the whole
    object is a party's name ('the Tory plans' is not)."""
    objects = [o for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    named = (" ".join(t.text for t in o.subtree if t.dep_ != "det") for o in objects)
    return next((party for party in map(words.parties.normalise, named) if party), None)


def appositive_words(ent: Span, appositive: Token, people: PeopleLexicon) -> list[Token]:
    """'Christian Wakeford, the MP for Bury South': the apposition without its own clauses,
    names and honorifics, and without a second description joined to it ('the former editor of
    the page (and a former editor of this magazine)': one role is the editor of the page)."""
    clause = {t.i for c in appositive.children if c.dep_ in ("relcl", "acl", "appos", "conj", "cc") for t in c.subtree}
    tokens = [t for t in appositive.subtree if t.i not in clause and not (ent.start <= t.i < ent.end)]
    tokens = [t for t in tokens if t.ent_type_ != "PERSON" and t.lower_ not in people.honorifics]
    return sorted(tokens, key=lambda t: t.i)


def role_words(phrase: list[Token], seat: str | None, words: Lexicons) -> list[Token]:
    """A descriptor's words that can name a role: no punctuation, seat, leading party or
    number, and no determiner of the phrase itself ('the' of 'the transport minister', not of
    'the United Nations')."""
    seat_words = set(seat.split()) if seat else set()
    root = next((t for t in phrase if t.head not in phrase), None)

    def own_determiner(t: Token) -> bool:
        return t.dep_ in ("det", "poss", "case") and root is not None and t.head.i == root.i

    owner = owner_of(root)
    kept = [t for t in phrase if not t.is_punct and not own_determiner(t) and t.i not in owner and t.text not in seat_words and t.lower_ not in words.people.role_fillers]
    while kept and ((named := words.parties.leading([t.text for t in kept])) or leads_no_role(kept[0], words)):
        kept = kept[max(named, 1) :]
    return kept


def owner_of(root: Token | None) -> set[int]:
    """The owner says whose post it is ('the SNP's Westminster leader'), not which: the party is
    read apart."""
    return {t.i for c in (root.children if root is not None else ()) if c.dep_ == "poss" for t in c.subtree}


def leads_no_role(token: Token, words: Lexicons) -> bool:
    """A number or pronoun opening a descriptor is not part of the role ('one aide'); nor is a
    party ('Labour MP', 'Liberal National MP': `PartyLexicon.leading`)."""
    return token.pos_ in ("NUM", "PRON") or token.lower_ in words.people.numeral_words


def role_from(phrase: list[Token], seat: str | None, words: Lexicons) -> str | None:
    kept = role_words(phrase, seat, words)
    if kept and kept[-1].lower_ not in words.people.role_heads:
        # 'ambassador to the United Nations': a role head with its complement
        root = next((t for t in kept if t.head not in kept), None)
        if root is None or root.lower_ not in words.people.role_heads:
            return None
    if not kept:
        return None
    # 'chief of staff', 'envoy for Ukraine': the joining words inside a role stay in its name
    joining = words.people.role_joining_words
    inside = {t.i for t in kept} | {t.i for t in phrase if kept[0].i < t.i < kept[-1].i and t.lower_ in joining}
    role = " ".join(t.text for t in sorted(phrase, key=lambda t: t.i) if t.i in inside)
    return role if words.parties.normalise(role) is None else None


def seat_from(tokens: list[Token], words: Lexicons) -> str | None:
    """'MP for Bury South' or 'Brigg and Goole MP'."""
    people = words.people
    k = next((k for k, t in enumerate(tokens) if t.lower_ in people.seat_titles), None)
    if k is None:
        return None
    after = tokens[k + 1 :]
    if after and after[0].lower_ in people.seat_prepositions:
        return seat_after(after[1:])
    return seat_before(tokens[:k], words.parties)


def seat_after(tokens: list[Token]) -> str | None:
    """'MP for Wantage in Oxfordshire' -> Wantage."""
    seat = []
    for t in tokens:
        if not (t.pos_ in ("PROPN", "CCONJ") or t.text == "-"):
            break
        seat.append(t)
    return " ".join(t.text for t in seat).replace(" - ", "-").strip(" ,") or None


def seat_before(tokens: list[Token], parties: PartyLexicon) -> str | None:
    """'Brigg and Goole MP' -> Brigg and Goole; 'Labour MP' names no seat."""
    before = [t for t in tokens if t.pos_ in ("PROPN", "CCONJ") and parties.normalise(t.text) is None]
    if before and before[0].pos_ == "PROPN":
        return " ".join(t.text for t in before)
    return None
