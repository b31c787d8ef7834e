"""What every output shares: CSV cells that a spreadsheet would run are made inert, the same in
the API, `--format csv` and `export --format csv` (they all write through present.csv_cell)."""

import csv
import io

from crossfloor.present import csv_cell, format_rows


def test_formula_cells_get_an_apostrophe_and_other_cells_stay_as_they_are():
    rows = [{"title": "=HYPERLINK(\"http://evil.example\")", "outlet": "@SUM(A1)", "url": "+1+1", "note": "-2", "tab": "\tx", "id": -3, "ok": "Labour MP", "sources": [{"a": 1}]}]
    parsed = next(csv.DictReader(io.StringIO(format_rows(rows, "csv"))))
    assert parsed["title"].startswith("'=") and parsed["outlet"] == "'@SUM(A1)" and parsed["url"] == "'+1+1" and parsed["note"] == "'-2" and parsed["tab"] == "'\tx"
    assert parsed["id"] == "-3" and parsed["ok"] == "Labour MP" and parsed["sources"] == '[{"a": 1}]'
    assert csv_cell(None) is None and csv_cell(5) == 5


def test_export_writes_cells_through_the_same_rule(tmp_path):
    from crossfloor.schema import AnalysedArticle, Article
    from crossfloor.store.database import open_database
    from crossfloor.store.export import write

    db = open_database(f"sqlite:///{tmp_path / 'e.db'}")
    db.store(Article(text="Headline\n\nBody text of the article.", title="=cmd|' /C calc'!A0", outlet="@evil", source="t"), AnalysedArticle())
    with db.sessions() as session:
        write(session, "articles", "csv", tmp_path / "articles.csv")
    row = next(csv.DictReader((tmp_path / "articles.csv").open(encoding="utf-8")))
    assert row["title"] == "'=cmd|' /C calc'!A0" and row["outlet"] == "'@evil"


def test_quote_details_say_which_rules_found_the_quote_and_its_speaker():
    from crossfloor.present import markup

    text = 'The plan is dead, according to Ann Lee. "We start again," she said.'
    quotes = [
        {"id": 1, "start": 0, "end": 17, "speaker": "Ann Lee", "kind": "indirect", "cue": "according to", "venue": None, "person_id": 3, "found_by": "according_to", "resolved_by": "exact_name"},
        {"id": 2, "start": 41, "end": 56, "speaker": "Ann Lee", "kind": "direct", "cue": "said", "venue": None, "person_id": 3},  # stored before provenance
    ]
    segments, speakers = markup(text, quotes, [])
    tips = [s["quote"]["tip"] for s in segments if s["quote"]]
    assert tips == ["Ann Lee · indirect · cue: according to · found by according_to · speaker by exact_name", "Ann Lee · direct · cue: said"]
    assert speakers == ["Ann Lee"] and segments[0]["anchors"] == ["q-1"] and segments[0]["last_of_quote"]
