"""Hostile input: property-based tests (hypothesis) of the readers and of extraction, a bounded
atheris session on the readers, and the classic worst cases by hand. Extraction never crashes,
never runs past its time limit unannounced, and every offset it returns lies inside the text and
slices to the text it states.

CROSSFLOOR_FUZZ_RUNS=100000 (and HYPOTHESIS_PROFILE=long) make the runs long."""

import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossfloor.analyse.run import analyse_texts
from crossfloor.read import ReadOptions, Skipped, read_bytes
from crossfloor.schema import AnalysedArticle, Article
from tests.conftest import ROOT

settings.register_profile("default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」`"
STRANGE = "\u200b\u200c\u200d\ufeff\u202e\u202d\u2066\u2069\u00a0\u00ad\x00\x07\x1b\r\t\u2028\u2029"
WORDS = [
    "said", "told", "insisted", "according to", "Mr Smith", "Ms Jones", "the Prime Minister", "he", "she", "they",
    "Labour", "Tory", "Conservatives", "defected", "resigned", "by-election", "letter of no confidence", "BBC Radio 4",
    "مرحبا", "שלום", "Привет", "日本語", "😀", ".", ",", ":", "\n", "\n\n", "—",
]
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(QUOTE_MARKS)),
    st.sampled_from(list(STRANGE)),
    st.text(min_size=1, max_size=12),
)
hostile_text = st.lists(pieces, min_size=1, max_size=120).map(" ".join)
OPTIONS = ReadOptions(check_language=False)


def assert_offsets_inside(text: str, result: AnalysedArticle) -> None:
    assert result.error is None, result.error
    n = len(text)
    for q in result.quotes:
        assert 0 <= q["start"] < q["end"] <= n and text[q["start"] : q["end"]] == q["text"]
        for field in ("speaker", "cue"):
            if q.get(f"{field}_start") is not None:
                assert 0 <= q[f"{field}_start"] < q[f"{field}_end"] <= n
                assert text[q[f"{field}_start"] : q[f"{field}_end"]] == q[field]
    for e in result.events:
        assert 0 <= e["start"] <= e["end"] <= n
        assert all(0 <= a <= b <= n for a, b in e["evidence"])
        assert all(0 <= k < len(result.quotes) for k in e.get("quotes") or [])
    assert all(0 <= a < b <= n for a, b in result.sentences)


@given(hostile_text)
def test_extraction_of_any_text_keeps_its_offsets_inside_it(nlp, text):
    assert_offsets_inside(text, analyse_texts(nlp, [text])[0])


@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".xml", ".jsonl", ".json", ""]))
def test_reading_any_bytes_yields_articles_or_one_line_skips(data, suffix):
    for item in read_bytes(data, f"input{suffix}", suffix, OPTIONS):
        if isinstance(item, Skipped):
            assert item.source and item.reason and "\n" not in item.reason
        else:
            assert isinstance(item, Article) and item.text.strip()


html_fragments = st.lists(
    st.one_of(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<br/>",
                         "<article>", "<title>", "</title>", "&amp;", "&#x0;", "&bogus;", "<<", ">>", "<p class='x", "<meta charset=utf-16>"]),
        st.text(max_size=30),
    ),
    max_size=80,
).map("".join)
feed_fragments = st.lists(
    st.one_of(
        st.sampled_from(['<?xml version="1.0" encoding="', "utf-8", "\xbf\xbb", '"?>', "<rss>", "<channel>", "<item>", "</item>", "<title>",
                         "</title>", "<description>", "</description>", "<content:encoded><![CDATA[", "]]></content:encoded>", "</rss>"]),
        st.text(max_size=30),
    ),
    max_size=60,
).map("".join)


@given(st.one_of(html_fragments.map(lambda t: (t, ".html")), feed_fragments.map(lambda t: (t, ".xml"))), st.sampled_from(["utf-8", "latin-1", "utf-16", "cp1252"]))
def test_malformed_html_and_feeds_in_any_encoding_are_read_or_skipped(page, encoding):
    text, suffix = page
    data = text.encode(encoding, errors="replace")
    for item in read_bytes(data, f"page{suffix}", suffix, OPTIONS):
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Skipped):
            assert "\n" not in item.reason


