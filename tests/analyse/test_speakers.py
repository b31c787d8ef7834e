"""Speakers resolved to the people an article names, on made-up news sentences: descriptions,
pronouns, first-name genders, misparsed names, and sources that are not people; the pass that
resolved each speaker, and passes switched off."""

import pytest


@pytest.fixture(scope="module")
def said(rules_nlp):
    """(content, resolved speaker, kind) of each quote of a text."""

    def run(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(q.text, q.speaker_resolved, q.speaker_kind) for q in rules_nlp(text)._.quotes]

    return run


def speaker_of(found, words: str) -> str | None:
    return next(speaker for content, speaker, _ in found if words in content)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "Rep. Jane Okafor of Ohio voted against the bill on Tuesday.\n\n"
            '"This is a bad day for the country," the congresswoman told reporters after the vote.',
            "bad day", "Jane Okafor", id="a description binds to the person introduced with that title",
        ),
        pytest.param(
            "Prime Minister Tom Reed faced questions over the budget on Monday.\n\n"
            "The Health Secretary said the hospitals would get more money next year.",
            "hospitals", "Health Secretary", id="an office nobody in the article holds stays a role",
        ),
        pytest.param(
            "Senator Maria Lopez announced her retirement on Friday.\n\nThe Nevada Democrat said she wanted to spend more time with her family.",
            "more time", "Maria Lopez", id="a generic description is the person in focus",
        ),
        pytest.param(
            "President Ray Stone accepted the resignation of Maria Lopez, his envoy to the talks.\n\n"
            'Asked about her plans, she joked: "No, I am not running for anything."',
            "not running", "Maria Lopez", id="she is not the man named first",
        ),
        pytest.param(
            "Mr Bryce told the paper that Ms Hart would win the seat, saying voters trusted her.\n\n"
            "He said the campaign had raised more money than any before it.",
            "raised more money", "Bryce", id="he after a speaker is that speaker, not a name in his clause",
        ),
        pytest.param(
            "Health Minister Ola Brandt toured the ward on Friday.\n\nThe 47-year-old said the waiting lists would fall by spring.",
            "waiting lists", "Ola Brandt", id="an age written as one hyphenated word is a generic description",
        ),
        pytest.param(
            "Daniel Forbes, the Conservative MP for Kettleby, has joined Reform UK.\n\nThe former teacher told the local paper that the party had left him.",
            "party had left him", "Daniel Forbes", id="what someone was (the former teacher) is said of the person named",
        ),
        pytest.param(
            'Sen. Hale spoke in Ohio on Monday. An analysis by the Crime Institute said that crime had fallen in most cities. He said he would "bring back our jobs."',
            "bring back", "Hale", id="he is no document that spoke (an analysis)",
        ),
        pytest.param(
            "Morag Innes, the SNP's Westminster leader, attacked the budget.\n\nThe party's Westminster leader said Scotland had been ignored.",
            "ignored", "Morag Innes", id="a role is the same whoever is named as its owner",
        ),
        pytest.param(
            "Sir Alan Reece has resigned as UK ambassador to Brazil.\n\nThe ambassador said he could not go on after the leak.",
            "could not go on", "Alan Reece", id="a role the sentence gives the person (resigned as ambassador)",
        ),
        pytest.param(
            "Jane Hale became party leader in March.\n\nThe party leader said the campaign would start in June.",
            "campaign would start", "Jane Hale", id="a role the person became",
        ),
        pytest.param(
            "Omar Reyes \u2014 spokesman for Clean Votes Now, one of the groups behind the bill \u2014 said that the court should not delay.",
            "court should not delay", "Omar Reyes", id="a name and its apposition read as two subjects",
        ),
        pytest.param(
            "Attorney General Rita Moss defended the law on Monday. \u201cThe act will shine a light on the money,\u201d her statement said.",
            "shine a light", "Rita Moss", id="a statement that speaks is its owner speaking",
        ),
        pytest.param(
            "White House chief of staff Rafael Llerena met the governor on Monday.\n\nThe chief of staff said he had lost the governor's trust.",
            "lost the governor", "Rafael Llerena", id="a role named past its head (chief of staff) binds to its holder",
        ),
        pytest.param('Columnist Gordon Will has left the party.\n\n"I could not stay," Will said.', "could not stay", "Gordon Will", id="a surname read as a modal verb"),
    ],
)
def test_who_said_it(said, text, words, speaker):
    assert speaker_of(said(text), words) == speaker


