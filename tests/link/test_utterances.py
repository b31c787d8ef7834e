"""One utterance, many outlets: made-up articles stored the way ingest stores them (linked in
their transaction), with quotes as analysis would hand them on, so the joining and the kinds of
change are tested without the pipeline."""

from datetime import date

import pytest
from sqlalchemy import select

from crossfloor.ingest import store_analysed
from crossfloor.link import utterances as linker
from crossfloor.link.reference import Reference
from crossfloor.schema import AnalysedArticle, Article
from crossfloor.store.database import open_database
from crossfloor.store.schema import QuoteRow, UtteranceRow
from tests.databases import BACKENDS, fresh_url

SAID = "We will not rule out higher fuel duty this year, because the deficit is 40 billion pounds and still growing."


def article(body: str, outlet: str, day: date, speaker: str = "Jane Roe", kind: str = "direct") -> tuple[Article, AnalysedArticle]:
    """An article whose one quote (given in body between « and ») is the speaker's."""
    text = body.replace("«", "").replace("»", "")
    start = body.index("«")
    end = body.index("»") - 1
    quote = {
        "start": start, "end": end, "text": text[start:end], "kind": kind, "cue": "said", "cue_start": None, "cue_end": None,
        "speaker": speaker, "speaker_start": None, "speaker_end": None, "speaker_resolved": speaker, "speaker_role": None,
        "speaker_party": None, "speaker_seat": None, "speaker_kind": "person", "venue": None, "utterance": 0, "act": "said",
        "found_by": "cue_after", "resolved_by": "exact_name",
    }
    return Article(text=text, outlet=outlet, published=day, source=f"{outlet}.txt"), AnalysedArticle(quotes=[quote], people=[{"name": speaker}])


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    return open_database(fresh_url(request.param, tmp_path))


def store(db, *articles):
    reference = Reference(db)
    for art, result in articles:
        assert store_analysed(art, result, db, reference).kind == "stored"


def renderings(db) -> dict[str, dict]:
    with db.sessions() as session:
        rows = session.execute(select(QuoteRow.text, QuoteRow.utterance_id, QuoteRow.rendering)).all()
    return {text: {"utterance": u, **(r or {})} for text, u, r in rows}


def test_renderings_of_one_utterance_join_and_each_says_what_it_changed(db):
    day = date(2024, 5, 2)
    store(
        db,
        article(f"The minister spoke on radio. «{SAID}» Jane Roe said.", "Daily One", day),
        article("Jane Roe said: «We will not rule out higher fuel duty this year» on Thursday.", "Daily Two", day),
        article("Jane Roe said: «We will rule out higher fuel duty this year, because the deficit is 40 billion pounds» on Thursday.", "Daily Three", date(2024, 5, 3)),
        article("Jane Roe said: «We will not rule out higher fuel duty this year, because the deficit is 50 billion pounds» on Thursday.", "Daily Four", date(2024, 5, 3)),
        article("Jane Roe said: «rule out higher fuel duty this year» on Thursday.", "Daily Five", date(2024, 5, 4)),
        article("Jane Roe said: «We will not rule out higher fuel duty... the deficit is 40 billion pounds» at the event.", "Daily Six", date(2024, 5, 4)),
        article("Jane Roe said: «We will not rule out higher fuel duty, the deficit is 40 billion pounds and still growing» at the event.", "Daily Seven", date(2024, 5, 5)),
    )
    seen = renderings(db)
    assert len({r["utterance"] for r in seen.values()}) == 1 and None not in {r["utterance"] for r in seen.values()}
    assert seen[SAID]["kind"] == "verbatim"
    assert (seen["We will not rule out higher fuel duty this year"]["kind"], seen["We will not rule out higher fuel duty this year"]["flags"]) == ("trimmed", [])
    assert seen["rule out higher fuel duty this year"]["flags"] == ["negation_lost"]  # trimmed, and the "not" with it
    dropped = seen["We will rule out higher fuel duty this year, because the deficit is 40 billion pounds"]
    assert (dropped["kind"], dropped["flags"]) == ("changed", ["negation_lost"])
    assert seen["We will not rule out higher fuel duty this year, because the deficit is 50 billion pounds"]["flags"] == ["number_changed"]
    assert seen["We will not rule out higher fuel duty... the deficit is 40 billion pounds"]["kind"] == "trimmed"  # an ellipsis marks the cut
    assert seen["We will not rule out higher fuel duty, the deficit is 40 billion pounds and still growing"]["kind"] == "spliced"
    with db.sessions() as session:
        utterance = session.scalars(select(UtteranceRow)).one()
    assert (utterance.text, utterance.renderings, utterance.outlets, utterance.different) == (SAID, 7, 7, 4)  # a trim that loses the "not" counts too
    assert utterance.changes == ",changed,negation_lost,number_changed,spliced,trimmed,"