WORST_CASES = {
    "10,000 quote marks in one line": '"' * 10_000,
    "10,000 mixed marks": ("“‘«„" * 2500) + " he said.",
    "unbalanced and nested": '“He said ‘she said “they said ‘no” he said.\n\n”’ ”” ‘‘ "x',
    "zero width and right to left": "\u202eMr Smith\u202c said\u200b \u201cWe\u200d will\ufeff win\u201d\u2069, \u05e9\u05dc\u05d5\u05dd.",
    "control characters": "Mr Smith\x00 said\x07 \"We\x1b will win.\"\r\n\x0c he added.",
    "only punctuation": ".,;:!?" * 500,
    "one very long word": "a" * 50_000,
}


@pytest.mark.parametrize("name", list(WORST_CASES))
def test_worst_cases(nlp, name):
    text = WORST_CASES[name]
    assert_offsets_inside(text, analyse_texts(nlp, [text])[0])


@pytest.mark.slow  # about two minutes; .ci/run runs it after the default suite
def test_a_one_megabyte_paragraph_is_analysed_within_the_limit():
    from crossfloor.analyse.pipeline import build_pipeline

    sentence = 'Mr Smith said that "the party will win", and Ms Jones told the BBC it would not. '
    text = sentence * (1_000_000 // len(sentence))
    result = analyse_texts(build_pipeline("none"), [text], seconds=240)[0]
    assert_offsets_inside(text, result)
    assert len(result.quotes) > 10_000


def test_an_article_over_the_time_limit_is_reported_and_the_batch_goes_on(nlp):
    slow = "Mr Smith said the vote was lost. " * 6000
    results = analyse_texts(nlp, [slow, 'Mr Smith said: "We won."'], seconds=0.5)
    assert results[0].quotes == [] and "time limit" in results[0].error and "0.5 s" in results[0].error
    assert results[1].error is None and results[1].quotes[0]["text"] == "We won."


def atheris_session(target: str, corpus, cwd) -> None:
    """A bounded atheris session of fuzz/<target>.py from the corpus: it ends without a crash."""
    runs = os.environ.get("CROSSFLOOR_FUZZ_RUNS", "2000")
    # libFuzzer's RSS limit reads the peak RSS, which Linux carries across exec from the forked
    # pytest process (gigabytes, with the pipelines loaded): bound single allocations instead.
    done = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / f"{target}.py"), f"-atheris_runs={runs}", "-max_len=8192", "-rss_limit_mb=0", "-malloc_limit_mb=1024", str(corpus)],
        cwd=cwd, capture_output=True, text=True, timeout=3600,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))},  # this tree's crossfloor
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"Done {runs} " in done.stderr


def test_atheris_session_on_the_readers(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "crossfloor" / "samples", corpus, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    atheris_session("fuzz_readers", corpus, tmp_path)


def test_atheris_session_on_compressed_files_and_web_archives(tmp_path):
    """Seeds: each sample and a small crawl under every compressed or WARC name the target picks
    (its first byte), compressed there or here."""
    from tests.read.test_archives import write_warc

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_warc(tmp_path / "crawl.warc")
    write_warc(tmp_path / "crawl.warc.gz")
    samples = [(ROOT / "crossfloor" / "samples" / name).read_bytes()[:4000] for name in ("01_councillor_defects.txt", "03_wire_briefs.jsonl")]
    for choice, payload in enumerate([*samples, (tmp_path / "crawl.warc").read_bytes(), (tmp_path / "crawl.warc.gz").read_bytes()]):
        for name in range(11):
            (corpus / f"seed{choice}-{name}").write_bytes(bytes([name + 128]) + payload)
    atheris_session("fuzz_archives", corpus, tmp_path)


def test_atheris_session_on_json_lines_records(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, line in enumerate((ROOT / "crossfloor" / "samples" / "03_wire_briefs.jsonl").read_bytes().splitlines()[:5]):
        (corpus / f"line{number}").write_bytes(line[:4000] + b"\n")
    (corpus / "hostile").write_bytes(b'{"text": "a\\u0000b \\ud800", "meta": [1], "title": {}}\n' + b"[" * 3000 + b"\n")
    atheris_session("fuzz_jsonl", corpus, tmp_path)


def test_atheris_session_on_urls_and_feed_links(tmp_path):
    """fuzz/fuzz_urls.py: links through the fetcher's checks (parsing, numeric hosts, the
    address policy with the input's own resolver); nothing is fetched."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, seed in enumerate(["http://news.example/a", "/a2.html", "http://0x7f.1/", "http://[::ffff:127.0.0.1]:80/x", "https://b\u00fccher.example/", "http://xn--zz/"]):
        (corpus / str(number)).write_text(seed, encoding="utf-8")
    atheris_session("fuzz_urls", corpus, tmp_path)


