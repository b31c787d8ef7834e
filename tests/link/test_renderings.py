"""How two renderings of a quotation compare (link/renderings.py), on made-up sentences."""

from crossfloor.link.renderings import as_said, compare, compare_reported, joins, quoted_pieces, rendering_words, reports, words_of

FULL = words_of("For the sake of our farmers, this tariff has to end. Too many family farms are closing every month.")


def test_contractions_are_the_words_they_stand_for():
    assert words_of("We're sure they didn't and won't").norm == ("we", "are", "sure", "they", "did", "not", "and", "will", "not")
    assert compare(words_of("We are sure they did not"), words_of("We’re sure they didn’t")).kind == "verbatim"


def test_two_outlets_quoting_overlapping_passages_join_as_trims_not_changes():
    other = words_of("What is happening now is a disgrace. For the sake of our farmers, this tariff has to end.")
    assert joins(FULL, other)
    assert compare(FULL, other).kind == "trimmed"


def test_a_word_put_in_front_is_a_change_but_a_sentence_is_another_passage():
    assert compare(FULL, words_of("And this tariff has to end.")).kind == "changed"


def test_short_quotations_join_only_as_whole_stretches_and_never_as_titles():
    assert joins(words_of("Too many family farms"), FULL)
    assert not joins(words_of("family farms"), FULL)  # two words tell nothing
    assert not joins(words_of("Farm Aid Weekly"), words_of("He spoke on Farm Aid Weekly last night."))


def test_different_passages_of_one_speech_do_not_join():
    assert not joins(FULL, words_of("We will stand with the people who grow our food, and we will never stop fighting for them."))


def test_a_mixed_quote_is_judged_on_its_quoted_words_wherever_its_span_starts():
    assert quoted_pieces('this tariff has to end," she said, calling it "a disgrace') == ["this tariff has to end,", "a disgrace"]
    role, said = as_said('the senator said the levy "has to end" soon', "mixed")
    assert role == "paraphrase"  # three quoted words are too few to join on
    rendering = compare_reported(FULL, 'the senator said the levy "has to end" soon', "mixed")
    assert rendering.kind == "trimmed"  # but the words it does quote are the speaker's, trimmed


def test_a_paraphrase_reports_what_its_content_words_say():
    assert reports(words_of("she said the tariff must end because family farms were closing"), FULL)
    assert not reports(words_of("she said the new bridge would open in the spring"), FULL)
    # a paraphrase is never flagged for a negation: it says "no" in its own words
    against = compare_reported(words_of("I will be voting no on the budget."), "she will vote against the budget", "indirect")
    assert (against.kind, against.flags) == ("paraphrase", [])
    assert compare_reported(FULL, "she said 40 farms close every month", "indirect").flags == ["says_more"]


def test_a_pronoun_or_a_spelling_is_no_name_changed():
    said = words_of("This official was ready to resign. The U.S. team was not told.")
    assert "name_changed" not in compare(said, words_of("He was ready to resign. The US team was not told.")).flags
    assert compare(said, words_of("This official was ready to resign. The Canadian team was not told.")).flags == ["name_changed"]


def test_a_not_a_paraphrase_adds_is_no_reversal():
    said = words_of("The levy will be paid by importers, and the price of bread will stay where it is.")
    assert compare_reported(said, "she said importers, not shoppers, would pay the levy", "indirect").flags == []


def test_a_pronoun_with_s_is_no_content_word_of_a_paraphrase():
    # "she's" once counted as a content word the fuller wording lacked, and two of four fell short
    assert reports(words_of("that she\u2019s relieved the miners are safe"), words_of("relieved that they are safe"))
    assert not reports(words_of("that she\u2019s relieved the mine will reopen"), words_of("relieved that they are safe"))


def test_one_quoted_piece_of_a_mixed_quote_can_join_on_its_own():
    mixed = rendering_words('accusing rivals "of reckless spending and waste" and saying they "want to close the farms we built"', "mixed")
    said = words_of("They want to close the farms we built, every one of them.")
    assert joins(mixed, said)  # the second piece is the speaker's words; the first is another passage
    assert not joins(rendering_words('rivals "of reckless spending" who "want to see change"', "mixed"), said)


