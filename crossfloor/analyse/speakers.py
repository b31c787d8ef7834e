"""Resolve source mentions to people within one article, and say where and as what they spoke.

No offline coreference model exists, so resolution is explicit: names are grouped by surname and
shown in their fullest form; role nouns bind to the person they are written beside ("Shadow
chancellor Rachel Reeves"); pronouns and relative pronouns go to the most recent compatible
speaker or person; "the broadcaster" goes to the outlet last named.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..schema import Quote
from .attribution import RELATIVE_PRONOUNS, Attribution
from .cast import Cast, Person, Speaker
from .dates import WEEKDAYS
from .doctext import entity_at, inside_quotation, text_of
from .lexicon import PartyLexicon, PeopleLexicon
from .names import first_name_gender

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "him", "her", "his", "its", "their"})
# A pronoun looks back no further than this many characters for its antecedent.
PRONOUN_REACH = 1500
# Person mentions in these roles are candidate antecedents ("Mr Hague was angry when he insisted").
ANTECEDENT_ROLES = frozenset({"nsubj", "nsubjpass", "appos", "ROOT", "conj", "attr", "poss"})
# Pronouns that no antecedent resolves stay unresolved rather than become a "speaker" called "It".
UNRESOLVED_PRONOUNS = frozenset({"i", "we", "you", "it", "they", "one", "us", "me"})
ORGANISATION_ENTITIES = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
# Capitalised words of a venue that name a day, not a medium ('in a statement on Wednesday').
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(name.lower() for name in calendar.month_name if name)
FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
QUANTIFIER_PRONOUNS = frozenset(
    {
        "some",
        "many",
        "others",
        "several",
        "few",
        "most",
        "all",
        "both",
        "each",
        "none",
        "either",
        "neither",
    }
)
PARTY_LABEL = re.compile(r"\s*[(,]\s*([A-Z])\s*[-–]\s*[A-Z][A-Za-z.]{1,12}\.?(?:\s?[A-Z][a-z.]*)?\s*\)?")


class SpeakerResolver:
    def __init__(self, people: PeopleLexicon, parties: PartyLexicon):
        self.people = people
        self.parties = parties

    # ---- names --------------------------------------------------------------------------------
    def name_tokens(self, tokens) -> list[Token]:
        """A name without honorifics, determiners or possessive endings."""
        out = [t for t in tokens if t.tag_ != "POS" and t.text not in ("'s", "’s", "'", "’")]
        while out and (out[0].lower_ in self.people.honorifics or out[0].is_punct):
            out.pop(0)
        while out and out[-1].is_punct:
            out.pop()
        return out

    def honorific_gender(self, ent: Span) -> str | None:
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        for tok in [before, *ent] if before is not None else list(ent):
            if tok is not None and tok.lower_ in self.people.honorifics:
                gender = self.people.honorifics[tok.lower_]
                if gender:
                    return gender
        return None

    @staticmethod
    def inside_quotation(doc: Doc, ent: Span) -> bool:
        return inside_quotation(doc, ent.start_char)

    def build_registry(self, doc: Doc) -> tuple[dict[str, Person], dict[str, Person], list[tuple[int, Person, str]]]:
        """People by surname, people by the role they were introduced with, and mentions in order."""
        by_surname: dict[str, Person] = {}
        by_role: dict[str, Person] = {}
        mentions: list[tuple[int, Person]] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            tokens = self.name_tokens(ent)
            if not tokens or not tokens[-1].text[:1].isupper():
                continue
            name = text_of(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
            key = tokens[-1].lower_
            person = by_surname.get(key)
            if person is None:
                person = by_surname[key] = Person(name)
            elif len(name.split()) > len(person.name.split()):
                person.name = name
            person.gender = person.gender or self.honorific_gender(ent)
            person.titles |= self.title_words(ent)
            person.party = person.party or self.label_party(text_of(doc), ent.end_char)
            person.mentions.append(ent.start_char)
            if not self.inside_quotation(doc, ent):
                mentions.append(
                    (
                        ent.start_char,
                        person,
                        "main" if is_main_subject(ent.root) else ent.root.dep_,
                    )
                )
            self.describe(ent, person, by_role)
        self.link_first_names(by_surname)
        for person in by_surname.values():
            person.gender = person.gender or first_name_gender(person.name)
        # 'Sir Edward' mentioned before the link was made is the linked person too.
        mentions = [(offset, by_surname.get(person.name.split()[-1].lower(), person) if " " not in person.name else person, role) for offset, person, role in mentions]
        return by_surname, by_role, mentions

    def label_party(self, text: str, end: int) -> str | None:
        """'Justin Amash (I-MI)', 'Kevin McCarthy, R-Calif.': the party of a US label."""
        label = PARTY_LABEL.match(text, end, min(len(text), end + 24))
        return self.parties.letters.get(label.group(1)) if label else None

    def title_words(self, ent: Span) -> set[str]:
        """'Rep.' in 'Michigan Rep. Justin Amash', 'President' in 'President Donald Trump',
        'Secretary' in 'Health and Human Services Secretary Tom Price'."""
        doc = ent.doc
        words = {t.lower_ for t in ent if t.lower_ in self.people.honorifics}
        k = ent.start - 1
        while k >= 0 and k >= ent.start - 6 and doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "CCONJ", "PUNCT") and doc[k].text not in (",", ";", ":", "—", "-", "–", '"', "“", "”"):
            words.add(doc[k].lower_)
            k -= 1
        return words

    @staticmethod
    def link_first_names(by_surname: dict[str, Person]) -> None:
        """'Sir Graham' after 'Sir Graham Lowe': a lone first name joins the one person it fits."""
        for key, person in list(by_surname.items()):
            if " " in person.name:
                continue
            fits = [p for p in by_surname.values() if " " in p.name and p.name.split()[0].lower() == key]
            if len(fits) == 1:
                fits[0].mentions.extend(person.mentions)
                by_surname[key] = fits[0]

    def describe(self, ent: Span, person: Person, by_role: dict[str, Person]) -> None:
        """Pick up the role, party and seat written beside a name ('Tory MP X', 'X, MP for Y')."""
        for phrase in self.descriptor_phrases(ent):
            words = " ".join(t.text for t in phrase if not t.is_punct)
            person.titles |= {t.lower_ for t in phrase if t.pos_ in ("NOUN", "PROPN")}
            person.party = person.party or self.parties.find(words)
            seat = self.seat_from(phrase)
            person.seat = person.seat or seat
            role = self.role_from(phrase, seat)
            if role:
                person.role = person.role or role
                person.titles |= {w.lower() for w in role.split()}
                by_role.setdefault(role.lower(), person)

    def descriptor_phrases(self, ent: Span) -> list[list[Token]]:
        head = ent.root
        phrases = []
        premodifiers = [
            t
            for c in head.children
            if c.dep_ in ("compound", "amod", "nmod") and c.i < ent.start
            for t in c.subtree
            if t.i < ent.start and t.lower_ not in self.people.honorifics
        ]
        if premodifiers:
            phrases.append(premodifiers)
        appositives = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            appositives.append(head.head)
        for a in appositives:
            tokens = self.appositive_words(ent, a)
            if tokens:
                phrases.append(tokens)
        return phrases

    def appositive_words(self, ent: Span, appositive: Token) -> list[Token]:
        """'Christian Wakeford, the MP for Bury South': the apposition without its own clauses,
        names and honorifics."""
        clause = {t.i for c in appositive.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
        tokens = [t for t in appositive.subtree if t.i not in clause and not (ent.start <= t.i < ent.end)]
        tokens = [t for t in tokens if t.ent_type_ != "PERSON" and t.lower_ not in self.people.honorifics]
        return sorted(tokens, key=lambda t: t.i)

    def role_words(self, phrase: list[Token], seat: str | None) -> list[Token]:
        """A descriptor's words that can name a role: no punctuation, seat, leading party or
        number, and no determiner of the phrase itself ('the' of 'the transport minister', not of
        'the United Nations')."""
        seat_words = set(seat.split()) if seat else set()
        root = next((t for t in phrase if t.head not in phrase), None)
        own_determiner = lambda t: t.dep_ in ("det", "poss", "case") and root is not None and t.head.i == root.i  # noqa: E731
        words = [t for t in phrase if not t.is_punct and not own_determiner(t) and t.text not in seat_words and t.lower_ not in ("for", "of", "former")]
        while words and (self.parties.normalise(words[0].text) is not None or words[0].pos_ in ("NUM", "PRON") or words[0].lower_ == "one"):
            words.pop(0)
        return words

    def role_from(self, phrase: list[Token], seat: str | None) -> str | None:
        words = self.role_words(phrase, seat)
        if words and words[-1].lower_ not in self.people.role_heads:
            # 'ambassador to the United Nations': a role head with its complement
            root = next((t for t in words if t.head not in words), None)
            if root is None or root.lower_ not in self.people.role_heads:
                return None
        if not words:
            return None
        role = " ".join(t.text for t in words)
        return role if self.parties.normalise(role) is None else None

    def seat_from(self, tokens: list[Token]) -> str | None:
        """'MP for Bury South' or 'Brigg and Goole MP'."""
        lowers = [t.lower_ for t in tokens]
        if "mp" not in lowers:
            return None
        k = lowers.index("mp")
        after = tokens[k + 1 :]
        if after and after[0].lower_ == "for":
            seat = []
            for t in after[1:]:  # 'MP for Wantage in Oxfordshire' -> Wantage
                if not (t.pos_ in ("PROPN", "CCONJ") or t.text == "-"):
                    break
                seat.append(t)
            return " ".join(t.text for t in seat).replace(" - ", "-").strip(" ,") or None
        before = [t for t in tokens[:k] if t.pos_ in ("PROPN", "CCONJ") and self.parties.normalise(t.text) is None]
        if before and before[0].pos_ == "PROPN":
            return " ".join(t.text for t in before)
        return None

    # ---- resolution ---------------------------------------------------------------------------
    def __call__(self, doc: Doc, attributions: list[Attribution]) -> list[Quote]:
        by_surname, by_role, mentions = self.build_registry(doc)
        resolved: dict[int, Speaker | None] = {}
        venues: dict[int, str | None] = {}
        for a in attributions:
            if a.inherits_from is None:
                resolved[id(a)] = self.resolve(doc, a, attributions, resolved, by_surname, by_role, mentions)
                venues[id(a)] = self.resolve_venue(doc, a, attributions, venues)
        for a in attributions:
            root = a
            while root.inherits_from is not None and id(root) not in resolved:
                root = root.inherits_from
            resolved[id(a)] = resolved.get(id(root))
            venues.setdefault(id(a), venues.get(id(root)))
        self.carry_venues(text_of(doc), attributions, resolved, venues)
        doc._.cast = Cast(by_surname, by_role, mentions, attributions, resolved)
        quotes = [self.to_quote(doc, a, resolved[id(a)], venues[id(a)]) for a in attributions]
        for quote, utterance in zip(quotes, self.utterances(text_of(doc), attributions)):
            quote.utterance = utterance
        return quotes

    @staticmethod
    def utterances(text: str, attributions: list[Attribution]) -> list[int]:
        """Number the utterances: a piece joins the one before it in the same paragraph when
        they share a cue or it continues that one."""
        numbers: list[int] = []
        for k, a in enumerate(attributions):
            if k and "\n" not in text[attributions[k - 1].end : a.start]:
                b = attributions[k - 1]
                same_cue = a.cue is not None and a.cue == b.cue
                if same_cue or a.inherits_from is b:
                    numbers.append(numbers[-1])
                    continue
            numbers.append(numbers[-1] + 1 if numbers else 0)
        return numbers

    def resolve(self, doc, a, attributions, resolved, by_surname, by_role, mentions) -> Speaker | None:
        if a.subject is None:
            return None
        return self.who(doc, a.subject, Cast(by_surname, by_role, mentions, attributions, resolved), a)

    def who(self, doc: Doc, subject: Token, cast: Cast, a: Attribution | None = None) -> Speaker | None:
        """The person (or role, or group) a noun phrase or pronoun stands for."""
        if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            subject = subject.head.head
        if subject.lower_ in PERSONAL_PRONOUNS or subject.pos_ == "PRON":
            return self.antecedent(doc, subject, a, cast)
        return self.named(doc, subject, cast)

    def named(self, doc: Doc, subject: Token, cast: Cast) -> Speaker:
        by_surname, by_role = cast.by_surname, cast.by_role
        person = self.person_in_phrase(doc, subject, by_surname)
        if person is not None:
            return person.as_speaker()
        # 'Will said', 'May said': the parser takes the name for a modal verb.
        if subject.text[:1].isupper() and subject.lower_ in by_surname and subject.pos_ not in ("PRON", "DET"):
            return by_surname[subject.lower_].as_speaker()
        body = entity_at(doc, subject.i)
        if body is not None and body.label_ in ORGANISATION_ENTITIES - {"NORP"} and body.root.i == subject.i:
            # 'the Ministry of Finance said': the body by its whole name
            name = " ".join(t.text for t in body if t.dep_ != "det" and t.tag_ != "POS").replace(" - ", "-")
            return Speaker(name, party=self.parties.normalise(name), kind="organisation")
        role = self.role_phrase(subject)
        bound = by_role.get(role.lower()) or self.described(doc, subject, role, cast)
        if bound is not None:
            return bound.as_speaker()
        party = self.parties.find(role)
        return Speaker(role, None, role if subject.lower_ in self.people.role_heads else None, party, kind=self.kind_of(subject, role))

    def kind_of(self, subject: Token, role: str) -> str:
        """What an unnamed source is: an organisation (by the entity recogniser, an outlet's or a
        party's name), a group (a plural) or a role."""
        words = set(role.lower().split())
        if subject.ent_type_ in ORGANISATION_ENTITIES or self.parties.normalise(role) or (subject.pos_ == "PROPN" and words & self.people.outlet_words):
            return "organisation"
        if subject.tag_ in ("NNS", "NNPS") or self.is_plural(role):
            return "group"
        return "role"

    def person_in_phrase(self, doc: Doc, subject: Token, by_surname) -> Person | None:
        """The person a subject phrase names: its head or an appositive ('Mr Woodward, the MP'),
        or a name closing the phrase ('Conservative columnist and commentator George Will')."""
        heads = {subject.i} | {c.i for c in subject.children if c.dep_ in ("appos", "conj")}
        for i in sorted(heads):
            ent = entity_at(doc, i)
            if ent is not None and ent.label_ == "PERSON" and ent.root.i in heads:
                tokens = self.name_tokens(ent)
                if tokens and tokens[-1].lower_ in by_surname:
                    return by_surname[tokens[-1].lower_]
        for conj in (c for c in subject.children if c.dep_ == "conj"):
            compounds = [t for t in conj.lefts if t.dep_ == "compound" and t.ent_type_ == "PERSON"]
            if compounds and compounds[-1].lower_ in by_surname and compounds[-1].i == conj.i - 1:
                return by_surname[compounds[-1].lower_]
        return None

    def described(self, doc: Doc, subject: Token, role: str, cast: Cast) -> Person | None:
        """The person a definite description stands for: 'the congressman' for the person
        introduced as 'Rep. Justin Amash', 'the Illinois Democrat' or 'the 58-year-old' for the
        person in focus. A description of an office ('the Health Secretary') needs the article
        to have given someone that office, else it stays a role."""
        if subject.tag_ in ("NNS", "NNPS") or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        words = role.lower().replace("-", " ").split()
        classes = self.people.classes_of(words)
        head = subject.lower_
        generic = head in self.people.generic_descriptions or head.endswith("year-old") or self.parties.normalise(subject.text) is not None
        if not classes and not generic:
            return None
        wanted = Description(
            classes,
            generic,
            self.people.gendered_roles.get(head),
            self.parties.find(role),
            set(words) & self.people.rank_words,
        )
        for candidate, _tier, _offset in self.ranked_candidates(doc, subject.idx, None, cast):
            if isinstance(candidate, Person) and self.fits(wanted, candidate, words):
                return candidate
        return None

    def fits(self, wanted: Description, person: Person, words: list[str]) -> bool:
        if wanted.gender and person.gender and wanted.gender != person.gender:
            return False
        if wanted.party and person.party and self.parties.normalise(person.party) != self.parties.normalise(wanted.party):
            return False
        if not wanted.ranks <= person.titles:
            return False
        held = self.people.classes_of(person.titles)
        if not wanted.classes:
            return wanted.generic
        if wanted.classes & held:
            specific = wanted.classes & self.people.specific_classes
            others = {w for w in words if w not in self.people.role_classes and self.parties.normalise(w) is None and w not in ("former", "then")}
            return not specific or others <= person.titles
        return wanted.generic and not held

    def role_phrase(self, subject: Token) -> str:
        """'the Health Secretary' -> 'Health Secretary'; 'a Labour leadership source' -> 'Labour leadership source'."""
        left = [t for t in subject.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod", "poss") or t.tag_ == "POS"]
        tokens = [t for t in subject.subtree if t.i <= subject.i and (t is subject or any(t in l.subtree for l in left))]
        tokens = [t for t in tokens if t.dep_ != "det" and (t is subject or t.lower_ not in self.people.honorifics)]
        if not tokens:
            return subject.text
        return text_of(subject.doc)[tokens[0].idx : subject.idx + len(subject.text)]

    def antecedent(self, doc: Doc, pronoun: Token, a: Attribution | None, cast: Cast) -> Speaker | None:
        """The most salient compatible speaker or person before the pronoun: the nearest
        sentence first and, within a sentence, its main subject or speaker first. A person named
        elsewhere in a sentence (an object, a prepositional phrase) is taken only when their
        gender is known to agree."""
        lower = pronoun.lower_
        if lower in FIRST_PERSON and inside_quotation(doc, pronoun.idx):
            # 'In his letter, Smith wrote: "I have decided to resign"': I is the letter's author
            writer = self.quoted_speaker(pronoun.idx, cast)
            return writer if writer is not None and writer.kind == "person" else None
        if lower in UNRESOLVED_PRONOUNS - {"they"}:
            return None
        if lower in QUANTIFIER_PRONOUNS:  # 'some say', 'others argue': a group the article leaves unnamed
            return Speaker(lower, kind="group")
        gender = self.people.pronoun_gender.get(lower)
        ranked = self.unbound(doc, pronoun, self.ranked_candidates(doc, pronoun.idx, a, cast), cast)
        chosen = self.best_antecedent(lower, gender, ranked, sentence_index(doc))
        if chosen is None:
            return None
        if gender and chosen.gender is None and lower != "they":
            chosen.gender = gender
        return chosen.as_speaker() if isinstance(chosen, Person) else chosen

    def unbound(self, doc: Doc, pronoun: Token, ranked: list, cast: Cast) -> list:
        """The candidates a third-person pronoun may stand for: not the speaker whose words it is
        in ('he' in Mr Hague's own words), nor the subject of its own clause ('Mr Hague ...
        challenged him')."""
        speaking = self.quoted_speaker(pronoun.idx, cast) if inside_quotation(doc, pronoun.idx) else None
        if speaking is not None:
            ranked = [c for c in ranked if c[0].name != speaking.name]
        spans = clause_subject_spans(pronoun)
        if spans:
            bound = {c[0].name for c in ranked if any(a <= c[2] < b for a, b in spans)}
            ranked = [c for c in ranked if c[0].name not in bound]
        return ranked

    @staticmethod
    def quoted_speaker(position: int, cast: Cast) -> Speaker | None:
        """Who says the words a position lies in, when it lies in an attributed quotation."""
        for b in cast.attributions:
            if b.start <= position < b.end:
                return cast.resolved.get(id(b))
        return None

    def best_antecedent(self, lower: str, gender: str | None, ranked, sentence) -> Speaker | None:
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
            if self.agrees_with(lower, gender, candidate):
                if known or not gender:
                    return candidate
                first, first_sentence = candidate, sentence(offset)
        return first

    def ranked_candidates(self, doc: Doc, position: int, a: Attribution | None, cast: Cast) -> list[tuple[Speaker, int, int]]:
        """Speakers and people before position, most salient first, each with its tier (0: a main
        subject or speaker, 1: another subject-like mention, 2: any other mention) and offset."""
        sentence = sentence_index(doc)
        scored: list[tuple[int, int, int, Speaker]] = []
        for b in cast.attributions:
            speaker = cast.resolved.get(id(b))
            anchor = b.source[0] if b.source else b.start
            if b is a or speaker is None or not 0 < position - anchor <= PRONOUN_REACH or speaker.name.lower() in PERSONAL_PRONOUNS:
                continue
            person = cast.by_surname.get(speaker.name.split()[-1].lower()) if speaker.name.split() else None
            main = b.subject is not None and (is_main_subject(b.subject) or b.subject.lower_ in PERSONAL_PRONOUNS)
            scored.append(
                (
                    sentence(anchor),
                    0 if main else 1,
                    anchor,
                    person if person is not None and person.name == speaker.name else speaker,
                )
            )
        for offset, person, role in cast.mentions:
            if 0 < position - offset <= PRONOUN_REACH:
                scored.append(
                    (
                        sentence(offset),
                        0 if role == "main" else 1 if role in ANTECEDENT_ROLES else 2,
                        offset,
                        person,
                    )
                )
        scored.sort(key=lambda c: (-c[0], c[1], -c[2]))
        return [(candidate, tier, offset) for _, tier, offset, candidate in scored]

    def agrees_with(self, pronoun: str, gender: str | None, speaker: Speaker) -> bool:
        """'they' takes a group; 'he' and 'she' one person of no other gender."""
        if pronoun == "they":
            return self.is_plural(speaker.name)
        return not ((gender and speaker.gender and speaker.gender != gender) or self.is_plural(speaker.name))

    def is_plural(self, name: str) -> bool:
        last = name.split()[-1].lower() if name.split() else ""
        return last.endswith("s") and last in self.people.role_heads and not last.endswith("ss")

    def resolve_venue(self, doc: Doc, a: Attribution, attributions, venues) -> str | None:
        venue = self.named_venue(a.venue)
        if venue is None:
            return None
        words = venue.lower().split()
        if words and words[-1] in self.people.media_nouns and not any(w[:1].isupper() for w in venue.split()):
            earlier = [
                (b.start, venues.get(id(b)))
                for b in attributions
                if b.start < a.start and venues.get(id(b)) and not self.is_generic_venue(venues[id(b)])
            ]
            outlets = [(e.start_char, e.text) for e in doc.ents if e.start_char < a.start and e.label_ == "ORG" and set(e.text.lower().split()) & self.people.outlet_words]
            pool = sorted(earlier + outlets, key=lambda x: x[0])
            return pool[-1][1] if pool else venue
        return venue

    def named_venue(self, venue: str | None) -> str | None:
        """A venue is a named medium: an outlet, programme or platform ('Sky News', 'Twitter'),
        or a media noun that stands for one already named ('told the broadcaster'); 'in a
        statement' or 'in his letter' name none."""
        if not venue:
            return None
        words = venue.split()
        platform = next((self.people.platforms[w.lower()] for w in words if w.lower() in self.people.platforms), None)
        if platform:
            return platform
        named = [w for w in words if w[:1].isupper() and w.lower().strip(".,") not in CALENDAR_WORDS]
        return venue if named or (words and words[-1].lower() in self.people.media_nouns) else None

    def is_generic_venue(self, venue: str) -> bool:
        return venue.lower().split()[-1] in self.people.venue_nouns

    def carry_venues(self, text: str, attributions, resolved, venues) -> None:
        """A speaker keeps the venue named for them until another is named ('He said:' after 'told Sky News')."""
        last: dict[str, tuple[int, str]] = {}
        for a in sorted(attributions, key=lambda x: x.start):
            speaker = resolved.get(id(a))
            if speaker is None:
                continue
            key = speaker.name.lower()
            if venues.get(id(a)):
                last[key] = (a.end, venues[id(a)])
            elif key in last and text.count("\n", last[key][0], a.start) <= 2:
                venues[id(a)] = last[key][1]
                last[key] = (a.end, last[key][1])

    def to_quote(self, doc: Doc, a: Attribution, speaker: Speaker | None, venue: str | None) -> Quote:
        text = text_of(doc)
        quote = Quote(start=a.start, end=a.end, text=text[a.start : a.end], kind=a.kind, venue=venue, act=a.act)
        if a.cue is not None:
            quote.cue_start, quote.cue_end = a.cue
            quote.cue = text[a.cue[0] : a.cue[1]]
        source = a.source
        origin = a
        while source is None and origin.inherits_from is not None:
            origin = origin.inherits_from
            source = origin.source
        if source is not None:
            quote.speaker_start, quote.speaker_end = source
            quote.speaker = text[source[0] : source[1]]
        if speaker is not None:
            quote.speaker_resolved = speaker.name
            quote.speaker_role = speaker.role
            quote.speaker_party = speaker.party
            quote.speaker_seat = speaker.seat
            quote.speaker_kind = speaker.kind
        return quote


@dataclass(frozen=True)
class Description:
    """What a definite description says of the person it stands for."""

    classes: frozenset[str]
    generic: bool
    gender: str | None
    party: str | None
    ranks: set[str]


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


OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})


def clause_subject_spans(pronoun: Token) -> list[tuple[int, int]]:
    """The characters of the names that the subject of an object pronoun's clause is ('The
    Conservative leader, Mr William Hague, ... challenged him'): the pronoun cannot stand for
    them (a reflexive would be used). A name inside the subject's own phrases ('Members of Mr
    Woodward's association called on him') is not the subject."""
    if pronoun.lower_ not in OBJECT_PRONOUNS or pronoun.dep_ not in (
        "dobj",
        "dative",
        "pobj",
        "iobj",
    ):
        return []
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
            spans = []
            for head in heads:
                ent = entity_at(head.doc, head.i)
                spans.append((ent.start_char, ent.end_char) if ent is not None else (head.idx, head.idx + len(head.text)))
            return spans
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []
