"""crossfloor's editable data: word lists, parties, posts and page-furniture patterns as JSON.

`load(name)` is the one way in, for every floor of the pipeline (read, analyse, link): a file
named here, or a user's edited copy at `path`. Every file is checked against its JSON Schema
(`schemas/<name>.schema.json`, draft 2020-12) as it is loaded, so a mistyped edit stops with one
line naming the file and the key (`DataProblem`) instead of a KeyError deep in a rule."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from pathlib import Path

# The longest a value is quoted in a message: the message must stay one readable line.
QUOTED_CHARS = 60


class DataProblem(ValueError):
    """A data file that cannot be read, is not JSON or breaks its schema. The message is one
    line: 'FILE: $.key[3]: what is wrong'."""


def load(name: str, path: str | Path | None = None) -> dict:
    """The JSON data file `name` of this package, or the file at `path` when one is given (a
    user's edited copy, checked against the schema of `name`)."""
    if path:
        return _validated(name, Path(path))
    # The packaged files are read and checked once per process; each caller gets its own copy.
    return copy.deepcopy(_packaged(name))


def names() -> list[str]:
    """The data files of this package ('cues.json', ...)."""
    return sorted(p.name for p in resources.files(__name__).iterdir() if p.name.endswith(".json"))


def check_packaged() -> None:
    """Check every packaged file (a DataProblem for the first broken one): a command can do this
    before it starts worker processes, so a broken file is one line, not a failure per worker."""
    for name in names():
        _packaged(name)


@cache
def _packaged(name: str) -> dict:
    return _validated(name, resources.files(__name__).joinpath(name))


@cache
def schema(name: str) -> dict:
    """The JSON Schema of the data file `name` ('cues.json' -> schemas/cues.schema.json)."""
    stem = name.removesuffix(".json")
    return json.loads(resources.files(__name__).joinpath("schemas", f"{stem}.schema.json").read_text(encoding="utf-8"))


@cache
def _validator(name: str):
    from jsonschema import Draft202012Validator

    # The format checker compiles furniture.json's regular expressions ("format": "regex").
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _validated(name: str, file) -> dict:
    from jsonschema.exceptions import best_match

    data = _read(file)
    error = best_match(_validator(name).iter_errors(data))
    if error is not None:
        raise DataProblem(f"{file}: {error.json_path}: {_described(error, schema(name))}")
    return data


def _read(file) -> dict:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataProblem(f"{file}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    except UnicodeDecodeError:
        raise DataProblem(f"{file}: not UTF-8 text") from None
    except OSError as err:
        raise DataProblem(f"{file}: cannot be read ({err.strerror or err})") from None


def _described(error, root: dict) -> str:
    """What is wrong, in a few words: jsonschema quotes the whole offending value, which for a
    word list is hundreds of words over many lines."""
    if error.validator == "type":
        return f"{_quoted(error.instance)} should be {error.schema.get('title') or _kind(error.validator_value)}"
    if error.validator in ("anyOf", "oneOf"):
        return f"{_quoted(error.instance)} should be {_alternatives(error.validator_value, root)}"
    return " ".join(error.message.split())[: QUOTED_CHARS * 3]


def _quoted(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= QUOTED_CHARS else text[: QUOTED_CHARS - 1] + "…"


def _kind(expected) -> str:
    kinds = expected if isinstance(expected, list) else [expected]
    return " or ".join({"array": "a list", "object": "an object", "null": "null"}.get(k, f"a {k}") for k in kinds)


def _alternatives(options: list[dict], root: dict) -> str:
    """'a list of words or an object of words' from anyOf/oneOf branches (their titles, else
    their types); a branch that is a reference ('#/$defs/words') is described by its target."""
    described = []
    for option in options:
        if "$ref" in option:
            option = root["$defs"][option["$ref"].rsplit("/", 1)[-1]]
        described.append(option.get("title") or _kind(option.get("type", "value")))
    return " or ".join(described)
