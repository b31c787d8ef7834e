"""Attribution on small texts written for these tests."""

import pytest


def only(quotes, fragment):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def test_direct_quote_with_trailing_attribution(quotes_of):
    q = only(quotes_of('"We will not raise taxes," the Chancellor, Jane Smith, said.'), "raise taxes")
    assert q.kind == "direct"
    assert q.cue == "said"
    assert q.speaker_resolved == "Jane Smith"
    assert q.text == "We will not raise taxes,"


def test_a_subject_the_parser_stranded_before_an_aside_still_speaks(quotes_of):
    """The parser gives "Hart" to the participle of the aside and leaves 'told' without a
    subject; a noun inside the aside ('his wife, Rose') is not the one speaking."""
    q = only(quotes_of('"We will hold that vote before the summer," Ellen Hart, speaking after a visit to the palace, told reporters.'), "hold that vote")
    assert q.speaker_resolved == "Ellen Hart"
    text = 'After the count, a tearful Tom Brack, standing outside the town hall alongside his wife, Rose, said: "The voters of this town have spoken tonight."'
    assert only(quotes_of(text), "voters of this town").speaker_resolved == "Tom Brack"


def test_a_verb_with_its_own_object_does_not_report_the_clause_before_the_comma(quotes_of):
    text = "While most trade in the region is settled in dollars and euros, Senator John Hale announced an electronic payment system."
    assert quotes_of(text) == []
    told = only(quotes_of("The plan would cost billions of pounds over the next decade, Senator John Hale warned voters on Tuesday."), "billions")
    assert told.speaker_resolved == "John Hale"


def test_a_fronted_clause_of_time_is_not_what_was_said(quotes_of):
    text = "On June 3, minutes before the council voted to censure him, Mayor Peter Quinn claimed the minutes of the meeting had been altered."
    q = only(quotes_of(text), "minutes of the meeting")
    assert q.text == "the minutes of the meeting had been altered" and q.speaker_resolved == "Peter Quinn"


def test_a_clause_before_a_semicolon_is_not_what_the_next_verb_reports(quotes_of):
    text = "Ortega said the mayor had lost a lot of blood; local radio reported he was having surgery."
    quotes = quotes_of(text)
    assert only(quotes, "having surgery").speaker_resolved == "local radio"
    assert only(quotes, "lost a lot of blood").speaker_resolved == "Ortega"


def test_a_cue_in_an_adverbial_clause_with_its_own_subject_is_a_report_of_its_own(quotes_of):
    text = "Jane Roe said she wants a new spirit of cooperation as she pledged to get the bill out of the way and concentrate on the budget."
    quotes = quotes_of(text)
    assert only(quotes, "new spirit").text == "she wants a new spirit of cooperation"
    assert only(quotes, "get the bill").cue == "pledged"
    kept = only(quotes_of("Tom Baxter said he would resign if the party voted against him."), "resign")
    assert kept.text == "he would resign if the party voted against him"
    # a cue word that reports nothing here ('continue') is no second report
    kept = only(quotes_of("The lawyers told the court the rule could take effect even as legal challenges continued in lower courts."), "take effect")
    assert kept.text.endswith("continued in lower courts")


def test_a_that_clause_the_parser_hung_on_the_noun_before_it_is_still_reported(quotes_of):
    q = only(quotes_of("Judge Mara Quist clarified in the proceedings that her sentencing decisions were not connected to the earlier case."), "sentencing decisions")
    assert q.speaker_resolved == "Mara Quist" and q.cue == "clarified"


def test_a_contracted_has_before_a_reported_clause_is_no_passive(quotes_of):
    text = "Councillor Rhoda Vance chairs the committee. She's indicated that her lawyers have doubts about whether the new bylaw can be enforced."
    q = only(quotes_of(text), "her lawyers have doubts")
    assert q.speaker_resolved == "Rhoda Vance"


