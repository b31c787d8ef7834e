from crossfloor.analyse.marks import find_quote_spans


def spans(text):
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_curly_and_straight_double_quotes():
    assert spans('He said: “We will win.” Then "we rest," she said.') == ["We will win.", "we rest,"]


def test_apostrophes_inside_quotes_do_not_close_them():
    assert spans("'I don't think it's over,' he said.") == ["I don't think it's over,"]
    assert spans("“It’s the people’s choice,” she said.") == ["It’s the people’s choice,"]


def test_british_multi_paragraph_quote_reopens_each_paragraph():
    text = 'He said: "First paragraph goes on\n"Second paragraph ends here."\nAfter.'
    found = find_quote_spans(text)
    assert [text[s.start : s.end] for s in found] == ["First paragraph goes on", "Second paragraph ends here."]
    assert [s.closed for s in found] == [False, True]


def test_quoted_letter_spans_paragraphs_without_reopening():
    text = "He wrote:\n\n'Dear Sir, I resign.\n\nI don't regret it.\n\nYours, Tom.'\n\nEnd."
    assert spans(text) == ["Dear Sir, I resign.\n\nI don't regret it.\n\nYours, Tom."]


def test_guillemets_and_typewriter_doubles():
    assert spans("Il a dit « non » hier.") == ["non"]
    assert spans("''This isn't reform,'' said Mr Holtz. ``Never.''") == ["This isn't reform,", "Never."]


def test_possessive_apostrophe_is_not_a_quote():
    assert spans("The MPs' expenses and Wakeford's move.") == []


def test_unbalanced_mark_does_not_swallow_the_text():
    text = 'She said "yes\nNext paragraph has no quote at all.\nAnother one.'
    assert spans(text) == ["yes"]
