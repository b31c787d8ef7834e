"""Who is in focus at a point of the article: the speakers and people before it, most salient
first (nearest sentence, main subject first), and which of them a pronoun may stand for."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..cast import Person
from ..doctext import entity_at, inside_quotation
from .phrases import is_plural

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..attribution import Attribution
    from ..cast import Cast, Said, Speaker
    from ..lexicon import PeopleLexicon
    from .state import Article

# A pronoun looks back no further than this many characters for its antecedent.
PRONOUN_REACH = 1500
# Person mentions in these roles are candidate antecedents ("Mr Hague was angry when he insisted").
ANTECEDENT_ROLES = frozenset({"nsubj", "nsubjpass", "appos", "ROOT", "conj", "attr", "poss"})
# Where a pronoun's object may stand, and how many clauses up its subject may be looked for.
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
CLAUSE_CLIMB = 3

Candidate = tuple["Speaker", int, int]  # (speaker or person, tier, character offset)


def is_main_subject(token: Token) -> bool:
    """The subject of its sentence's main verb, or that subject's possessor."""
    if token.dep_ == "poss":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head == token.sent.root


def sentence_index(doc: Doc):
    """A function from a character offset to the number of its sentence."""
    starts = doc.user_data.get("crossfloor_sentence_starts")
    if starts is None:
        starts = doc.user_data["crossfloor_sentence_starts"] = [s.start_char for s in doc.sents]
    return lambda offset: bisect_right(starts, offset)


def sentences_back(doc: Doc, here: int):
    """A function from a character offset to how many sentences before the one at `here` it is."""
    sentence = sentence_index(doc)
    current = sentence(here)
    return lambda offset: current - sentence(offset)


def ranked_candidates(article: Article, position: int, a: Attribution | None) -> list[Candidate]:
    """Speakers and people before position, most salient first, each with its tier (0: a main
    subject or speaker, 1: another subject-like mention, 2: any other mention) and offset. Not
    one named in the words the source reports ('Many feel alienated, like Emwazi did, he said':
    'he' is not Emwazi)."""
    sentence = sentence_index(article.doc)
    scored = [(sentence(c[2]), *c) for c in speakers_before(article, position, a) if not reported_by(a, c[2])]
    for offset, person, role in article.cast.mentions:
        if 0 < position - offset <= PRONOUN_REACH and not reported_by(a, offset):
            scored.append((sentence(offset), person, 0 if role == "main" else 1 if role in ANTECEDENT_ROLES else 2, offset))
    scored.sort(key=lambda c: (-c[0], c[2], -c[3]))
    return [(candidate, tier, offset) for _, candidate, tier, offset in scored]


def reported_by(a: Attribution | None, offset: int) -> bool:
    """Whether a character offset lies in the words an attribution reports."""
    return a is not None and a.start <= offset < a.end


def speakers_before(article: Article, position: int, a: Attribution | None) -> list[Candidate]:
    """The speakers resolved so far whose source comes within reach before position."""
    pronouns = article.people.personal_pronouns
    found = []
    for said in article.cast.said:
        b, speaker = said.attribution, said.speaker
        anchor = b.source[0] if b.source else b.start
        if b is a or speaker is None or not 0 < position - anchor <= PRONOUN_REACH or speaker.name.lower() in pronouns:
            continue
        main = b.subject is not None and (is_main_subject(b.subject) or b.subject.lower_ in pronouns)
        found.append((as_person(article.cast, speaker), 0 if main else 1, anchor))
    return found


def as_person(cast: Cast, speaker: Speaker) -> Speaker:
    """The cast's person behind a resolved speaker, when the speaker is one by full name."""
    person = cast.find(speaker.name)
    return person if person is not None and person.name == speaker.name else speaker


def quoted_speaker(position: int, said: list[Said]) -> Speaker | None:
    """Who says the words a position lies in, when it lies in an attributed quotation."""
    return next((s.speaker for s in said if s.attribution.start <= position < s.attribution.end), None)


def unbound(article: Article, pronoun: Token, ranked: list[Candidate]) -> list[Candidate]:
    """The candidates a third-person pronoun may stand for: not the speaker whose words it is
    in ('he' in Mr Hague's own words), nor the subject of its own clause ('Mr Hague ...
    challenged him')."""
    speaking = quoted_speaker(pronoun.idx, article.cast.said) if inside_quotation(article.doc, pronoun.idx) else None
    if speaking is not None:
        ranked = [c for c in ranked if c[0].name != speaking.name]
    addressed = addressed_people(article, pronoun)
    ranked = [c for c in ranked if c[0].name not in addressed]
    spans = clause_subject_spans(pronoun, article.people)
    if spans:
        bound = {c[0].name for c in ranked if any(a <= c[2] < b for a, b in spans)}
        ranked = [c for c in ranked if c[0].name not in bound]
    return ranked


