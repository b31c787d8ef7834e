"""A command loads what it needs when it needs it: a query or `--help` loads no spaCy, PyTorch
or web framework, opening a database already at the newest migration loads no Alembic, and the
analysing commands load PyTorch only for the trained tagger. Each run is a fresh interpreter
(the test process has loaded everything already), which reports the modules it ended with."""

import json
import subprocess
import sys

from crossfloor.store.database import open_database
from tests.conftest import ROOT

HEAVY = ("torch", "spacy", "thinc", "fastapi", "starlette", "transformers", "alembic", "dateparser", "crossfloor.analyse.pipeline")

# The command line as `crossfloor` runs it (crossfloor.cli.main), in a fresh interpreter that
# prints, after the command, which of the modules it is asked about it loaded.
RUN = """
import json, sys
from crossfloor.cli import main
asked = json.loads(sys.argv[2])
sys.argv = ["crossfloor", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
print(json.dumps({"code": code, "loaded": [m for m in asked if m in sys.modules]}), file=sys.stderr)
"""


def loaded_by(args: list[str], modules=HEAVY) -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(args), json.dumps(list(modules))], cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report, done.stdout


def test_importing_the_command_line_loads_no_analysis_and_no_web_framework():
    code = "import sys, json; import crossfloor.cli; print(json.dumps([m for m in sys.argv[1:] if m in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", code, *HEAVY, "sqlalchemy"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_help_loads_no_spacy_and_no_torch():
    report, out = loaded_by(["quotes", "--help"])
    assert report == {"code": 0, "loaded": []}
    assert "--speaker" in out


def test_a_query_on_an_up_to_date_database_loads_neither_alembic_nor_analysis(tmp_path):
    db = tmp_path / "q.db"
    open_database(f"sqlite:///{db}")  # made and migrated here
    report, out = loaded_by(["quotes", "--db", str(db), "--format", "json"])
    assert report == {"code": 0, "loaded": []}
    assert json.loads(out) == []


def test_extract_loads_torch_only_with_the_tagger(tmp_path):
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": "a", "text": 'Jo Hunt, the Health Secretary, said: "The plan will work."'}) + "\n")
    rules, out = loaded_by(["extract", str(lines), "--processes", "1"], ("spacy", "torch"))
    assert rules == {"code": 0, "loaded": ["spacy"]}
    assert json.loads(out)["quotes"][0]["speaker_resolved"] == "Jo Hunt"
    tagger, out = loaded_by(["--tagger", "extract", str(lines), "--processes", "1"], ("spacy", "torch"))
    assert tagger == {"code": 0, "loaded": ["spacy", "torch"]}
    assert json.loads(out)["quotes"][0]["speaker_resolved"] == "Jo Hunt"
