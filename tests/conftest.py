import json
import os
from pathlib import Path

import pytest

# The suite runs the rules only unless a test asks for the trained tagger: most tests are about
# reading, storing, serving and concurrency, and loading torch in every worker and subprocess
# would double the run. The shipped default (rules + tagger) is what test_accuracy.py and
# test_model.py measure.
os.environ.setdefault("CROSSFLOOR_ATTRIBUTION_MODEL", "none")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared must sit beside the checkout)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from crossfloor.analyse.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def quotes_of(nlp):
    def run(text: str) -> list:
        return nlp(text)._.quotes

    return run


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# Variants too slow for the default run, whose point another default test already makes: the
# Dask run on SQLite shows the same rows as a local run; random kills on PostgreSQL are in
# test_reliability.py (80 articles instead of the whole corpus).
SLOW_VARIANTS = {"test_a_dask_cluster_gives_the_same_rows[postgresql]", "test_an_ingest_killed_part_way_resumes_to_the_same_rows[postgresql]"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.name in SLOW_VARIANTS:
            item.add_marker(pytest.mark.slow)