def test_a_participle_the_writer_adds_after_the_reported_clause_is_not_reported(quotes_of):
    text = "Governor Alan Pike announced on Monday that the two parties had agreed a budget for the state, ending a standoff that had lasted since spring."
    q = only(quotes_of(text), "agreed a budget")
    assert q.text == "that the two parties had agreed a budget for the state"


def test_according_to_after_a_report_names_where_it_was_read_not_who_spoke(quotes_of):
    text = "Carl Brandt, the deputy leader, has said he will not stand for the leadership but would serve if the party asked him to, according to Reuters."
    quotes = quotes_of(text)
    assert [q.speaker_resolved for q in quotes] == ["Carl Brandt"]
    assert quotes[0].text == "he will not stand for the leadership but would serve if the party asked him to"


def test_split_quote_shares_speaker_and_utterance(quotes_of):
    quotes = quotes_of('"We are ready," Mr Blake said, "and we will fight every seat."')
    first, second = only(quotes, "ready"), only(quotes, "every seat")
    assert first.speaker_resolved == second.speaker_resolved == "Blake"
    assert first.utterance == second.utterance


def test_indirect_speech_with_that_and_without(quotes_of):
    q = only(quotes_of("The Prime Minister, Tom Reed, said that the election would be held in May."), "election")
    assert q.kind == "indirect" and q.speaker_resolved == "Tom Reed"
    assert q.text.startswith("that the election")
    q = only(quotes_of("Sarah Jones warned the party was heading for defeat."), "defeat")
    assert q.kind == "indirect" and q.cue == "warned" and q.speaker_resolved == "Sarah Jones"


def test_sentence_final_attribution_takes_the_whole_sentence(quotes_of):
    text = "A fresh vote should be held in Eastmoor after the MP switched parties because voters deserve a say, the party chairman has said."
    q = only(quotes_of(text), "fresh vote")
    assert q.start == 0 and q.text.endswith("deserve a say")
    assert q.speaker_resolved == "party chairman"


def test_according_to(quotes_of):
    q = only(quotes_of("According to a senior backbencher, at least four MPs have submitted letters."), "four MPs")
    assert q.cue == "According to" and q.speaker == "a senior backbencher"


def test_the_source_mention_is_the_whole_phrase_with_its_clauses(quotes_of):
    q = only(quotes_of("Luis Rubio, who heads a research centre in Mexico City, said the wall would never be built."), "wall")
    assert q.speaker == "Luis Rubio, who heads a research centre in Mexico City"
    assert q.speaker_resolved == "Luis Rubio"
    q = only(quotes_of("A survey of party members published on Tuesday found that most wanted a new leader."), "new leader")
    assert q.speaker == "A survey of party members published on Tuesday"
    q = only(quotes_of("RENO, Nev. (AP) — Republican presidential hopeful Donald Trump said on Monday that the wall would be built."), "wall")
    assert q.speaker == "Republican presidential hopeful Donald Trump"


def test_pronoun_and_colon_lead_in_resolve_to_the_right_person(quotes_of):
    text = (
        "Shadow chancellor Rachel Reeves praised the move and told the BBC: \"I'm delighted.\"\n"
        "She added: \"He has seen that the party has changed.\""
    )
    quotes = quotes_of(text)
    q = only(quotes, "party has changed")
    assert q.speaker == "She" and q.speaker_resolved == "Rachel Reeves"
    assert q.speaker_role == "Shadow chancellor"