def test_a_number_written_in_words_is_the_same_number_in_digits():
    said = words_of("We will open three new clinics by the end of the year.")
    assert compare(said, words_of("open 3 new clinics by the end of the year")).flags == []
    assert compare(said, words_of("open 4 new clinics by the end of the year")).flags == ["number_changed"]


def test_a_negation_lost_is_one_trimmed_off_its_own_clause():
    said = words_of("No, we will not rule out higher fuel duty. The deficit is growing.")
    assert compare(said, words_of("rule out higher fuel duty")).flags == ["negation_lost"]
    assert compare(said, words_of("we will not rule out higher fuel duty")).flags == []  # "No," is another clause


def test_a_name_put_in_is_a_name_the_fuller_wording_lacks():
    said = words_of("Senator Brown knows the mill is closing, and his office was told in October.")
    assert compare(said, words_of("Sen. Brown knows the mill is closing, and his office was told in Oct.")).flags == []
    assert compare(said, words_of("Brown knows the mill is closing, and [Brown's] office was told in October.")).flags == []
    assert compare(said, words_of("Senator Brown knows the mill is closing, and Governor Hale was told in October.")).flags == ["name_changed"]
    # a name only added names no one else: the fuller wording says less, not something different
    assert compare(said, words_of("Senator Brown knows the mill in Kettleby is closing, and his office was told in October.")).flags == []


def test_a_million_is_one_million():
    said = words_of("We do not need to send checks to people who make $1 million a year.")
    assert "number_changed" not in compare(said, words_of("We don't need to send people who make a million dollars a year checks")).flags
    assert "number_changed" in compare(said, words_of("We don't need to send checks to people who make $2 million a year")).flags


def test_a_party_named_by_its_adjective_is_the_same_name():
    said = words_of("These towns have been run by the Democratic Party for fifty years and nothing got better.")
    assert "name_changed" not in compare(said, words_of("These towns have been run by the Democrats for fifty years")).flags
    assert "name_changed" in compare(said, words_of("These towns have been run by the Republicans for fifty years")).flags


def test_a_negation_the_writer_kept_outside_the_marks_is_not_lost():
    said = words_of("He was calm. I don't want to get into his plans for the mill, but it sounded fine.")
    kept = rendering_words('he didn\'t "want to get into his plans for the mill"', "mixed")
    dropped = rendering_words('he said he would "want to get into his plans for the mill"', "mixed")
    assert "negation_lost" not in compare(said, kept).flags
    assert "negation_lost" in compare(said, dropped).flags


def test_words_where_the_fullest_has_an_ellipsis_are_not_put_in():
    said = words_of("If I win, we will build the new school … and then we will fix every road in this county.")
    longer = words_of("If I win, we will build the new school. There has never been a better plan. And then we will fix every road in this county.")
    assert compare(said, longer).flags == []


def test_an_omission_is_read_where_the_runs_join():
    said = words_of("I asked them to leave, and the offer made no sense. No money was put on the table or even offered, and we left.")
    trimmed = compare(said, words_of("No money was put on the table or even offered"))
    assert (trimmed.kind, trimmed.flags) == ("trimmed", [])


def test_one_word_written_as_two_is_no_change():
    said = words_of("When she heard the gun fire she took out her M4 and ran.")
    assert compare(said, words_of("When she heard the gunfire she took out her M-4 and ran.")).kind != "changed"


def test_a_modal_in_another_tense_is_no_hedge_dropped():
    said = words_of("She stopped him before he could hurt those children, and we are grateful.")
    assert "hedge_dropped" not in compare(said, words_of("She stopped him before he can hurt those children")).flags
    assert "hedge_dropped" in compare(said, words_of("She stopped him before he will hurt those children")).flags


def test_no_chance_is_zero_chance():
    said = words_of("We all know how this ends. There is no chance the governor is going to be removed from office.")
    assert compare(said, words_of("There is zero chance the governor will be removed from office.")).flags == []


def test_a_capital_after_an_opening_quotation_mark_names_nobody():
    said = words_of("We can look around and say, 'OK, is there anything here we can safely pull back on,' and do it.")
    assert compare(said, words_of("We can look around and say, ‘Okay, is there anything here we can safely pull back on?’ and do it.")).flags == []