def test_unresolved_pronouns_and_unnamed_groups(said):
    found = said("It said the figures were wrong. Some argue that the tax should be scrapped.")
    assert speaker_of(found, "figures were wrong") is None
    assert [(s, k) for c, s, k in found if "tax should be scrapped" in c] == [("some", "group")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "The Arizona Department of Public Safety said on Monday that its officers are trained to avoid racial profiling. "
            '"We do not profile anyone," she added.',
            None, id="a body of several words is no 'she'",
        ),
        pytest.param(
            "Sanchez told reporters the border plan was working. The Arizona Department of Public Safety said on Monday "
            'that its officers are trained to avoid racial profiling. "We do not profile anyone," he added.',
            "Sanchez", id="a one-word name the recogniser took for a body may be 'he'",
        ),
        pytest.param(
            "That is why one unaffiliated Indiana Republican told reporters that the plan was a mistake. "
            '"We do not profile anyone," he said.',
            "one unaffiliated Indiana Republican", id="a party's member described may be 'he'",
        ),
        pytest.param(
            "Members of the lower chamber told reporters on Monday that the plan was a mistake. "
            '"We do not profile anyone," he said.',
            None, id="a group is no 'he'",
        ),
    ],
)
def test_he_or_she_stands_for_no_body_that_cannot_be_a_person(said, text, speaker):
    assert speaker_of(said(text), "profile anyone") == speaker


def test_a_surname_the_recogniser_took_for_a_body_is_a_mention_of_its_person(said):
    text = (
        "Kevin Dunleavy, the county's chief lawyer, was asked to sign the waiver on Monday. The mayor met with Dunleavy "
        "at City Hall and pressed him again.\nLater the mayor told aides to tell Dunleavy to sign it, according to the "
        "records.\nDunleavy, again, refused. He later told investigators that the mayor's account was accurate."
    )
    assert speaker_of(said(text), "account was accurate") == "Kevin Dunleavy"


@pytest.mark.parametrize(
    "report",
    [
        "The charity had tried to help James Bello for years, he said.",
        "Young men who feel shut out of their society, as James Bello did in his teens, are easy prey for recruiters, he said.",
    ],
)
def test_a_pronoun_that_reports_words_is_no_one_those_words_name(said, report):
    text = 'Omar Haddad runs a youth charity in east London. "It is hard to imagine the path he took," Haddad said.\n' + report
    assert speaker_of(said(text), "James Bello") == "Omar Haddad"


def test_organisations_are_typed_as_organisations(said):
    found = said("The Ministry of Finance said that the deficit had fallen sharply.")
    [(_, speaker, kind)] = found
    assert speaker == "Ministry of Finance" and kind == "organisation"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The Bureau of Farm Statistics counted 4,000 farms in May. In its first count, BFS said 3,800 farms had been open in April.", "Bureau of Farm Statistics"),
        ("The Department of Ports opened an inquiry on Monday. The DOP said the inquiry would take months.", "Department of Ports"),
        ("The FBI said the inquiry would take months.", "FBI"),
        # a list after a lead-in whose acronym the recogniser gives no label
        ("The Bureau of Labor Statistics published its count on Friday.\n\nAccording to BLS:\n\n-- 4,000 farms were open in May, more than expected.", "Bureau of Labor Statistics"),
    ],
)
def test_an_acronym_is_the_body_the_article_spells_it_out_as(said, text, speaker):
    assert said(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The senator got into a row with CNN on Monday when the network reported that his friends did not remember him.", ("CNN", "organisation")),
        ("The mayor spoke at length on Monday. Nobody else did. Later, the paper said the mayor had been wrong.", ("paper", "role")),
    ],
    ids=["the outlet named before", "none named"],
)
def test_a_media_noun_that_speaks_is_the_outlet_named_before_it(said, text, speaker):
    assert said(text)[-1][1:] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The House Harbour Committee released its findings on Monday. Critics were unimpressed. The committee said the port had failed.", ("House Harbour Committee", "organisation")),
        ("The Harbour Company met the mayor. The company said profits had doubled.", ("Harbour Company", "organisation")),
        # a name that does not hold the description's words is not guessed at
        ("The Bureau of Farm Statistics published the figures. The agency said 4,000 farms had closed.", ("agency", "role")),
    ],
    ids=["the committee", "the company", "an agency named otherwise"],
)
def test_a_body_described_is_the_body_named_before_whose_name_holds_the_words(said, text, speaker):
    assert said(text)[-1][1:] == speaker


def test_a_person_is_typed_as_a_person_with_the_party_of_a_us_label(nlp):
    [quote] = nlp("Sen. Mark Doyle (R-Texas) said the vote would be close.")._.quotes
    assert (quote.speaker_resolved, quote.speaker_kind, quote.speaker_party) == ("Mark Doyle", "person", "Republican")