def test_other_words_another_speaker_or_another_week_start_nothing(db):
    store(
        db,
        article(f"«{SAID}» Jane Roe said.", "Daily One", date(2024, 5, 2)),
        article("Jane Roe said: «The railway will be finished before the next general election, whatever it costs» on Thursday.", "Daily Two", date(2024, 5, 2)),
        article(f"At the hustings in the market hall, John Doe spoke last. «{SAID}» John Doe said.", "Daily Three", date(2024, 5, 2), speaker="John Doe"),
        article(f"Seven weeks later the minister was back in the studio, asked about the same tax. «{SAID}» Jane Roe said again.", "Daily Four", date(2024, 6, 20)),
    )
    assert {r["utterance"] for r in renderings(db).values()} == {None}


def test_a_paraphrase_is_linked_to_the_utterance_it_reports_and_not_called_a_misquote(db):
    day = date(2024, 5, 2)
    store(
        db,
        article("Jane Roe said «she would rule out higher fuel duty this year because of the deficit» at a rally.", "Daily Zero", day, kind="indirect"),
        article(f"«{SAID}» Jane Roe said.", "Daily One", day),
        article("Jane Roe said: «We will not rule out higher fuel duty this year» on Thursday.", "Daily Two", day),
        article("Jane Roe said «the schools budget would double» at a rally.", "Daily Eight", day, kind="indirect"),
    )
    seen = renderings(db)
    paraphrase = seen["she would rule out higher fuel duty this year because of the deficit"]
    assert paraphrase["utterance"] == seen[SAID]["utterance"] is not None
    # a paraphrase is never a misquote, and (measured on the stream) never flagged for a negation
    assert (paraphrase["kind"], paraphrase["flags"]) == ("paraphrase", [])
    assert seen["the schools budget would double"]["utterance"] is None
    with db.sessions() as session:
        utterance = session.scalars(select(UtteranceRow)).one()
    assert (utterance.outlets, utterance.different) == (3, 0)


def test_mixed_quotes_of_the_same_few_quoted_words_are_one_utterance(db):
    day = date(2024, 5, 2)
    store(
        db,
        article("Jane Roe called the inquiry «a \u201cwitch hunt\u201d run by her rivals» on Tuesday.", "Daily One", day, kind="mixed"),
        article("Jane Roe dismissed the inquiry «as a \u201cwitch hunt\u201d» in a post.", "Daily Two", day, kind="mixed"),
        article("Jane Roe described it «as \u201cthe\u201d answer» in a post.", "Daily Three", day, kind="mixed"),
        article("Jane Roe called it «\u201cthe\u201d answer» on radio.", "Daily Four", day, kind="mixed"),
        article("Jane Roe said the inquiry «was a \u201cdisgrace\u201d» on radio.", "Daily Five", day, kind="mixed"),
    )
    seen = renderings(db)
    one, two = seen["a \u201cwitch hunt\u201d run by her rivals"], seen["as a \u201cwitch hunt\u201d"]
    assert one["utterance"] == two["utterance"] is not None and one["kind"] == two["kind"] == "verbatim"
    # a function word alone tells nothing; other words are another utterance
    assert seen["as \u201cthe\u201d answer"]["utterance"] is None and seen["was a \u201cdisgrace\u201d"]["utterance"] is None
    with db.sessions() as session:
        utterance = session.scalars(select(UtteranceRow)).one()
    assert (utterance.renderings, utterance.outlets, utterance.different) == (2, 2, 0)