@pytest.mark.parametrize(
    "lead_in, speaker",
    [
        ("Judge Ann Lee heard the case. Lee rejected this argument:", "Ann Lee"),
        ("Phil Moss spoke after Jane Roe. Moss saw compromise as the only way for the two sides to settle their quarrel:", "Phil Moss"),
        # a speech noun from someone is their words: the noun is the cue
        ("Tom Baxter received a letter from Jane Roe:", "Jane Roe"),
        ('"The talks were a farce," Tom Baxter said on Monday.\n\nThat brought a tart rejoinder from Ms. Roe:', "Roe"),
        ("Tom Baxter met Ann Lee and Jane Roe on Monday. It ended in a row:", None),
        ("The poll put one question to every voter:", None),
        ("Why Tom Moss stays in the race is no secret. It is not a great mystery:", None),
        ("Ann Lee spoke for hours and she was defiant.\n\nWhen Sen. Tom Moss (R-Ohio) pressed her on who knew what when, she slapped him down with a raised voice:", "Ann Lee"),
    ],
)
def test_a_lead_in_without_a_cue_gives_the_quotation_to_the_one_person_it_is_about(quotes_of, lead_in, speaker):
    [q] = [q for q in quotes_of(f'{lead_in}\n\n"We should split the disputed land in half and be done with it."') if "disputed land" in q.text]
    assert q.speaker_resolved == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the parser hangs the colon, and the lead-in, on a verb inside the quotation
        ('Tom Baxter said the talks would go on. Ann Lee saw compromise as the best way for the two nations to settle their differences: "I think that both countries should compromise and split the disputed area in half."', "Ann Lee"),
        # a platform the recogniser takes for a person is no second person in the lead-in
        ('Tom Baxter said the count was over.\nIncumbent Governor Ann Lee quickly took a parting shot on Twitter: "Oh no, really big news, perhaps the biggest story in years!"', "Ann Lee"),
        # an organisation named as the lead-in's subject
        ('Tom Baxter said the count was over.\nThe White House hit back on Monday: "The count was fair and the result will stand."', "White House"),
    ],
)
def test_a_lead_in_in_the_quotations_own_sentence_gives_it_to_its_subject_not_to_the_last_speaker(quotes_of, text, speaker):
    [q] = [q for q in quotes_of(text) if q.kind == "direct"]
    assert q.speaker_resolved == speaker and q.found_by == "colon_lead_subject"


def test_a_lead_in_whose_colon_hangs_inside_the_quotation_and_whose_root_stands_before_it_ends(quotes_of):
    """The parser hangs the colon on a word inside the quotation and the lead-in's words on a
    root before the colon: the climb to the lead-in's verb stops at the root (once it never
    did: the root is its own head, and spaCy hands out a new Token object at every access)."""
    assert all(q.speaker_resolved is None for q in quotes_of("Well, there’s another fight brewing: “A Season of Silence.”"))


def test_a_quotation_led_in_by_a_clause_about_someone_else_named_does_not_continue_the_last_speaker(quotes_of):
    text = (
        "Senator Tom Baxter said the count had been fair and the result would stand.\n"
        'The Lee campaign recycled a statement it first put out in July: "The voters will decide this election."'
    )
    [q] = [q for q in quotes_of(text) if "voters will decide" in q.text]
    assert q.speaker_resolved != "Tom Baxter"
    # a lead-in about the same person still continues them
    text = 'Senator Tom Baxter said the count had been fair.\nBaxter was blunt about it: "The result will stand."'
    [q] = [q for q in quotes_of(text) if "result will stand" in q.text]
    assert q.speaker_resolved == "Tom Baxter"
    # nor is 'according to' a lead-in about someone else: the names inside the quotation are not its subject
    text = 'Deputy Joao Murad, a member of the delegation, said there was deep mourning.\nAccording to Joao Murad: "Yasser Arafat was a leader who became a world figure".'
    assert {q.speaker_resolved for q in quotes_of(text)} == {"Joao Murad"}


def test_continuation_paragraph_inherits_speaker_and_venue(quotes_of):
    text = (
        'The minister told Sky News: "It is a sad day for the party and for me.\n'
        '"But it is his decision and the voters will judge him."'
    )
    quotes = quotes_of(text)
    q = only(quotes, "voters will judge")
    assert q.speaker_resolved == "minister"
    assert q.venue == "Sky News"


