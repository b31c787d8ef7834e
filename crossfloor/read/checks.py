"""Turn raw bytes into trustworthy text, or say plainly why not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..schema import Article


class Unreadable(Exception):
    """An input that cannot become an article; the message is one line for the user."""


@dataclass
class Skipped:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


# What no database text can hold: NUL (PostgreSQL text refuses it) and lone UTF-16 surrogates
# (from JSON's "\ud800"; no UTF-8 encoder takes them).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: str | None) -> str | None:
    """The text without the characters a database cannot hold. Applied where text enters, before
    analysis, so the stored text is the analysed text and every offset holds."""
    return UNSTORABLE.sub("", value) if value else value


def storable_article(article: Article) -> Article:
    """The article with every text field storable (see storable)."""
    for name in ("text", "id", "title", "outlet", "url", "source"):
        setattr(article, name, storable(getattr(article, name)))
    return article


def decode(data: bytes, source: str, warnings: list[str]) -> str:
    """UTF-8 when it is; otherwise the most likely encoding, with a warning."""
    if not data.strip():
        raise Unreadable("empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        best = from_bytes(data[:1_000_000]).best()
        if best is None:
            raise Unreadable(f"not valid UTF-8 (byte {err.start}) and no other text encoding fits") from None
        warnings.append(f"not valid UTF-8 (byte {err.start}); decoded as {best.encoding}")
        return data.decode(best.encoding, errors="replace")


def check_text(text: str) -> str:
    """Reject text that is empty, binary-looking or not English; return it unchanged otherwise."""
    stripped = text.strip()
    if not stripped:
        raise Unreadable("no text")
    sample = stripped[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(sample) * 0.01:
        raise Unreadable("binary content (control characters), not text")
    language = detect_language(sample)
    if language is not None and language != "en":
        raise Unreadable(f"text looks like language '{language}', not English (crossfloor reads English)")
    return text


def detect_language(sample: str) -> str | None:
    """ISO code of the sample's language, or None when it is too short to tell."""
    if len(sample.split()) < 25:
        return None
    import py3langid

    language, _ = py3langid.classify(sample[:5000])
    return language


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise Unreadable(
            f"file too large ({size / 1e6:.1f} MB > {limit / 1e6:.0f} MB limit; raise it with --max-mb)"
        )


def one_line(message: str) -> str:
    return " ".join(message.split()) or "no detail"
