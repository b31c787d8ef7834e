"""--db mistakes: a database that does not exist, a folder that does not exist, a URL crossfloor
cannot use. Each gets one line and a non-zero exit, and nothing is created."""

import pytest
from typer.testing import CliRunner

from crossfloor.cli import app
from crossfloor.store.database import DatabaseProblem, check_url

runner = CliRunner()

READ_COMMANDS = [
    ("quotes",),
    ("events",),
    ("people",),
    ("show", "1"),
    ("search", "tram"),
    ("timeline", "Labour"),
    ("stories",),
    ("export", "--output", "{tmp}/out"),
    ("serve", "--port", "1"),
    ("kb", "status"),
]


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


def one_error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: ") and "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_read_command_on_a_database_that_does_not_exist_says_so_and_creates_nothing(tmp_path, command):
    typo = tmp_path / "crossflor.db"
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = run(*args, "--db", typo)
    assert result.exit_code == 2
    assert f"{typo}: no such database" in one_error_line(result)
    assert list(tmp_path.iterdir()) == []


def test_a_write_command_creates_the_database(tmp_path):
    db = tmp_path / "new.db"
    result = run("kb", "import", tmp_path / "missing.json", "--db", db)
    assert db.exists(), result.output


@pytest.mark.parametrize("command", [("quotes",), ("ingest", "crossfloor/samples")], ids=["read", "write"])
def test_a_database_in_a_folder_that_does_not_exist_is_refused_and_the_folder_not_made(tmp_path, command):
    folder = tmp_path / "nonexistent" / "dir"
    result = run(*command, "--db", f"sqlite:///{folder / 'x.db'}")
    assert result.exit_code == 2
    assert f"the folder {folder} does not exist" in one_error_line(result)
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize("url", ["mysql://user:secret@localhost/news", "foo://bar", "sqlite+nosuch:///x.db"])
def test_an_unsupported_url_gets_one_line_naming_the_supported_ones(tmp_path, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    for command in (("quotes",), ("ingest", "-")):
        result = run(*command, "--db", url)
        assert result.exit_code == 2
        line = one_error_line(result)
        assert "not a supported database URL" in line and "sqlite:///" in line and "postgresql+psycopg://" in line
        assert "secret" not in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_the_short_postgresql_schemes_mean_the_psycopg_driver(scheme):
    assert check_url(f"{scheme}://u:p@localhost/news", create=False) == "postgresql+psycopg://u:p@localhost/news"


def test_sqlite_in_memory_and_existing_files_are_accepted(tmp_path):
    assert check_url("sqlite://", create=False) == "sqlite://"
    assert check_url("sqlite:///:memory:", create=False) == "sqlite:///:memory:"
    (tmp_path / "a.db").write_bytes(b"")
    assert check_url(f"sqlite:///{tmp_path / 'a.db'}", create=False)
    with pytest.raises(DatabaseProblem, match="no such database"):
        check_url(f"sqlite:///{tmp_path / 'b.db'}", create=False)
