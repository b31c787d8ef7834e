"""'The President said', 'the prime minister said': the holder of a top post on the article's day,
when the article itself names that person, by the small record packaged with crossfloor
(data/office_holders.json: US presidents and vice presidents, the Speaker and the party leaders of
both houses, the secretaries of state and defense, the attorney general and the White House
press secretary; the prime ministers of the UK, Canada, Australia, New Zealand and India;
Ireland's Taoiseach; the UK's Speaker, Chancellor, Foreign and Home Secretaries and the leaders of
its four largest parties; Germany's
chancellor; the EU's Brexit negotiator). A role several posts share ('the
prime minister') is the holder of whichever the article names, and nobody when it names two. An
undated article (many pages give no day) takes the one person it names who ever held the post:
one that names two holders of it, at any time, gives no one. It runs
after the analysis, where the publication day (or its absence) is known, on quotes whose speaker stayed a role;
the quote's `resolved_by` is then `top_post_holder`. A holder the article never names is not
made the speaker: with reference data loaded (`crossfloor kb import`), the linker suggests them.
A role with a word the post does not list ('the former president', 'the outgoing PM', 'the
French president') matches no post."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from ..data import load
from ..people import article_name

NAME = "top_post_holder"


@dataclass(frozen=True)
class Holder:
    name: str
    start: date
    end: date | None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Post:
    titles: tuple[tuple[str, ...], ...]  # the title and its aliases, as words
    qualifiers: frozenset[str]
    holders: tuple[Holder, ...]

    def described_by(self, words: list[str]) -> bool:
        """The role ends in a title of the post and its other words qualify it."""
        return any(words[-len(t) :] == list(t) and all(w in self.qualifiers for w in words[: -len(t)]) for t in self.titles if len(words) >= len(t))

    def holders_on(self, day: date | None) -> set[str]:
        """Who held the post on the day (every holder, with no day)."""
        return {h.name for h in self.holders if day is None or h.held_on(day)}


@cache
def top_posts() -> tuple[Post, ...]:
    posts = []
    for post in load("office_holders.json")["posts"]:
        titles = tuple(tuple(t.split()) for t in [post["title"], *post["aliases"]])
        holders = tuple(Holder(h["name"], date.fromisoformat(h["from"]), date.fromisoformat(h["to"]) if h.get("to") else None) for h in post["holders"])
        posts.append(Post(titles, frozenset(post["qualifiers"]), holders))
    return tuple(posts)


def holder_named(description: str | None, day: date | None, names: list[str]) -> str | None:
    """The name the article gives the one holder of the post the role describes, on the day;
    with no day, the one person the article names who ever held it (an article that names two
    holders, or none, gives no one)."""
    words = (description or "").lower().split()
    posts = [post for post in top_posts() if words and post.described_by(words)]
    holders = {h for post in posts for h in post.holders_on(day)}
    written = [article_name(h, names) for h in holders]
    found = [w for w in written if w]
    return found[0] if len(found) == 1 else None


def resolve_top_posts(quotes: list[dict], names: list[str], published: date | None) -> None:
    """Quotes whose speaker is a role that a top post's holder named in the article held on the
    publication day (any day, for an undated article) take that person as speaker; in place."""
    for quote in quotes:
        if quote.get("speaker_kind") != "role":
            continue
        description = quote.get("speaker_role") or quote.get("speaker_resolved")
        written = holder_named(description, published, names)
        if written is not None:
            quote.update(speaker_role=description, speaker_resolved=written, speaker_kind="person", resolved_by=NAME)