def test_a_quote_that_joins_two_utterances_merges_them(db):
    first_half = "We will not rule out higher fuel duty this year"
    second_half = "because the deficit is 40 billion pounds and still growing"
    store(
        db,
        article(f"Jane Roe said: «{first_half}» on Thursday.", "Daily One", date(2024, 5, 2)),
        article(f"Jane Roe said: «{first_half}» on Friday.", "Daily Two", date(2024, 5, 2)),
        article(f"Jane Roe said: «{second_half}» on Thursday.", "Daily Three", date(2024, 5, 2)),
        article(f"Jane Roe said: «{second_half}» on Friday.", "Daily Four", date(2024, 5, 2)),
    )
    assert len({r["utterance"] for r in renderings(db).values()}) == 2
    store(db, article(f"«{SAID}» Jane Roe said.", "Daily Five", date(2024, 5, 3)))
    seen = renderings(db)
    assert len({r["utterance"] for r in seen.values()}) == 1
    assert seen[first_half]["kind"] == seen[second_half]["kind"] == "trimmed"
    with db.sessions() as session:
        assert session.scalars(select(UtteranceRow)).one().renderings == 5


def test_a_quote_is_compared_with_at_most_the_bounded_number_of_candidates(db, monkeypatch):
    """The work per quote is bounded before it starts: only the MAX_CANDIDATES most recent of the
    speaker's quotes in the window are compared, so an older rendering beyond them is not joined."""
    monkeypatch.setattr(linker, "MAX_CANDIDATES", 2)
    store(db, article(f"On the first day she said: «{SAID}» in the studio.", "Daily One", date(2024, 5, 1)))
    for n, outlet in enumerate(("Daily Two", "Daily Three")):
        store(db, article(f"In another interview number {n} she said «the railway will be finished before the next election, whatever it costs» today.", outlet, date(2024, 5, 3)))
    store(db, article(f"«{SAID}» Jane Roe said again on the radio.", "Daily Four", date(2024, 5, 3)))
    assert renderings(db)[SAID]["utterance"] is None  # the first rendering was third in line
    monkeypatch.setattr(linker, "MAX_CANDIDATES", 400)
    store(db, article(f"Later still she repeated it word for word. «{SAID}» Jane Roe said on television.", "Daily Five", date(2024, 5, 3)))
    assert renderings(db)[SAID]["utterance"] is not None


def test_a_quote_is_looked_for_in_at_most_the_bounded_number_of_window_articles(db, monkeypatch):
    """Only the MAX_WINDOW_ARTICLES most recent articles of the window are looked in: a rendering
    in an older one, behind two articles that quote something else, is not joined."""
    monkeypatch.setattr(linker, "MAX_WINDOW_ARTICLES", 2)
    store(db, article(f"On the first day she said: «{SAID}» in the studio.", "Daily One", date(2024, 5, 1)))
    for n, outlet in enumerate(("Daily Two", "Daily Three")):
        store(db, article(f"Her rival number {n} said «the railway will be finished before the next election, whatever it costs» today.", outlet, date(2024, 5, 3), speaker="John Doe"))
    store(db, article(f"«{SAID}» Jane Roe said again on the radio.", "Daily Four", date(2024, 5, 3)))
    assert renderings(db)[SAID]["utterance"] is None
    monkeypatch.setattr(linker, "MAX_WINDOW_ARTICLES", 5000)
    store(db, article(f"Later still she repeated it word for word. «{SAID}» Jane Roe said on television.", "Daily Five", date(2024, 5, 3)))
    assert renderings(db)[SAID]["utterance"] is not None


def test_one_article_can_join_an_utterance_and_then_merge_it_into_another(db):
    """Its first quote joins one utterance, its second shows that utterance and an older one are
    one: the merged-away utterance is gone before the article's utterances are restated."""
    first_half = "We will not rule out higher fuel duty this year"
    second_half = "because the deficit is 40 billion pounds and still growing"
    store(
        db,
        article(f"At the morning briefing on the economy, Jane Roe said: «{second_half}» to reporters.", "Daily One", date(2024, 5, 2)),
        article(f"Jane Roe, asked about borrowing in a long radio interview, said: «{second_half}» on Thursday.", "Daily Two", date(2024, 5, 2)),
        article(f"On fuel, a subject that worries drivers across the country, Jane Roe said: «{first_half}» yesterday.", "Daily Three", date(2024, 5, 2)),
        article(f"Jane Roe said: «{first_half}» when asked by a caller from the north about petrol prices.", "Daily Four", date(2024, 5, 2)),
    )
    text = f"Jane Roe said «{first_half}». In full, her words were: «{SAID}» She then left the studio."
    art, result = article(text.replace(f"«{SAID}»", SAID), "Daily Five", date(2024, 5, 3))
    start = art.text.index(SAID)
    result.quotes.append({**result.quotes[0], "start": start, "end": start + len(SAID), "text": SAID, "utterance": 1})
    store(db, (art, result))
    with db.sessions() as session:
        assert session.scalars(select(UtteranceRow)).one().renderings == 6


