"""Quotes on the ordinary stream, as the stream set's tuning part showed them going wrong, on
sentences made up for these tests: an inverted cue, a participle after a quotation, a second
report the parser hung inside the first, and 'according to' beside a speaker of its own."""

from datetime import date

import pytest

from crossfloor.analyse.run import analyse_texts


@pytest.fixture(scope="module")
def analysed(nlp):
    def run(text: str, published: date | None = None):
        return analyse_texts(nlp, [(text, published)])[0]

    return run


def quotes_of(result) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker_resolved"]) for q in result.quotes]


def test_an_inverted_cue_names_the_speaker_after_it(analysed):
    result = analysed('Rubin said that "police are quicker to act."  "What is your data for that?" asked Elder.', date(2020, 6, 1))
    assert ("What is your data for that?", "Elder") in quotes_of(result)


def test_a_participle_after_a_quotation_speaks_to_its_object(analysed):
    # 'telling the broadcaster': the broadcaster is spoken to, not the speaker.
    result = analysed('A Labour source played down the chances, telling the broadcaster: "There won\'t be a fresh vote."', date(2022, 1, 20))
    assert quotes_of(result) == [("There won't be a fresh vote.", "Labour source")]


def test_a_second_report_inside_the_first_is_its_own(analysed):
    result = analysed("Senator Ruth Adler said there was a lack of transparency in the count and urged the crowd to stay calm.", date(2020, 12, 13))
    texts = [text for text, _ in quotes_of(result)]
    assert "there was a lack of transparency in the count" in texts
    assert not any("urged" in text for text in texts)


def test_according_to_beside_a_speaker_of_its_own_is_where_it_was_reported(analysed):
    result = analysed('"The vote is the best way," Judge Ruth Adler said, according to The Daily Ledger.', date(2014, 11, 7))
    assert quotes_of(result) == [("The vote is the best way,", "Ruth Adler")]


def test_the_second_report_keeps_the_first_ones_speaker(analysed):
    # 'warned' hangs on 'fail', inside what she said: its subject is not 'the plan'.
    result = analysed("Mayor Ann Smith said the plan would fail and warned that the council could not pay for it.", date(2020, 12, 13))
    assert quotes_of(result) == [("the plan would fail", "Ann Smith"), ("that the council could not pay for it", "Ann Smith")]


def test_a_pronoun_is_not_the_person_its_own_verb_addresses(analysed):
    # Macron is in focus, but 'he asked Macron' cannot be Macron asking himself.
    text = 'Emmanuel Macron had criticised the alliance hours after Donald Trump arrived in London. "Would you like some fighters back?" he asked Macron.'
    assert [speaker for _, speaker in quotes_of(analysed(text, date(2019, 12, 4)))] == ["Donald Trump"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('The Daily Ledger quoted Ruth Adler, a former deputy administrator, as saying "the agency has an important role in the crisis."', "Ruth Adler"),
        ("The BBC also cited Tom Baxter, chief of the intelligence agency, as saying the suspects were linked to the network.", "Tom Baxter"),
    ],
)
def test_an_outlet_that_quotes_someone_as_saying_only_reports_the_words(analysed, text, speaker):
    assert [s for _, s in quotes_of(analysed(text, date(2020, 3, 14)))] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        pytest.param('Harbour News denied the allegation that it staged the queue. "We did not stage anything at the clinic," the statement said.', "Harbour News", id="the speaker just before"),
        pytest.param('Tom Baxter also argues that the law targets him. The law "singles out the mayor," the lawsuit alleges.', "Tom Baxter", id="a lawsuit"),
        pytest.param(
            'Tom Baxter also argues that the law targets him. He went to court in May. The law "singles out the mayor," the lawsuit alleges.',
            "Tom Baxter", id="a lawsuit, its author two sentences back",
        ),
        pytest.param("A statement from the Harbour Party said the vote was a disgrace.", "Harbour Party", id="from its author"),
        pytest.param(
            'The Harbour Ministry issued a statement on Monday. Jane Roe, a critic, said the ministry was hiding the truth. "We did nothing wrong," the statement said.',
            "Harbour Ministry", id="who put it out, not the speaker just before",
        ),
        # NBC only reported the proclamation: it is not its author.
        pytest.param('The move frees new funds, according to the Daily Ledger. The proclamation said "the outbreak is a national emergency."', "proclamation", id="not one only cited"),
    ],
)
def test_a_document_that_speaks_is_its_author(analysed, text, speaker):
    assert [s for _, s in quotes_of(analysed(text, date(2020, 3, 14)))][-1] == speaker