def test_one_word_in_common_far_from_the_rest_is_not_where_a_rendering_rejoins():
    said = words_of("His attitude about legalization has experts confused as to why he will not give clear guidance … either he is ill-informed about the issue or is ignoring his advisers.")
    other = words_of("He is surrounded by experts who have voiced concerns about the harms and rejected legalization, so either he is ill-informed about the issue or is ignoring his advisers.")
    assert compare(said, other).flags == []


def test_a_word_beyond_the_passage_a_rendering_quotes_on_is_no_change():
    said = words_of("And we are going to be a much bigger party. Take a look at the primary states where I have won.")
    other = words_of("I think we are going to be a much bigger party. It has become more dynamic, more diverse. We are taking from the Democrats.")
    assert "name_changed" not in compare(said, other).flags


def test_initials_stand_for_the_words_they_shorten():
    said = words_of("The deputy attorney general consulted the inspector general, who had no objection to sending it.")
    assert compare(said, words_of("The DAG consulted the IG, who had no objection to sending it.")).flags == []
    assert compare(said, words_of("The deputy attorney general consulted the FBI, who had no objection to sending it.")).flags == ["name_changed"]


def test_a_single_drop_is_one_drop():
    said = words_of("I cannot bear responsibility for a single drop of blood before God.")
    assert compare(said, words_of("I cannot bear responsibility for one drop of blood before God.")).flags == []
    assert compare(said, words_of("I cannot bear responsibility for two drops of blood before God.")).flags == ["number_changed"]


def test_a_negation_moved_within_its_sentence_is_not_added():
    said = words_of("I don't think we have yet felt the urgency of acting immediately, and we must.")
    assert compare(said, words_of("We have not yet felt the urgency of acting immediately")).flags == []
    assert compare(words_of("I think we have yet to feel the urgency of acting immediately, and we must."), words_of("We have not yet felt the urgency of acting immediately")).flags == ["negation_added"]


def test_an_ordinal_in_words_is_the_same_ordinal_in_digits():
    said = words_of("This 11th-hour offer is neither credible nor believable, and we reject it.")
    assert compare(said, words_of("This eleventh-hour offer is neither credible nor believable")).flags == []
    assert compare(said, words_of("This 12th-hour offer is neither credible nor believable")).flags == ["number_changed"]


def test_single_quotation_marks_mark_the_speaker_s_words_when_there_are_no_double_ones():
    assert quoted_pieces("that unless it acts by Thursday, its officials 'will be entering a grave new chapter") == ["will be entering a grave new chapter"]
    assert quoted_pieces("the minister said it's 'a disgrace' and left") == ["a disgrace"]
    assert quoted_pieces('he called it "a disgrace" and \'a farce\'') == ["a disgrace"]


def test_a_hedge_the_writer_kept_outside_the_marks_is_not_dropped():
    said = words_of("The governor would ram down our throat a tax rise nobody wants.")
    assert compare(said, rendering_words('that Hale would "ram down our throat a tax rise nobody wants', "mixed")).flags == []
    assert compare(said, rendering_words('that Hale will "ram down our throat a tax rise nobody wants', "mixed")).flags == ["hedge_dropped"]


def test_a_rendering_is_aligned_from_the_sentence_it_quotes():
    said = words_of("What the court did not do on its last day, I will do on my first day. Let us be clear. What the court did today was say that the law stands. What they did not do was say that it is good law.")
    other = words_of("What the court did do today is say that the law stands. What they did not do is to say that it is good law.")
    assert compare(said, other).flags == []


def test_a_per_cent_sign_is_the_word():
    said = words_of("On the current path, spending will increase by 5% each year, and we will stop it.")
    assert compare(said, words_of("On the current path, spending will increase by 5 percent each year")).flags == []


def test_a_word_in_common_far_off_in_the_rendering_is_not_where_it_rejoins():
    said = words_of("We stop spending money the government does not have, and the budget balances.")
    other = words_of("On Tuesday we are introducing a budget that balances in 10 years without raising taxes. How do we do it? We stop spending money the government does not have")
    assert compare(said, other).flags == []