def test_a_quotation_continues_the_person_who_spoke_not_the_research_cited_after_them(quotes_of):
    text = (
        '"We will win this seat back," says Jane Roe, the party\'s agent in Eastmoor. Turnout has fallen in every ward '
        "since 2010, according to research.\n\n"
        '"People feel ignored. We need to listen to them again."'
    )
    assert only(quotes_of(text), "feel ignored").speaker_resolved == "Jane Roe"


def test_anaphoric_venue_resolves_to_the_outlet_named_before(quotes_of):
    text = (
        "The Health Secretary told Sky News he would welcome a by-election.\n"
        'But a Labour source played it down, telling the broadcaster: "There won\'t be a by-election."'
    )
    q = only(quotes_of(text), "There won't")
    assert q.speaker_resolved == "Labour source"
    assert q.venue == "Sky News"


def test_appositive_seat_and_party_are_recorded(quotes_of):
    text = 'Christian Wakeford, the Conservative MP for Bury South, said: "I have made my decision today."'
    q = only(quotes_of(text), "my decision")
    assert q.speaker_resolved == "Christian Wakeford"
    assert q.speaker_party == "Conservative"
    assert q.speaker_seat == "Bury South"


def test_partial_quote_inside_reported_speech(quotes_of):
    text = 'The party leader, Mr John Hale, challenged him to "do the honourable thing" and resign.'
    q = only(quotes_of(text), "honourable")
    assert q.text == "do the honourable thing" and q.kind == "direct"
    assert q.speaker_resolved == "John Hale"


def test_scare_quotes_and_titles_are_not_quotes(quotes_of):
    quotes = quotes_of('The so-called "red wall" seats were discussed on "Newsnight" yesterday.')
    assert quotes == []


def test_a_programme_named_right_after_a_quotation_is_where_it_was_said_not_its_rest(quotes_of):
    quotes = quotes_of('"It is trending in the right direction now," Jane Roe said on "Morning Harbour." She left soon after.')
    assert [(q.text, q.speaker_resolved, q.venue) for q in quotes] == [("It is trending in the right direction now,", "Jane Roe", "Morning Harbour")]


def test_a_quotation_left_open_at_its_paragraph_end_is_said_by_whoever_says_where_it_runs_on(quotes_of):
    text = (
        'Voters rejected it and, as the party leader, Tom Baxter, described it, "stuck two fingers up" at the elite.\n\n'
        '"I was absolutely clear about my belief that we are better off inside. I made clear the vote was about this alone.\n\n'
        '"But the people made a different decision," Jane Roe said.'
    )
    assert only(quotes_of(text), "absolutely clear").speaker_resolved == "Jane Roe"


def test_mixed_quote(quotes_of):
    q = only(quotes_of('Mr Hague insisted he would not base policy "on one individual holding a gun to our head".'), "gun")
    assert q.kind == "mixed" and q.speaker_resolved == "Hague"


def test_a_quotation_reported_with_that_is_mixed_and_keeps_the_that(quotes_of):
    [reported] = quotes_of('The commission said on its website that "there were issues with the audio in the hall".')
    assert reported.kind == "mixed" and reported.text.startswith('that "there were issues')
    [bare] = quotes_of('The commission said: "There were issues with the audio in the hall."')
    assert bare.kind == "direct" and bare.text.startswith("There were issues")


def test_offsets_slice_to_the_text(quotes_of):
    text = "“It’s over,” she said, as Ms Amy Lee told reporters the talks had failed."
    for q in quotes_of(text):
        assert text[q.start : q.end] == q.text
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker


def test_parenthetical_attribution_takes_both_sides(quotes_of):
    text = "The new plan, the minister said, would cost far more than the old one."
    q = only(quotes_of(text), "new plan")
    assert q.start == 0 and q.text.endswith("the old one")
    assert q.speaker_resolved == "minister" and q.kind == "indirect"


def test_naming_verb_attributes_the_quoted_characterisation(quotes_of):
    q = only(quotes_of('Mr Kerr described the decision as "a betrayal of the north".'), "betrayal")
    assert q.kind == "mixed" and q.text.startswith("the decision as")
    assert q.speaker_resolved == "Kerr" and q.cue == "described"


