"""How articles name posts ('the Home Secretary') and how reference data records them
('Secretary of State' of the 'Home Office'): the rules of `data/posts.json`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..analyse.lexicon import _load


@dataclass(frozen=True)
class PostRule:
    groups: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...]


@cache
def post_rules() -> dict[str, PostRule]:
    data = _load("posts.json")
    common = tuple(data.get("exclude_always", []))
    rules: dict[str, PostRule] = {}
    for title, spec in data["posts"].items():
        if "same_as" in spec:
            continue
        exclude = tuple(spec.get("exclude", [])) + (common if spec.get("exclude_always", True) is not False else ())
        rules[title] = PostRule(tuple(tuple(g) for g in spec["all"]), exclude)
    for title, spec in data["posts"].items():
        if "same_as" in spec:
            rules[title] = rules[spec["same_as"]]
    return rules


def matches(rule: PostRule, role: str, organisation: str | None) -> bool:
    """A post record (its role and organisation) is the post a title's rule names."""
    text = f"{role} {organisation or ''}".lower()
    role_text = role.lower()
    return all(any(option in text for option in group) for group in rule.groups) and not any(word in role_text for word in rule.exclude)
