import json
import os
from pathlib import Path

import pytest

# The suite runs the shipped default, rules only; analyse/test_model.py asks for the trained
# tagger where it tests it (loading torch in every worker and subprocess would double the run).
os.environ.setdefault("CROSSFLOOR_ATTRIBUTION_MODEL", "none")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared must sit beside the checkout)")
    return path


@pytest.fixture(scope="session", autouse=True)
def _drop_test_databases():
    yield
    from tests.databases import drop_created

    drop_created()


@pytest.fixture(scope="session")
def nlp():
    from crossfloor.analyse.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def rules_nlp():
    """The pipeline without the learned quote filter: what the rules themselves propose (the
    filter, which may drop a right quote for a better precision overall, has its own tests)."""
    from crossfloor.analyse.pipeline import build_pipeline
    from crossfloor.settings import overriding

    with overriding(quote_filter=False):
        return build_pipeline()


@pytest.fixture(scope="session")
def quotes_of(rules_nlp):
    """The quotes the rules find in a text (the filter left out: see rules_nlp)."""

    def run(text: str) -> list:
        return rules_nlp(text)._.quotes

    return run


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_seeds(path: Path) -> Path:
    """The seed articles as JSON Lines, with their publication dates, from the outlet 'Seed News'."""
    rows = read_jsonl(shared_file("gold", "seeds.gold.jsonl"))
    path.write_text("".join(json.dumps({"id": d["id"], "text": d["text"], "published": d["published"], "outlet": "Seed News"}) + "\n" for d in rows))
    return path


@pytest.fixture(scope="session")
def seeds_and_bbc(tmp_path_factory) -> Path:
    """One SQLite file of the seeds and the BBC politics corpus, ingested once (35 s) for the
    tests that only read such a database (the cross-article picture, the journalist's path in
    the browser); each takes a copy of it."""
    from tests.databases import ingest

    folder = tmp_path_factory.mktemp("seeds_and_bbc")
    done = ingest(f"sqlite:///{folder / 'corpus.db'}", write_seeds(folder / "seeds.jsonl"), shared_file("corpora", "bbc-politics"))
    assert done.returncode == 0, done.stderr
    return folder / "corpus.db"


# Whole-system runs too slow for the default run (it must stay under 10 minutes on a 2-core
# machine without AVX-512: 962 s with them). CI runs them after it (`pytest -m slow`), and
# `make test-all` runs everything. The default run keeps one of each kind: SQLite kills at
# random points, a full disk, a read-only file, a corrupted header, two concurrent SQLite
# ingests, and the cross-article tests on SQLite.
SLOW_VARIANTS = {
    "test_a_dask_cluster_gives_the_same_rows[sqlite]",
    "test_an_ingest_killed_part_way_resumes_to_the_same_rows[sqlite]",
    "test_sigkill_at_random_points_then_rerun_equals_a_clean_run[postgresql]",
    "test_four_postgresql_ingests_at_once_store_every_article_once",
    "test_postgresql_restarted_mid_ingest_loses_nothing",
    "test_serve_under_load_answers_every_request",
    "test_a_corrupted_sqlite_file_gives_one_clear_line_and_is_not_touched[pages]",
    # Fuzzing: the default run keeps the session on URLs and feed links (9 s); these three
    # (21-28 s each) had taken the default run to 654 s, and then to 612 s, on this machine.
    "test_atheris_session_on_the_readers",
    "test_atheris_session_on_compressed_files_and_web_archives",
    "test_atheris_session_on_json_lines_records",
    # Training: the default run keeps the two-seed ensemble (9 s); this one goes on from a model
    # and joins two (26 s).
    "test_a_few_training_steps_write_a_loadable_model_with_its_card",
}
# The BBC corpus ingested into PostgreSQL for the cross-article tests (one more whole ingest).
SLOW_FILES_ON_POSTGRESQL = {"test_knowledge.py"}


def pytest_collection_modifyitems(items):
    for item in items:
        on_postgresql = item.name.endswith("[postgresql]") and item.path.name in SLOW_FILES_ON_POSTGRESQL
        if item.name in SLOW_VARIANTS or on_postgresql:
            item.add_marker(pytest.mark.slow)