def test_transcript_lines_take_their_label_as_speaker(quotes_of):
    text = (
        "The presenter, Emma Holt, questioned the Home Secretary, David Marsh, on the programme.\n\n"
        '"HOLT: Will you resign if the bill fails?\n\n'
        "MARSH: No. I have the confidence of the Prime Minister and of my party.\n\n"
        "UPDATE: This article has been amended since it was first published."
    )
    quotes = quotes_of(text)
    asked, answered = only(quotes, "resign if"), only(quotes, "confidence of the Prime Minister")
    assert (asked.speaker, asked.cue, asked.text) == ("HOLT", ":", "Will you resign if the bill fails?")
    assert asked.speaker_resolved == "Emma Holt"
    assert answered.kind == "direct" and answered.speaker_resolved == "David Marsh"
    assert answered.text.startswith("No. I have")
    # a heading is not a speaker's label
    assert not any("amended" in q.text for q in quotes)
    # a label that opens several turns is a speaker even when the article never names them
    turns = quotes_of("HOST: Good evening and welcome to the programme.\n\nHOST: Let us begin with the budget vote tonight.")
    assert [q.speaker for q in turns] == ["HOST", "HOST"]


def test_a_transcript_s_bracketed_labels_are_its_speakers_and_initials_name_the_interviewer(quotes_of):
    text = (
        "Jane Roe is running for mayor of Barset. Reporter John Q. Doe spoke with her about her plans.\n\n"
        "((JQD)) : Why are you running for mayor?\n\n"
        "((Jane Roe)) The buses. Nobody in this town can get to work on time.\n\n"
        "((JQD)) : What would you change first?\n\n"
        "((AP)) Photo caption."
    )
    quotes = quotes_of(text)
    asked, answered = only(quotes, "Why are you running"), only(quotes, "The buses")
    assert (asked.speaker, asked.speaker_resolved, asked.kind) == ("JQD", "John Q. Doe", "direct")
    assert answered.speaker_resolved == "Jane Roe" and answered.text.startswith("The buses")
    # a bracketed label that opens a single line and names nobody is no speaker
    assert not any("caption" in q.text for q in quotes)
    # the asker's whole line, though it reports what the other said
    reporting = quotes_of(text.replace("What would you change first?", "You have said that you want to change the buses. Why?"))
    assert only(reporting, "You have said").speaker_resolved == "John Q. Doe"


@pytest.mark.parametrize(
    "introduction, interviewer",
    [
        ("With Wikinews, Roe discussed her plans for the buses.", "Wikinews"),
        ("In an interview with Wikinews reporter John Q. Doe, Roe discussed her plans for the buses.", "John Q. Doe"),
    ],
    ids=["the outlet", "its journalist"],
)
def test_a_transcript_was_spoken_in_the_interview_that_introduces_it(quotes_of, introduction, interviewer):
    text = f"Jane Roe is running for mayor of Barset.\n\n{introduction}\n\n((WN)) Why are you running for mayor?\n\n((WN)) What would you change first?\n"
    turns = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [(q.speaker_resolved, q.venue) for q in turns] == [(interviewer, "Wikinews")] * 2


def test_a_label_that_answers_is_not_taken_for_the_interviewer(quotes_of):
    text = "Jane Roe spoke to Wikinews.\n\n((WN)) Why are you running?\n\n((JR)) The buses.\n\n((JR)) Nobody can get to work on time.\n"
    answers = [q for q in quotes_of(text) if q.text.startswith(("The buses", "Nobody"))]
    assert len(answers) == 2 and all(q.speaker_resolved != "Wikinews" for q in answers)


def test_a_cue_closing_a_sentence_in_a_colon_reports_what_follows_not_the_clause_before_it(quotes_of):
    text = 'Just a year after he won, a visibly emotional Baxter, standing outside Number 10 on Friday morning alongside his wife, said:\n\n"I will step aside for the good of the party."'
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["I will step aside for the good of the party."]


