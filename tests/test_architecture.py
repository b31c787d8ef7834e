"""The code's own standards, measured: small functions (cyclomatic complexity at most 20), no
import cycle between the packages of the pipeline, no dead code (vulture at 80% confidence), and
every event type declaring what the store, the linker, the scorer and the web app read of it."""

import subprocess
import sys

import grimp
import pytest
from radon.complexity import cc_visit

from tests.conftest import ROOT

PACKAGE = ROOT / "crossfloor"
LAYERS = ("read", "analyse", "link", "store", "serve", "evaluate", "train", "cli")
MODULES = ("records", "settings", "present", "ingest", "extract", "bench")


def test_no_function_is_more_complex_than_20():
    too_complex = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > 20:
                too_complex.append(f"{path.relative_to(ROOT)}:{block.lineno} {block.name} ({block.complexity})")
    assert not too_complex, "cyclomatic complexity above 20: " + "; ".join(too_complex)


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_packages_do_not_import_each_other_both_ways():
    graph = grimp.build_graph("crossfloor")
    edges = {(part_of(a), part_of(b)) for a in graph.modules for b in graph.find_modules_directly_imported_by(a)}
    edges = {(a, b) for a, b in edges if a != b and a in LAYERS + MODULES and b in LAYERS + MODULES}
    cycles = sorted(f"{a} <-> {b}" for a, b in edges if (b, a) in edges and a < b)
    assert not cycles, f"packages that import each other: {cycles}"
    assert ("store", "link") not in edges, "the store must not know about linking"


def test_no_dead_code():
    found = subprocess.run([sys.executable, "-m", "vulture", str(PACKAGE), "--min-confidence", "80"], capture_output=True, text=True)
    assert found.returncode == 0, found.stdout


@pytest.mark.parametrize("name", ["party_switch", "by_election_call", "no_confidence_letter", "resignation"])
def test_each_event_type_declares_its_fields(name):
    from crossfloor.schema.events import SPECS as REGISTRY
    from crossfloor.analyse.events.lexicon import event_lexicon

    kind = REGISTRY[name]
    assert kind.name == name
    assert set(kind.view_fields) <= set(kind.fields) | {"seat"}
    assert {k.field for k in kind.score_keys} <= set(kind.fields)
    assert set(kind.merge_keys) <= set(kind.fields)
    assert name in event_lexicon().sections, f"data/events.json has no section for {name}"
