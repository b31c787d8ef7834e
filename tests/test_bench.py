"""The benchmark's own machinery (its figures are reported in issue notes, never asserted as
times): repeated corpora are streamed and distinct, every stage reports the JSON keys users
script against, and the scaling curves are drawn."""

import json

from crossfloor.bench import corpus_texts, plot, repeated_folder, run_stage

SAMPLES = "crossfloor/samples"


def test_a_repeated_corpus_is_distinct_and_streamed(tmp_path):
    once = list(corpus_texts(SAMPLES))
    thrice = corpus_texts(SAMPLES, 3)
    assert not isinstance(thrice, list)
    texts = list(thrice)
    assert len(texts) == 3 * len(once) and len(set(texts)) == len(texts)
    folder = repeated_folder(SAMPLES, 2, tmp_path / "twice")
    assert len(list(folder.glob("*.txt"))) == 2 * len(once)


def test_stages_report_what_users_script_against(tmp_path):
    extract = run_stage("extract", SAMPLES, 1, 2)
    ingest = run_stage("ingest", SAMPLES, 1, 2)
    for figures in (extract, ingest):
        assert {"articles_per_s", "words_per_s", "peak_rss_mb"} <= set(figures)
    assert extract["articles"] == ingest["articles"] == 2 * len(list(corpus_texts(SAMPLES)))


def test_scaling_curves_are_drawn(tmp_path):
    stage = {"articles_per_s": 10.0, "words_per_s": 4000.0, "peak_rss_mb": 230.0}
    result = {"by_processes": {"1": {"bare": stage, "extract": stage}, "2": {"bare": stage, "extract": stage}}, "by_size": {str(r): {"extract": stage, "ingest": stage} for r in (1, 5, 10)}}
    png = tmp_path / "curves.png"
    plot(json.loads(json.dumps(result)), png, 2, (1, 5, 10))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
