"""Find quotation-mark spans in raw text, in any house style.

Works on characters, not tokens, because quote conventions are typographic: curly or straight,
double or single, guillemets, British multi-paragraph quotes (every paragraph re-opens, only the
last closes) and letters quoted whole across paragraphs (opened once, closed once).
Content offsets exclude the marks themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = {"“", "«", "„", "‟"}
DOUBLE_CLOSE = {"”", "»"}
SINGLE_OPEN = {"‘", "‹"}
SINGLE_CLOSE = {"’", "›"}
OPENING_CONTEXT = set(" \t\n([{—–-/") | {"\u00a0"}
# A quote that never closes is trusted over at most this many paragraphs (a quoted letter);
# beyond that the mark is taken to be unbalanced and the quote ends with its paragraph.
MAX_CARRIED_PARAGRAPHS = 40


@dataclass(frozen=True)
class MarkSpan:
    start: int  # first character of the content
    end: int  # one past the last character of the content
    family: str  # "double" or "single"
    closed: bool  # False when the paragraph ended without a closing mark (British style)

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int) -> tuple[str, str] | None:
    """Return (family, role) for a quote mark at i; role is 'open', 'close' or 'either'."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == '"':
        return "double", _double_role(ch, prev, nxt)
    if ch in SINGLE_OPEN or ch == "'":
        return _single_open(ch, prev, nxt)
    if ch in SINGLE_CLOSE:
        if _is_word(prev) and _is_word(nxt):
            return None
        if nxt.isspace() or not _is_word(nxt) or i + 1 == len(text):
            return "single", "close"
    return None


def _double_role(ch: str, prev: str, nxt: str) -> str:
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if prev in OPENING_CONTEXT or prev in DOUBLE_OPEN or prev in SINGLE_OPEN:
        return "open"
    return "close" if nxt.isspace() or not _is_word(nxt) else "either"


def _single_open(ch: str, prev: str, nxt: str) -> tuple[str, str] | None:
    """A curly opening single mark, or a straight one: an opening, a closing or an apostrophe."""
    if _is_word(prev) and _is_word(nxt):
        return None  # apostrophe: don't, Wakeford's
    if ch in SINGLE_OPEN or (prev in OPENING_CONTEXT or prev in DOUBLE_OPEN):
        return ("single", "open") if not nxt.isspace() else None
    if nxt.isspace() or not _is_word(nxt):
        return "single", "close"
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if text[start:i].strip():
                spans.append((start, i))
            start = i + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _marks_in(text: str, start: int, end: int) -> list[tuple[int, str, str]]:
    found = []
    i = start
    while i < end:
        ch = text[i]
        if ch in "`'" and i + 1 < end and text[i + 1] == ch:
            # Typewriter doubles: ``like this'' or ''like this'' (some wire and newspaper styles).
            prev = text[i - 1] if i > 0 else " "
            role = "open" if ch == "`" or prev in OPENING_CONTEXT else "close"
            found.append((i + 1 if role == "open" else i, "double", role))
            i += 2
            continue
        if ch in "\"'“”«»„‟‘’‹›":
            kind = _classify(text, i)
            if kind:
                found.append((i, *kind))
        i += 1
    return found


def _opens_paragraph(text: str, para: tuple[int, int], family: str) -> bool:
    s, e = _strip(text, *para)
    if s >= e:
        return False
    kind = _classify(text, s)
    return bool(kind and kind[0] == family and kind[1] in ("open", "either"))


def find_quote_spans(text: str) -> list[MarkSpan]:
    """All quoted spans of text, outermost only, in order."""
    paras = _paragraphs(text)
    marks_by_para = [_marks_in(text, s, e) for s, e in paras]
    spans: list[MarkSpan] = []
    p = 0
    while p < len(paras):
        p = _scan_paragraph(text, paras, marks_by_para, p, spans)
    return spans


def _scan_paragraph(text, paras, marks_by_para, p, spans) -> int:
    """Scan paragraph p, appending spans; return the index of the next paragraph to scan."""
    open_at: int | None = None
    family = ""
    for pos, fam, role in marks_by_para[p]:
        if open_at is None:
            if role in ("open", "either"):
                open_at, family = pos + 1, fam
            continue
        if fam != family:
            continue  # a nested quote of the other family stays inside the content
        if role in ("close", "either"):
            s, e = _strip(text, open_at, pos)
            if e > s:
                spans.append(MarkSpan(s, e, family, True))
            open_at = None
    if open_at is None:
        return p + 1
    # The paragraph ended inside a quote.
    if p + 1 < len(paras) and _opens_paragraph(text, paras[p + 1], family):
        s, e = _strip(text, open_at, paras[p][1])
        if e > s:
            spans.append(MarkSpan(s, e, family, False))
        return p + 1
    closing = _find_carried_close(text, paras, marks_by_para, p, family)
    if closing is not None:
        close_para, close_pos = closing
        s, e = _strip(text, open_at, close_pos)
        spans.append(MarkSpan(s, e, family, True))
        return close_para + 1
    if family == "double":
        s, e = _strip(text, open_at, paras[p][1])
        if e > s:
            spans.append(MarkSpan(s, e, family, False))
    return p + 1


def _find_carried_close(text, paras, marks_by_para, p, family) -> tuple[int, int] | None:
    """A quote carried over paragraphs (a quoted letter) closes at the end of a later paragraph."""
    last = min(len(paras), p + 1 + MAX_CARRIED_PARAGRAPHS)
    for q in range(p + 1, last):
        for pos, fam, role in marks_by_para[q]:
            if fam != family:
                continue
            if role == "open":
                return None
            if role in ("close", "either"):
                tail = text[pos + 1 : paras[q][1]].strip()
                return (q, pos) if not tail or len(tail) < 3 else None
    return None