@pytest.mark.parametrize(
    "text",
    [
        "The minister declined to say whether the plan would go ahead.",
        "Officials have not confirmed that the talks will resume.",
        "The mayor announced her resignation on Monday.",
    ],
)
def test_what_was_not_said_is_no_quote(said, text):
    assert said(text) == []


def test_a_name_labelling_a_quoted_line_is_its_speaker(nlp):
    """Through the whole analysis, which masks the section heading as furniture."""
    from crossfloor.analyse.run import analyse_texts

    text = (
        "Governor Ann Pike said on Monday that Mayor Tom Reyes would step aside.\n\n"
        "What they're saying:\n\n"
        'Pike: "Tom called me this morning to tell me of his decision."\n\n'
        'Reyes: "I informed the governor that I am stepping aside until the inquiry ends."'
    )
    found = [(q["text"], q["speaker_resolved"], q["speaker_kind"]) for q in analyse_texts(nlp, [text])[0].quotes]
    assert speaker_of(found, "called me this morning") == "Ann Pike"
    assert speaker_of(found, "inquiry ends") == "Tom Reyes"


PRONOUN_TEXT = "Tom Reyes said the bridge would open in the spring.\n\nHe said the work had taken three years."


def resolved(nlp, text: str, passes=None) -> list[tuple[str | None, str | None]]:
    """(resolved speaker, resolved_by) of each quote, with the speaker passes given."""
    from crossfloor.analyse.lexicon import party_lexicon, people_lexicon
    from crossfloor.analyse.speakers import SpeakerResolver

    doc = nlp(text)
    _cast, quotes = SpeakerResolver(people_lexicon(), party_lexicon(), passes).resolve(doc, doc._.attributions)
    return [(q.speaker_resolved, q.resolved_by) for q in quotes]


def test_each_quote_names_the_pass_that_resolved_its_speaker(nlp):
    assert resolved(nlp, PRONOUN_TEXT) == [("Tom Reyes", "exact_name"), ("Tom Reyes", "pronoun_by_salience")]
    [quote] = nlp("Mr Reyes said the bridge would open in the spring.")._.quotes
    assert (quote.speaker_resolved, quote.resolved_by) == ("Reyes", "title_and_name")


def test_a_pass_switched_off_resolves_nothing(nlp):
    from crossfloor.analyse.speakers import DEFAULT_PASSES

    without = [name for name in DEFAULT_PASSES if name != "pronoun_by_salience"]
    assert resolved(nlp, PRONOUN_TEXT, without) == [("Tom Reyes", "exact_name"), (None, None)]


def test_the_factory_takes_the_passes_and_refuses_unknown_ones(nlp):
    from crossfloor.analyse.pipeline import make_speakers

    component = make_speakers(nlp, "speakers", None, None, ["exact_name"])
    doc = component(nlp(PRONOUN_TEXT))
    assert [(q.speaker_resolved, q.resolved_by) for q in doc._.quotes] == [("Tom Reyes", "exact_name"), (None, None)]
    with pytest.raises(ValueError, match="pronoun_by_salience"):
        make_speakers(nlp, "speakers", None, None, ["pronoun_by_guesswork"])


def test_a_continuation_takes_the_speaker_and_pass_of_the_quote_it_continues(nlp):
    found = resolved(nlp, 'Jane Hart, the mayor, spoke on Monday. "The bridge is late," she said. "It will open in the spring."')
    assert found == [("Jane Hart", "pronoun_by_salience"), ("Jane Hart", "pronoun_by_salience")]


def test_a_subject_of_punctuation_alone_has_no_apposed_subject(rules_nlp):
    from crossfloor.analyse.speakers.passes.appositive_name import apposed_subjects

    doc = rules_nlp.make_doc("— said the minister.")
    assert apposed_subjects(doc[0]) == set()


class _SortedSet(set):
    """A set that iterates in sorted order: one of the orders a hash seed can give."""

    def __iter__(self):
        return iter(sorted(super().__iter__()))


def test_a_persons_title_words_name_their_class_in_any_order():
    # A person's titles are a set; read in its iteration order, {'minister', 'prime'} was no
    # prime minister under some hash seeds, so 'the PM' resolved differently from run to run.
    from crossfloor.analyse.lexicon import people_lexicon

    people = people_lexicon()
    in_order = people.classes_of(["prime", "minister"])
    assert in_order and people.classes_of(_SortedSet({"prime", "minister"})) == in_order


def test_a_former_one_the_article_brought_in_unnamed_is_not_the_person_in_focus(said):
    found = said(
        "A former employee of the firm spoke to the paper on Monday. Tom Hale, the chief executive, denied wrongdoing. "
        "The former employee said the accounts had been wrong for years."
    )
    assert speaker_of(found, "accounts had been wrong") == "former employee"
