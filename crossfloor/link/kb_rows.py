"""What every reference-data reader shares: the rows one source file contributes (`Rows`), days,
and reading a file as XML, JSON, YAML or CSV with a one-line `KbProblem` naming the file when it
cannot be read."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

OPEN_END = "9999-12-31"
# The schemes whose ids name one person wherever they appear: records from several sources that
# share one of them are one reference person (never a name alone).
JOIN_SCHEMES = ("parlparse", "bioguide", "wikidata")


class KbProblem(Exception):
    """A reference file that cannot be imported; the message is one line naming the file."""


@dataclass
class Rows:
    """What one source file contributes. Person ids are the file's own; `identifiers` holds the
    ids it gives each person in other schemes, through which the store joins them to persons
    other sources already brought. `covers` overrides the last day the source speaks for."""

    format: str
    persons: dict[str, str] = field(default_factory=dict)  # id -> name
    names: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    posts: list[dict] = field(default_factory=list)
    areas: list[dict] = field(default_factory=list)
    identifiers: list[dict] = field(default_factory=list)
    covers: date | None = None
    taken_elsewhere: int = 0  # people the file names that a file read before it brought (congress-legislators)

    def identify(self, person_id: str, scheme: str, value) -> None:
        if person_id and value not in (None, ""):
            self.identifiers.append({"person_id": person_id, "scheme": scheme, "value": str(value)})

    def name(self, person_id: str, name: str | None, start: date | None = None, end: date | None = None) -> None:
        if name:
            self.names.append({"person_id": person_id, "name": name, "start": start, "end": end})

    def latest_day(self) -> date | None:
        if self.covers:
            return self.covers
        days = [r[k] for rows in (self.memberships, self.posts) for r in rows for k in ("start", "end") if r.get(k)]
        # Scheduled ends (a US term to 2031) are not what the source knows: it speaks up to today.
        return min(max(days), date.today()) if days else None

    def counts(self) -> dict[str, int]:
        return {
            "persons": len(self.persons), "names": len(self.names), "memberships": len(self.memberships),
            "posts": len(self.posts), "areas": len(self.areas), "identifiers": len(self.identifiers),
        }


def day(value) -> date | None:
    """ISO day; a bare year ('1918') is its first day; 9999-12-31 means still open."""
    if isinstance(value, date):
        return value
    if not value or str(value).startswith(OPEN_END):
        return None
    value = str(value).strip()
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def cannot_read(path: Path, err: Exception) -> KbProblem:
    return KbProblem(f"{path}: cannot read ({getattr(err, 'strerror', None) or err})")


def parse_xml(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()  # the XML declaration gives the encoding (ISO-8859-1)
    except ET.ParseError as err:
        raise KbProblem(f"{path}: not well-formed XML ({err})") from None
    except OSError as err:
        raise cannot_read(path, err) from None


def parse_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise KbProblem(f"{path}: invalid JSON ({err.msg} at line {err.lineno})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise cannot_read(path, err) from None


def parse_yaml(path: Path):
    import yaml

    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise KbProblem(f"{path}: invalid YAML ({getattr(err, 'problem', None) or 'cannot parse'}{where})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise cannot_read(path, err) from None


def csv_header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return next(csv.reader(stream), [])
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise cannot_read(path, err) from None


def read_csv(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise cannot_read(path, err) from None
