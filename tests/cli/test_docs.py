"""The README's command reference stays true to the command line: every command and every option
that `--help` shows is in it (as datasette's tests/test_docs.py keeps its settings documented)."""

import re

import click
import typer

from crossfloor.cli import app
from tests.conftest import ROOT


def reference() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Commands")
    end = readme.index("\n## ", start + 1)
    return readme[start:end]


def commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, path + (name,))
        else:
            yield path + (name,), command


def test_every_command_and_option_is_in_the_readme():
    text = reference()
    missing = []
    root = typer.main.get_command(app)
    for path, command in commands(root):
        if not re.search(r"crossfloor (?:--\S+ )*" + re.escape(" ".join(path)) + r"\b", text):
            missing.append(" ".join(path))
        for param in command.params:
            for flag in (o for o in param.opts if o.startswith("--") and o != "--help"):
                if not re.search(re.escape(flag) + r"(?![\w-])", text):
                    missing.append(f"{' '.join(path)} {flag}")
    for param in root.params:
        for flag in (o for o in param.opts if o.startswith("--") and o != "--help"):
            if flag not in text:
                missing.append(flag)
    assert not missing, f"the README's command reference leaves out: {', '.join(missing)}"


def test_the_check_fails_for_an_undocumented_option(monkeypatch):
    """The check above can fail: an option the README does not name is caught."""
    import tests.cli.test_docs as this

    monkeypatch.setattr(this, "reference", lambda: "## Commands\ncrossfloor ingest\n")
    try:
        test_every_command_and_option_is_in_the_readme()
    except AssertionError as err:
        assert "ingest --published" in str(err)
    else:
        raise AssertionError("an undocumented option passed the check")


def test_the_readme_library_example_runs():
    """The README's library example, as written, with an article and a list of them to read."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### As a library") :]
    example = section[section.index("```python\n") + len("```python\n") : section.index("\n```", section.index("```python"))]
    text = "Jo Bloggs, the MP for Barnsley, has defected from Labour to the Conservatives, she said on Monday."
    scope = {"text": text, "texts": [text]}
    exec(compile(example, "README.md", "exec"), scope)  # noqa: S102 - the README's own example
    assert [e.type for e in scope["doc"]._.events] == ["party_switch"]
    assert next(iter(scope["records"]))["events"][0]["person"] == "Jo Bloggs"
    assert "crossfloor_speakers" in scope["own"].pipe_names
