"""A rendering's stored word ranges read back as the words to show (link/differences.py): the
comparison's own ops (renderings.compare) on sentences written for the test."""

from crossfloor.link.differences import marked, segments
from crossfloor.link.renderings import compare, words_of

FULL = "We didn't promise a new hospital in 2025, and we will not promise one in 2026 either."


def pieces(given: str, full: str = FULL) -> list[dict]:
    f, g = words_of(full), words_of(given)
    return segments(f, g, compare(f, g).ops)


def test_a_rendering_word_for_word_is_one_equal_piece_with_each_contraction_printed_once():
    assert pieces(FULL) == [{"op": "equal", "text": "We didn't promise a new hospital in 2025 and we will not promise one in 2026 either"}]


def test_a_dropped_word_is_deleted_and_a_swapped_number_is_deleted_then_inserted():
    assert pieces("We didn't promise a new hospital in 2025, and we will promise one in 2026 either.") == [
        {"op": "equal", "text": "We didn't promise a new hospital in 2025 and we will"},
        {"op": "delete", "text": "not"},
        {"op": "equal", "text": "promise one in 2026 either"},
    ]
    changed = pieces("We didn't promise a new hospital in 2024, and we will not promise one in 2026 either.")
    assert [p for p in changed if p["op"] != "equal"] == [{"op": "delete", "text": "2025"}, {"op": "insert", "text": "2024"}]


def test_words_quoted_beyond_the_fullest_are_set_apart_not_called_changes():
    given = FULL.rstrip(".") + ", the minister told the committee on Tuesday"
    assert pieces(given)[-1] == {"op": "extra", "text": "the minister told the committee on Tuesday"}


def test_ranges_that_do_not_fit_the_words_give_nothing_rather_than_wrong_words():
    f, g = words_of(FULL), words_of("We didn't promise a new hospital")
    stale = [{"op": "equal", "full_start": 0, "full_end": 40, "given_start": 0, "given_end": 40}]
    assert segments(f, g, stale) is None
    utterance = {"text": FULL, "quotes": [
        {"text": FULL, "quote_kind": "direct", "kind": "verbatim", "flags": [], "ops": compare(f, f).ops, "fullest": True},
        {"text": "We didn't promise a new hospital", "quote_kind": "direct", "kind": "trimmed", "flags": [], "ops": stale, "fullest": False},
    ]}
    shown = marked(utterance)["quotes"]
    assert shown[0]["segments"] and shown[1]["segments"] == [] and shown[1]["different"] is False
