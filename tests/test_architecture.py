"""The code's own standards, measured over every module of the package (the list is built from
the package, so a new module is covered the day it is added): imports point one way between the
floors, the store and the ground floor (schema) never reach into analysis, no package's modules
import each other in a circle, small functions (cyclomatic complexity at most 15), classes of at
most 200 lines, analysis modules a maintainer can read (radon maintainability index at least
20), no dead code (vulture at 80% confidence), and every event type declaring what the store,
the linker, the scorer and the web app read of it. Imports inside functions count everywhere."""

import ast
import subprocess
import sys
from functools import cache

import grimp
import pytest
from radon.complexity import cc_visit
from radon.metrics import mi_visit

from tests.conftest import ROOT

PACKAGE = ROOT / "crossfloor"
MAX_COMPLEXITY = 15
MAX_CLASS_LINES = 200
MIN_MAINTAINABILITY = 20


def sources(under=PACKAGE) -> list:
    return sorted(under.rglob("*.py"))


def where(path) -> str:
    return str(path.relative_to(ROOT))


def floors() -> set[str]:
    """Every top-level module and package of crossfloor: the floors the one-way rule is about."""
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    return modules | {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}


@cache
def graph():
    """Every import in crossfloor, those inside functions too; external packages as one module each."""
    return grimp.build_graph("crossfloor", include_external_packages=True)


def own_modules() -> list[str]:
    return sorted(m for m in graph().modules if m.split(".")[0] == "crossfloor")


def floor_of(module: str) -> str:
    """crossfloor.store.views -> store; crossfloor itself (the library facade on top) -> crossfloor."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports_between_floors() -> dict[tuple[str, str], list[str]]:
    """(importing floor, imported floor) -> the imports that make the edge ('a -> b')."""
    edges: dict[tuple[str, str], list[str]] = {}
    for importer in own_modules():
        for imported in graph().find_modules_directly_imported_by(importer):
            edge = (floor_of(importer), floor_of(imported))
            if imported.startswith("crossfloor.") and edge[0] != edge[1] and "crossfloor" not in edge:
                edges.setdefault(edge, []).append(f"{importer} -> {imported}")
    return edges


def test_grimp_counts_imports_inside_functions(tmp_path, monkeypatch):
    package = tmp_path / "canary"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "outer.py").write_text("def later():\n    from . import inner\n    return inner\n")
    (package / "inner.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert grimp.build_graph("canary").direct_import_exists(importer="canary.outer", imported="canary.inner")


def test_the_module_list_is_the_package():
    found = {floor_of(m) for m in own_modules()} - {"crossfloor"}
    assert found == floors(), f"modules grimp finds but the list lacks, or the reverse: {sorted(found ^ floors())}"
    assert {"watch", "alerts", "schema", "extraction", "store", "serve"} <= floors()


def test_floors_do_not_import_each_other_both_ways():
    edges = imports_between_floors()
    cycles = [f"{a} <-> {b} ({edges[a, b][0]}; {edges[b, a][0]})" for a, b in sorted(edges) if a < b and (b, a) in edges]
    assert not cycles, "floors that import each other: " + "; ".join(cycles)


def test_the_store_does_not_know_about_linking():
    edges = imports_between_floors()
    assert ("store", "link") not in edges, "the store must not know about linking: " + "; ".join(edges[("store", "link")])


@pytest.mark.parametrize("floor", ["store", "schema"])
def test_the_store_and_the_ground_floor_never_import_analysis(floor):
    found = imports_between_floors().get((floor, "analyse"), [])
    assert not found, f"{floor} imports analyse (read the declarations from crossfloor/schema instead): " + "; ".join(sorted(found))


def test_the_ground_floor_needs_no_spacy():
    chain = graph().find_shortest_chain(importer="crossfloor.schema", imported="spacy", as_packages=True)
    assert chain is None, "crossfloor.schema reaches spaCy: " + " -> ".join(chain or ())


def strongly_connected(nodes: set[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of nodes that reach each other (Tarjan), those of more than one node."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return groups


def packages() -> list[str]:
    """Every package below crossfloor itself (whose modules are the floors above)."""
    return [m for m in own_modules() if m != "crossfloor" and graph().find_children(m)]


def member_of(package: str, module: str) -> str | None:
    """The module or subpackage of package that module is (or is inside); None for the
    package's own __init__ and for modules outside it."""
    if not module.startswith(package + "."):
        return None
    return module[len(package) + 1 :].split(".")[0]


@pytest.mark.parametrize("package", packages())
def test_no_import_cycle_between_the_modules_of_a_package(package):
    edges: dict[str, set[str]] = {}
    for importer in own_modules():
        source = member_of(package, importer)
        for imported in graph().find_modules_directly_imported_by(importer) if source else ():
            target = member_of(package, imported)
            if target and target != source:
                edges.setdefault(source, set()).add(target)
    cycles = strongly_connected(set(edges), edges)
    described = []
    for group in cycles:
        chain = graph().find_shortest_chain(importer=f"{package}.{group[1]}", imported=f"{package}.{group[0]}", as_packages=True) or ()
        back = graph().find_shortest_chain(importer=f"{package}.{group[0]}", imported=f"{package}.{group[1]}", as_packages=True) or ()
        described.append(f"{', '.join(group)} (for one: {' -> '.join(chain)}; {' -> '.join(back)})")
    assert not cycles, f"modules of {package} that import each other in a circle: " + " | ".join(described)


def test_no_function_is_more_complex_than_15():
    too_complex = [
        f"{where(path)}:{block.lineno} {block.fullname} ({block.complexity})"
        for path in sources()
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > MAX_COMPLEXITY
    ]
    assert not too_complex, f"{len(too_complex)} functions of cyclomatic complexity above {MAX_COMPLEXITY}: " + "; ".join(too_complex)


def test_no_class_is_longer_than_200_lines():
    too_long = [
        f"{where(path)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path in sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES
    ]
    assert not too_long, f"classes longer than {MAX_CLASS_LINES} lines: " + "; ".join(too_long)


def test_every_analysis_module_is_maintainable():
    # multi=True counts docstrings as comments, as `radon mi` does.
    scores = {where(path): mi_visit(path.read_text(encoding="utf-8"), multi=True) for path in sources(PACKAGE / "analyse")}
    low = [f"{path} ({score:.1f})" for path, score in sorted(scores.items()) if score < MIN_MAINTAINABILITY]
    assert not low, f"analyse modules with a maintainability index under {MIN_MAINTAINABILITY}: " + "; ".join(low)


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