def test_a_reported_clause_holds_the_hyphenated_word_the_parser_split_into_clauses(quotes_of):
    # 're', '-' and 'negotiated' came out as three clauses of 'said'; the first alone was reported.
    assert [q.text for q in quotes_of("Jane Roe said the treaty could not be re-negotiated.")] == ["the treaty could not be re-negotiated"]


@pytest.mark.parametrize(
    "text, reported",
    [
        ("The spokesman said the minister planned to visit Tom Moss, who was being treated in hospital.", "the minister planned to visit Tom Moss"),
        ("Jane Roe said the bill would cut the deficit, which fell last year.", "the bill would cut the deficit"),
        ('Jane Roe said the plan had failed, which was "a disgrace".', 'the plan had failed, which was "a disgrace"'),
    ],
    ids=["who", "which", "quoted words stay"],
)
def test_a_reported_clause_leaves_out_the_writer_s_aside_at_its_end(quotes_of, text, reported):
    assert [q.text for q in quotes_of(text)] == [reported]


def test_a_quotation_after_a_colon_lead_in_and_before_a_closing_cue_is_the_quotation_alone(quotes_of):
    text = (
        'Ann Lee and Tom Moss debated on Tuesday. "The dispute is theirs, not ours," said Lee.\n\n'
        'Moss concurred: "We need to stop policing the world and let others settle their own quarrels", he argued.'
    )
    [q] = [q for q in quotes_of(text) if "policing" in q.text]
    assert (q.text, q.speaker_resolved) == ("We need to stop policing the world and let others settle their own quarrels", "Tom Moss")


@pytest.mark.parametrize(
    "text, reported",
    [
        ('Tom Baxter said he was "very disappointed", but Jane Roe would do "a fine job".', ['he was "very disappointed", but Jane Roe would do "a fine job"']),
        ('Tom Baxter said the vote was rigged, and Jane Roe called it "a farce".', ["the vote was rigged", 'it "a farce']),
        ("Tom Baxter said the vote was rigged, and Jane Roe left the room.", ["the vote was rigged"]),
    ],
)
def test_a_clause_joined_to_the_cue_goes_on_with_what_was_said_when_it_quotes_and_has_no_cue(quotes_of, text, reported):
    assert [q.text for q in quotes_of(text)] == reported


def test_an_interviewer_who_also_thanks_is_still_the_interviewer(quotes_of):
    text = "Jane Roe is running for mayor of Barset. She spoke with Wikinews about her plans.\n\n((WN)) Why are you running?\n\n((JR)) The buses.\n\n((WN)) What would you change first?\n\n((JR)) The fares.\n\n((WN)) Thank you for your time.\n"
    asked = [q for q in quotes_of(text) if q.speaker == "WN"]
    assert len(asked) == 3 and {q.speaker_resolved for q in asked} == {"Wikinews"}


def test_initials_nobody_in_the_article_answers_to_are_left_unresolved_not_a_body(quotes_of):
    text = "Jane Roe is running for mayor of Barset.\n\n((WN)) Why are you running?\n\n((KT)) The buses.\n\n((WN)) What would you change first?\n\n((KT)) The fares.\n"
    turns = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(turns) == 4 and all(q.speaker_resolved is None for q in turns)


def test_an_interview_introduced_paragraphs_before_its_transcript_was_the_outlet_s(quotes_of):
    text = (
        "Wikinews interviewed Jane Roe, who is running for mayor of Barset.\n\n"
        "Roe has lived in the town for twenty years. She ran a bakery on the high street.\n\n"
        "Her campaign has focused on transport.\n\n"
        "((WN)) Why are you running?\n\n((Jane Roe)) The buses.\n\n((WN)) What would you change first?\n"
    )
    turns = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [(q.speaker_resolved, q.venue) for q in turns] == [("Wikinews", "Wikinews"), ("Jane Roe", "Wikinews"), ("Wikinews", "Wikinews")]