def best_antecedent(lower: str, gender: str | None, ranked: list[Candidate], sentence, people: PeopleLexicon) -> Speaker | None:
    """The first agreeing candidate, unless its gender is unknown and a candidate of the
    pronoun's gender comes within a sentence of it ('President Trump ... Nikki Haley ...
    she joked' is Haley)."""
    first: Speaker | None = None
    first_sentence = 0
    for candidate, tier, offset in ranked:
        known = bool(gender) and candidate.gender == gender
        if first is not None:
            if sentence(offset) < first_sentence - 1:
                break
            if known:
                return candidate
            continue
        if tier == 2 and not known:
            continue
        if agrees_with(lower, gender, candidate, people):
            if known or not gender:
                return candidate
            first, first_sentence = candidate, sentence(offset)
    return first


def agrees_with(pronoun: str, gender: str | None, speaker: Speaker, people: PeopleLexicon) -> bool:
    """'they' takes a group; 'he' and 'she' one person of no other gender: a named person or an
    unnamed one a role stands for ('the spokesman'), never a body or a document ('the
    analysis', 'the party': people.json impersonal_heads)."""
    if pronoun in people.plural_pronouns:
        return is_plural(speaker.name, people)
    if (gender and speaker.gender and speaker.gender != gender) or is_plural(speaker.name, people):
        return False
    return not gender or is_one_person(speaker, people)


def is_one_person(speaker: Speaker, people: PeopleLexicon) -> bool:
    """Anyone but a group ('members of the lower chamber', 'some'), a source headed by a word
    that never stands for one person, or a body that cannot be one person's name."""
    if isinstance(speaker, Person) or speaker.kind in (None, "person"):
        return True
    if speaker.kind == "group":
        return False
    if speaker.kind == "organisation":
        return may_be_a_person(speaker, people)
    words = speaker.name.lower().split()
    return not words or words[-1] not in people.impersonal_heads


def may_be_a_person(speaker: Speaker, people: PeopleLexicon) -> bool:
    """A body the recogniser named that may be one person: a name of one word ('Navarro',
    'Ocasio-Cortez', 'Bloomberg') or a party's member described ('one unaffiliated Indiana
    Republican'), never an acronym ('CNN'), a name with a digit ('Fox 9') or any other body of
    several words ('New York Times', 'Arizona Department of Public Safety'): those are 'it'."""
    name = speaker.name
    words = name.split()
    if name.isupper() or any(c.isdigit() for c in name):
        return False
    return len(words) == 1 or (speaker.party is not None and words[-1].lower() not in people.not_person_endings)


def addressed_people(article: Article, pronoun: Token) -> set[str]:
    """The people the object of a subject pronoun's verb names ('"Would you like them?" he asked
    Macron'): the pronoun cannot stand for them (a reflexive would be used)."""
    if pronoun.dep_ != "nsubj":
        return set()
    found = set()
    for obj in pronoun.head.children:
        ent = entity_at(article.doc, obj.i) if obj.dep_ in OBJECT_DEPS - {"pobj"} else None
        person = article.cast.find(ent.text) if ent is not None and ent.label_ == "PERSON" else None
        if person is not None:
            found.add(person.name)
    return found


def clause_subject_spans(pronoun: Token, people: PeopleLexicon) -> list[tuple[int, int]]:
    """The characters of the names that the subject of an object pronoun's clause is ('The
    Conservative leader, Mr William Hague, ... challenged him'): the pronoun cannot stand for
    them (a reflexive would be used). A name inside the subject's own phrases ('Members of Mr
    Woodward's association called on him') is not the subject."""
    if pronoun.lower_ not in people.object_pronouns or pronoun.dep_ not in OBJECT_DEPS:
        return []
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    for _ in range(CLAUSE_CLIMB):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return [span_of_name(head) for head in [subject, *(c for c in subject.children if c.dep_ == "appos")]]
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


def span_of_name(head: Token) -> tuple[int, int]:
    ent = entity_at(head.doc, head.i)
    return (ent.start_char, ent.end_char) if ent is not None else (head.idx, head.idx + len(head.text))


def choose_person(chosen: Speaker) -> Speaker:
    """A person of the cast answers as a speaker of their own (their mentions stay in the cast)."""
    return chosen.as_speaker() if isinstance(chosen, Person) else chosen
