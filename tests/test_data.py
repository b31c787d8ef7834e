"""The data files (crossfloor/data/*.json) are checked against their JSON Schemas when loaded: a
user's edited copy that breaks one stops with one line naming the file and the key."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from crossfloor import data
from crossfloor.data import DataProblem, load
from tests.conftest import ROOT


def edited(tmp_path: Path, name: str, change) -> Path:
    """A user's copy of the packaged file `name`, changed by `change` (which edits it in place)."""
    content = load(name)
    change(content)
    path = tmp_path / name
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def problem_with(name: str, path: Path) -> str:
    with pytest.raises(DataProblem) as caught:
        load(name, path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message[len(f"{path}: ") :]


@pytest.mark.parametrize("name", data.names())
def test_every_packaged_file_has_a_schema_and_meets_it(name):
    Draft202012Validator.check_schema(data.schema(name))
    assert (ROOT / "crossfloor" / "data" / "schemas" / name.replace(".json", ".schema.json")).is_file()
    load(name)


def test_a_word_that_is_not_a_string_is_named_by_its_place(tmp_path):
    path = edited(tmp_path, "cues.json", lambda cues: cues["speech"].insert(2, 42))
    assert problem_with("cues.json", path) == "$.speech[2]: 42 should be a string"


def test_a_word_list_written_as_one_word_is_named(tmp_path):
    path = edited(tmp_path, "events.json", lambda words: words["party_switch"].update(join_verbs="join"))
    assert problem_with("events.json", path) == '$.party_switch.join_verbs: "join" should be a list of words'


def test_a_missing_list_is_named(tmp_path):
    path = edited(tmp_path, "people.json", lambda people: people.pop("role_heads"))
    assert problem_with("people.json", path) == "$: 'role_heads' is a required property"


def test_new_word_lists_need_no_schema_edit_but_must_be_words(tmp_path):
    def add(cues):
        cues["hedging_verbs"] = ["suggest", "hint"]
        cues["particles"] = {"point": "out", "spell": ["out"]}

    load("cues.json", edited(tmp_path, "cues.json", add))
    path = edited(tmp_path, "cues.json", lambda cues: cues.update(particles={"point": 3}))
    assert problem_with("cues.json", path) == "$.particles.point: 3 should be a string or a list of words"


def test_a_new_event_type_section_is_accepted(tmp_path):
    section = {"verbs": ["impeach"], "nouns": ["impeachment"], "phrasal": {"vote": ["out"]}}
    assert load("events.json", edited(tmp_path, "events.json", lambda words: words.update(impeachment=section)))["impeachment"] == section


def test_a_furniture_pattern_that_is_no_regular_expression_is_named(tmp_path):
    path = edited(tmp_path, "furniture.json", lambda furniture: furniture["inline"].append("(unclosed"))
    assert problem_with("furniture.json", path).startswith("$.inline[2]: ")


def test_dates_json_is_closed(tmp_path):
    path = edited(tmp_path, "dates.json", lambda dates: dates["phrases"]["weekday"].update(thsi=["this"]))
    assert "'thsi' was unexpected" in problem_with("dates.json", path)


def test_a_file_that_is_not_json_is_one_line(tmp_path):
    path = tmp_path / "cues.json"
    path.write_text('{"speech": ["say",', encoding="utf-8")
    assert problem_with("cues.json", path).startswith("not valid JSON (line 1, column ")
    assert problem_with("cues.json", tmp_path / "missing.json").startswith("cannot be read")


def test_packaged_files_are_checked_once_and_each_caller_gets_a_copy():
    first = load("people.json")
    first["role_heads"].append("wizard")
    hits = data._packaged.cache_info().hits
    assert "wizard" not in load("people.json")["role_heads"]
    assert data._packaged.cache_info().hits == hits + 1


def test_a_factory_given_a_broken_lexicon_stops_with_the_problem(tmp_path):
    import spacy

    import crossfloor.analyse.pipeline  # noqa: F401 - registers the factories

    path = edited(tmp_path, "people.json", lambda people: people["honorifics"].update(mr=1))
    with pytest.raises(DataProblem, match=r"people\.json: \$\.honorifics\.mr: 1 should be a string or null$"):
        spacy.blank("en").add_pipe("crossfloor_speakers", config={"people_lexicon_path": str(path)})


def test_the_cli_reports_a_broken_data_file_in_one_line(tmp_path):
    """The packaged cues.json as a user might break it, in a fresh process (the lexicons are
    cached per process): `crossfloor extract` ends with one line, not a traceback."""
    position = len(json.loads((ROOT / "crossfloor" / "data" / "cues.json").read_text(encoding="utf-8"))["nouns"])
    broken = edited(tmp_path, "cues.json", lambda cues: cues["nouns"].append(None))
    articles = tmp_path / "in.jsonl"
    articles.write_text(json.dumps({"id": 1, "text": "The minister said it was over."}) + "\n", encoding="utf-8")
    script = (
        "import functools, sys\n"
        "import crossfloor.data as data\n"
        "packaged = data._packaged\n"
        f"data._packaged = functools.cache(lambda name: data._validated(name, __import__('pathlib').Path({str(broken)!r})) if name == 'cues.json' else packaged(name))\n"
        f"sys.argv = ['crossfloor', '--fast', 'extract', {str(articles)!r}, '--processes', '1']\n"
        "from crossfloor.cli import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {broken}: $.nouns[{position}]: null should be a string"]
