"""`make install` (under `make run` and `make test`) keeps pip's chatter out of the terminal: the
warnings a machine's pip configuration causes go to .venv/install.log, shown when an install
fails. Run with a stand-in python whose pip only warns, so nothing is installed."""

import shutil
import stat
import subprocess

import pytest

from tests.conftest import ROOT

WARNING = "WARNING: Location 'file:///opt/pypi/simple/x/' is ignored: it is neither a file nor a directory."

FAKE_PYTHON = f"""#!/bin/sh
# python3 -m venv DIR: make DIR/bin/python, whose "pip install" warns 130 times and then fails
# when FAIL is set.
mkdir -p "$3/bin"
cat > "$3/bin/python" <<'PY'
#!/bin/sh
i=0; while [ $i -lt 130 ]; do echo "{WARNING}" >&2; i=$((i+1)); done
[ -z "$FAIL" ] || {{ echo "ERROR: No matching distribution found for torch" >&2; exit 1; }}
PY
chmod +x "$3/bin/python"
"""


@pytest.fixture
def project(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python = bin_dir / "python3"
    python.write_text(FAKE_PYTHON)
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    for tool in ("cat", "touch", "mkdir", "chmod"):  # and no npm: the browser checks' step is skipped
        (bin_dir / tool).symlink_to(shutil.which(tool))
    for name in ("pyproject.toml", "requirements.lock", "requirements-model.txt", "package-lock.json"):
        (tmp_path / name).write_text("")
    return tmp_path


def make_install(project, **env):
    return subprocess.run(
        [shutil.which("make"), "-f", str(ROOT / "Makefile"), "-C", str(project), "install", f"PYTHON={project / 'bin' / 'python3'}"],
        capture_output=True, text=True, timeout=60, env={"PATH": str(project / "bin"), **env},
    )


def test_pip_warnings_go_to_the_install_log_not_the_terminal(project):
    done = make_install(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stdout + done.stderr
    assert len(done.stdout.splitlines()) + len(done.stderr.splitlines()) < 10
    assert (project / ".venv" / "install.log").read_text().count(WARNING) == 5 * 130


def test_a_failing_install_shows_what_pip_said(project):
    failed = make_install(project, FAIL="1")
    assert failed.returncode != 0
    assert "No matching distribution found for torch" in failed.stdout
    assert "install.log" in failed.stdout
