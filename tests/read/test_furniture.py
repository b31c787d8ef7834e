"""Page furniture is found and masked without moving a single offset."""

import pytest

from crossfloor.read.furniture import furniture, mask_furniture

PAGE = (
    "Minister Quits Over Budget Row In Dramatic Day\n"
    "Image copyright Reuters Image caption The minister leaving the building\n"
    "LONDON (Reuters) - The finance minister resigned on Monday, saying the plan was wrong.\n"
    "ADVERTISEMENT\n"
    "( PHOTOS: Scenes from the protest)\n"
    "Ms Jane Doe (Photo by Sam Lens/Getty Images)\n"
    "\"We will carry on,\" said the party's chairman. pic.twitter.com/AbC123\n"
    "Why it matters: The government loses its majority.\n"
    "Story highlights Chancellor Ann Vale quits after the budget row\n"
)


def test_masking_keeps_every_offset_and_line():
    masked = mask_furniture(PAGE)
    assert len(masked) == len(PAGE)
    assert [k for k, c in enumerate(PAGE) if c == "\n"] == [k for k, c in enumerate(masked) if c == "\n"]


def test_captions_credits_promos_datelines_and_headlines_are_masked():
    masked = mask_furniture(PAGE)
    for furniture_text in ("Minister Quits", "Image caption", "(Reuters) -", "ADVERTISEMENT", "PHOTOS", "Getty Images", "pic.twitter.com", "Why it matters", "Story highlights"):
        assert furniture_text not in masked, furniture_text


def test_the_article_itself_is_untouched():
    masked = mask_furniture(PAGE)
    for sentence in ("The finance minister resigned on Monday, saying the plan was wrong.", '"We will carry on," said the party\'s chairman.', "The government loses its majority.", "Chancellor Ann Vale quits after the budget row"):
        assert sentence in masked, sentence


def test_related_story_links_after_a_name_are_masked_but_the_name_is_kept():
    line = "Energy Secretary Ann Vale Ann Mary ValeVale faces questions | Prices rise again MORE resigned on Friday."
    masked = mask_furniture(line)
    assert masked.startswith("Energy Secretary Ann Vale ") and masked.rstrip().endswith("resigned on Friday.")
    assert "faces questions" not in masked


def test_each_card_of_related_links_is_masked_alone_and_the_sentence_between_two_is_kept():
    line = (
        "Leader Ann Vale Ann Mary ValeGOP senators balk | Prices rise MORE and Senator Bo McCall "
        "Robert (Bo) McCallMcCall2024 launches MORE met on Friday."
    )
    masked = mask_furniture(line)
    assert masked.startswith("Leader Ann Vale ") and " and Senator Bo McCall " in masked and masked.rstrip().endswith("met on Friday.")
    assert "balk" not in masked and "launches" not in masked and "Robert" not in masked


def test_a_photo_gallery_is_masked_from_its_opening_to_its_last_caption_across_lines():
    text = (
        "The senator resigned on Monday.\n\n"
        "Photos: A life in politics Photos: A life in politics Jane Roe speaks in 1998. Hide Caption 1 of 3 "
        "Photos: A life in politics Roe, left, resigned from the board in 2004.\n\nShe later ran again. Hide Caption 2 of 3 "
        "Photos: A life in politics Roe with her family. Hide Caption 3 of 3\n\n"
        "Her successor will be chosen in May."
    )
    masked = mask_furniture(text)
    assert masked.startswith("The senator resigned on Monday.") and masked.rstrip().endswith("Her successor will be chosen in May.")
    for caption in ("Photos", "speaks in 1998", "resigned from the board", "She later ran again", "Hide Caption"):
        assert caption not in masked, caption
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")


def test_an_ordinary_sentence_or_title_case_in_mid_text_is_not_furniture():
    text = "The Senate Voted To Approve The Bill, a headline said.\nShe said the Minister For Health was wrong."
    assert furniture().spans(text) == []


@pytest.mark.parametrize(
    "line, kept",
    [
        # the card pasted into a possessive: its ' MORE' is followed by the apostrophe
        ("It was proof of President Vale Ann Mary ValeGOP senators balk | Prices rise MORE’s contempt for Congress.", "It was proof of President Vale ’s contempt for Congress."),
        # the name's first use has the card's repeated name glued on too
        ("Justice Ann ValeAnn ValeDivided court leans toward the state | Prices rise MORE asked whether the rule held.", "Justice Ann Vale asked whether the rule held."),
    ],
)
def test_a_card_is_masked_whatever_is_glued_to_either_end(line, kept):
    assert " ".join(mask_furniture(line).split()) == kept
