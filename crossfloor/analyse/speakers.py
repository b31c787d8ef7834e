"""Resolve source mentions to people within one article, and say where and as what they spoke.

No offline coreference model exists, so resolution is explicit: names are grouped by surname and
shown in their fullest form; role nouns bind to the person they are written beside ("Shadow
chancellor Rachel Reeves"); pronouns and relative pronouns go to the most recent compatible
speaker or person; "the broadcaster" goes to the outlet last named.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..records import Quote
from .attribution import RELATIVE_PRONOUNS, Attribution
from .cast import Cast, Person, Speaker
from .doctext import entity_at, inside_quotation, text_of
from .lexicon import PartyLexicon, PeopleLexicon

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "him", "her", "his", "its", "their"})
# A pronoun looks back no further than this many characters for its antecedent.
PRONOUN_REACH = 1500
# Person mentions in these roles are candidate antecedents ("Mr Hague was angry when he insisted").
ANTECEDENT_ROLES = frozenset({"nsubj", "nsubjpass", "appos", "ROOT", "conj", "attr"})


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
            person.mentions.append(ent.start_char)
            if not self.inside_quotation(doc, ent):
                mentions.append((ent.start_char, person, ent.root.dep_))
            self.describe(ent, person, by_role)
        self.link_first_names(by_surname)
        # 'Sir Edward' mentioned before the link was made is the linked person too.
        mentions = [(offset, by_surname.get(person.name.split()[-1].lower(), person) if " " not in person.name else person, role) for offset, person, role in mentions]
        return by_surname, by_role, mentions

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
            person.party = person.party or self.parties.find(words)
            seat = self.seat_from(phrase)
            person.seat = person.seat or seat
            role = self.role_from(phrase, seat)
            if role:
                person.role = person.role or role
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

    def role_from(self, phrase: list[Token], seat: str | None) -> str | None:
        seat_words = set(seat.split()) if seat else set()
        words = [
            t
            for t in phrase
            if not t.is_punct and t.dep_ not in ("det", "poss", "case") and t.text not in seat_words
            and t.lower_ not in ("for", "of", "former")
        ]
        while words and (self.parties.normalise(words[0].text) is not None or words[0].pos_ in ("NUM", "PRON") or words[0].lower_ == "one"):
            words.pop(0)
        if not words or words[-1].lower_ not in self.people.role_heads:
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
            return self.antecedent(doc, subject, a, cast.attributions, cast.resolved, cast.mentions)
        return self.named(doc, subject, cast.by_surname, cast.by_role)

    def named(self, doc: Doc, subject: Token, by_surname, by_role) -> Speaker:
        heads = {subject.i} | {c.i for c in subject.children if c.dep_ == "appos"}
        person_ents = [e for e in (entity_at(doc, i) for i in sorted(heads)) if e is not None and e.label_ == "PERSON" and e.root.i in heads]
        if person_ents:
            tokens = self.name_tokens(person_ents[0])
            if tokens:
                person = by_surname.get(tokens[-1].lower_)
                if person is not None:
                    return person.as_speaker()
        if subject.pos_ == "PROPN" and subject.lower_ in by_surname:
            p = by_surname[subject.lower_]
            return p.as_speaker()
        role = self.role_phrase(subject)
        bound = by_role.get(role.lower())
        if bound is not None:
            return bound.as_speaker()
        party = self.parties.find(role)
        return Speaker(role, None, role if subject.lower_ in self.people.role_heads else None, party)

    def role_phrase(self, subject: Token) -> str:
        """'the Health Secretary' -> 'Health Secretary'; 'a Labour leadership source' -> 'Labour leadership source'."""
        left = [t for t in subject.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod", "poss") or t.tag_ == "POS"]
        tokens = [t for t in subject.subtree if t.i <= subject.i and (t is subject or any(t in l.subtree for l in left))]
        tokens = [t for t in tokens if t.dep_ != "det" and (t is subject or t.lower_ not in self.people.honorifics)]
        if not tokens:
            return subject.text
        return text_of(subject.doc)[tokens[0].idx : subject.idx + len(subject.text)]

    def antecedent(self, doc, pronoun: Token, a, attributions, resolved, mentions) -> Speaker | None:
        """The most recent compatible speaker or subject-position person before the pronoun."""
        lower = pronoun.lower_
        if lower in ("i", "we", "you", "it"):
            return Speaker(pronoun.text)
        gender = self.people.pronoun_gender.get(lower)
        position = pronoun.idx
        candidates: list[tuple[int, Speaker]] = []
        for b in attributions:
            speaker = resolved.get(id(b))
            anchor = b.source[0] if b.source else b.start
            if b is not a and speaker is not None and anchor < position and speaker.name.lower() not in PERSONAL_PRONOUNS:
                candidates.append((anchor, speaker))
        for offset, person, role in mentions:
            if offset < position and role in ANTECEDENT_ROLES:
                candidates.append((offset, person.as_speaker()))
        candidates.sort(key=lambda c: c[0], reverse=True)
        for offset, speaker in candidates:
            if position - offset > PRONOUN_REACH:
                break
            if self.agrees_with(lower, gender, speaker):
                if gender and speaker.gender is None and lower != "they":
                    speaker.gender = gender
                return speaker
        return Speaker(pronoun.text) if lower == "they" else None

    def agrees_with(self, pronoun: str, gender: str | None, speaker: Speaker) -> bool:
        """'they' takes a group; 'he' and 'she' one person of no other gender."""
        if pronoun == "they":
            return self.is_plural(speaker.name)
        return not ((gender and speaker.gender and speaker.gender != gender) or self.is_plural(speaker.name))

    def is_plural(self, name: str) -> bool:
        last = name.split()[-1].lower() if name.split() else ""
        return last.endswith("s") and last in self.people.role_heads and not last.endswith("ss")

    def resolve_venue(self, doc: Doc, a: Attribution, attributions, venues) -> str | None:
        venue = a.venue
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
        return quote