def test_a_passage_is_not_joined_to_another_through_a_rendering_of_both(db):
    """Quoted first with the passage before it, then with the one after: the later, fuller wording
    covers the first two passages but not the third, which leaves rather than be shown as a
    changed version of words it never quoted."""
    first = "We will build the new bridge by spring and the tolls will stay where they are today."
    later = "Trains will run every ten minutes from the harbour to the airport."
    opening = "Every family in this county deserves roads that work and buses that come on time, and"
    day = date(2024, 6, 3)
    store(
        db,
        article(f"Jane Roe said: «{first} {later}» at the depot.", "Daily One", day),
        article(f"Jane Roe said: «{later}» at the depot.", "Daily Two", day),
        article(f"Jane Roe said: «{opening} {first.lower()}» at the depot, in remarks quoted at length.", "Daily Three", day),
    )
    shown = renderings(db)
    fullest = shown[f"{opening} {first.lower()}"]
    assert fullest["utterance"] is not None and shown[f"{first} {later}"]["utterance"] == fullest["utterance"]
    assert shown[later]["utterance"] != fullest["utterance"]


def test_relinking_rebuilds_the_utterances_with_the_rules_of_this_version(tmp_path):
    from typer.testing import CliRunner

    from crossfloor.cli import app

    path = tmp_path / "relink.db"
    db = open_database(f"sqlite:///{path}")
    day = date(2024, 5, 2)
    store(db, article(f"«{SAID}» Jane Roe said.", "Daily One", day), article("Jane Roe said: «We will not rule out higher fuel duty this year» on Thursday.", "Daily Two", day))
    with db.write_transaction() as session:  # as an older version might have left them: nothing joined
        session.execute(QuoteRow.__table__.update().values(utterance_id=None, rendering=None))
        session.execute(UtteranceRow.__table__.delete())
    done = CliRunner().invoke(app, ["relink", "--db", str(path)])
    assert done.exit_code == 0 and "relinked: 1 utterance(s) joining 2 quote(s)" in done.output, done.output
    seen = renderings(db)
    assert seen[SAID]["utterance"] == seen["We will not rule out higher fuel duty this year"]["utterance"] is not None
    assert seen["We will not rule out higher fuel duty this year"]["kind"] == "trimmed"


def test_relinking_in_batches_links_as_relinking_at_once(tmp_path, monkeypatch):
    """Relinking expunges the session every RELINK_BATCH articles: nothing read for one article
    (a speaker's window of quotes) may be used for another, so batches change nothing. (Before
    the linker's windows were kept per article, the whole allsides store failed to relink: a
    window read earlier named an utterance dissolved since.)"""
    db = open_database(f"sqlite:///{tmp_path / 'batches.db'}")
    trimmed = "We will not rule out higher fuel duty this year"
    store(
        db,
        article(f"Jane Roe said: «{trimmed}» on Thursday.", "Daily One", date(2024, 5, 2)),
        article(f"«{SAID}» Jane Roe said.", "Daily Two", date(2024, 5, 2)),
        article("Jane Roe said «that she would not rule out higher fuel duty because the deficit is growing» on radio.", "Daily Three", date(2024, 5, 2), kind="indirect"),
        article(f"On Friday Jane Roe said again: «{trimmed}» to reporters.", "Daily Four", date(2024, 5, 3)),
        article(f"«{SAID}» Jane Roe told a rally.", "Daily Five", date(2024, 5, 4)),
    )
    linked = []
    for batch in (1000, 1):
        monkeypatch.setattr(linker, "RELINK_BATCH", batch)
        with db.write_transaction() as session:
            linked.append(linker.relink_all(session))
        linked.append(sorted((q["utterance"] is not None, q.get("kind")) for q in renderings(db).values()))
    assert linked[0] == linked[2] == {"utterances": 1, "quotes": 5} and linked[1] == linked[3]
