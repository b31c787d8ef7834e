"""Readers: every format, and every kind of bad input gets one clear reason."""

from datetime import date

from crossfloor.read import ReadOptions, Skipped, iter_articles

ENGLISH = (
    "The minister said the government would publish its plans for the railway next week, "
    "after months of delay and growing anger among backbench MPs about the cost of the project."
)


def read(paths, **options):
    return list(iter_articles([str(p) for p in paths], ReadOptions(**options)))


def test_text_headline_and_defaults(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Minister promises railway plan\n\n" + ENGLISH)
    [article] = read([f], published=date(2024, 1, 2), outlet="Test Post")
    assert article.title == "Minister promises railway plan"
    assert article.text.startswith("Minister promises")
    assert article.published == date(2024, 1, 2) and article.outlet == "Test Post"


def test_long_first_paragraph_is_not_a_headline(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + " " + ENGLISH + "\n\n" + ENGLISH)
    [article] = read([f])
    assert article.title is None


def test_bad_inputs_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "big.txt").write_text(ENGLISH * 200)
    (tmp_path / "french.txt").write_text(
        "Le ministre a déclaré que le gouvernement publierait ses projets pour le chemin de fer la semaine "
        "prochaine, après des mois de retard et une colère croissante parmi les députés de la majorité."
    )
    (tmp_path / "broken.html").write_text("<html><body><div><p></div></span>")
    results = {str(r).split(":")[0].rsplit("/", 1)[-1]: r for r in read([tmp_path], max_bytes=30_000)}
    assert all(isinstance(r, Skipped) for r in results.values())
    assert "empty" in results["empty.txt"].reason
    assert "binary" in results["binary.txt"].reason
    assert "too large" in results["big.txt"].reason
    assert "'fr'" in results["french.txt"].reason
    assert "no article text" in results["broken.html"].reason


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes(("Caf\u00e9 owners said the levy was unfair. " + ENGLISH).encode("latin-1"))
    [article] = read([f])
    assert "Café" in article.text
    assert any("not valid UTF-8" in w for w in article.warnings)


def test_jsonl_good_and_bad_lines(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "x1", "text": "' + ENGLISH + '", "published": "2020-05-01"}\nnot json\n{"id": "x2"}\n')
    items = read([f])
    assert items[0].id == "x1" and items[0].published == date(2020, 5, 1)
    assert isinstance(items[1], Skipped) and "invalid JSON" in items[1].reason and items[1].source.endswith(":2")
    assert isinstance(items[2], Skipped) and "no 'text'" in items[2].reason


def test_bundled_samples_cover_every_format():
    from importlib import resources

    folder = resources.files("crossfloor.samples")
    items = read([folder])
    articles = [i for i in items if not isinstance(i, Skipped)]
    assert not [i for i in items if isinstance(i, Skipped)]
    sources = {a.source.rsplit(".", 1)[-1].split("#")[0].split(":")[0] for a in articles}
    assert {"txt", "html", "jsonl", "xml"} <= sources
    html = next(a for a in articles if a.source.endswith(".html"))
    assert html.title == "Transport minister resigns over rail cuts"
    assert "Subscribe to our newsletter" not in html.text and "Home | Politics" not in html.text
    feed = next(a for a in articles if "#" in a.source)
    assert feed.outlet == "Northern Politics Daily" and feed.published == date(2023, 10, 9)
