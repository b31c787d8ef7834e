"""`crossfloor kb fetch` against a publisher served here (127.0.0.1): a changed file updates the
record and says what changed, an unchanged one is a 304, a broken, empty or oversized one
leaves the record exactly as it was with one line, and a url on a private address is refused
unless private addresses are allowed. The files are made up, in the publishers' formats."""

import copy
import json
import os
import subprocess
import sys
from datetime import date
from http.server import BaseHTTPRequestHandler

import pytest
from sqlalchemy import select

from crossfloor.link.kb_fetch import KbFetcher, KbProblem, Published, chosen, publishers
from crossfloor.link.reference import Reference
from crossfloor.read.web import Fetcher
from crossfloor.store.database import open_database
from crossfloor.store.schema import (
    ArticleRow,
    CanonicalEventRow,
    EventRow,
    KbIdentifierRow,
    KbMembershipRow,
    KbNameRow,
    KbPersonRow,
    KbSourceRow,
)
from tests.conftest import ROOT
from tests.link.test_kb_sources import CLACKTOWN, EXECUTIVE, HISTORICAL, LEGISLATORS
from tests.servers import serving

# The file as it stood before Dora Cleave's switch and Nell Nash's by-election: one Conservative
# membership for the whole of term/55.
BEFORE = copy.deepcopy(CLACKTOWN)
BEFORE["persons"] = [p for p in BEFORE["persons"] if p["id"] != "uuid-nn"]
BEFORE["memberships"] = [m for m in BEFORE["memberships"] if m["person_id"] != "uuid-nn" and m["on_behalf_of_id"] != "ukip"]
BEFORE["memberships"][0] = {k: v for k, v in BEFORE["memberships"][0].items() if k != "end_date"}


class Publisher:
    """Files by path (body, ETag), and every request with its headers."""

    def __init__(self):
        self.files: dict[str, tuple[bytes, str]] = {}
        self.requests: list[tuple[str, dict]] = []

    def publish(self, path: str, content, version: str) -> None:
        body = content if isinstance(content, bytes) else json.dumps(content).encode()
        self.files[path] = (body, f'"{version}"')


def handler_for(publisher: Publisher):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status: int, body: bytes = b"", headers: dict | None = None):
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            publisher.requests.append((self.path, dict(self.headers)))
            if self.path not in publisher.files:
                return self.answer(404)
            body, etag = publisher.files[self.path]
            validators = {"ETag": etag, "Last-Modified": "Tue, 18 Jan 2022 10:00:00 GMT"}
            if self.headers.get("If-None-Match") == etag:
                return self.answer(304, headers=validators)
            return self.answer(200, body, {"Content-Type": "text/plain; charset=utf-8", **validators})

    return Handler


@pytest.fixture()
def publisher():
    state = Publisher()
    with serving(handler_for(state), state):
        yield state


def fetcher(allow_private=True, max_bytes=2_000_000) -> Fetcher:
    return Fetcher(max_bytes=max_bytes, timeout=5.0, host_interval=0.0, allow_private=allow_private)


def fetch(db, publisher, files, **options) -> tuple[list, list[str]]:
    said: list[str] = []
    client = fetcher(**options)
    try:
        outcomes = KbFetcher(db, client, said.append).country([Published(f"{publisher.base}{path}", name) for path, name in files])
    finally:
        client.close()
    return outcomes, said


COMMONS = [("/data/Commons/ep-popolo-v1.0.json", "Commons-ep-popolo-v1.0.json")]


def record(db) -> dict:
    """Every reference row, as plain values: what must not move when a fetch fails."""
    with db.sessions() as session:
        return {
            table.__tablename__: sorted(tuple(str(getattr(row, c.key)) for c in table.__table__.columns if c.key != "imported_at") for row in session.scalars(select(table)))
            for table in (KbSourceRow, KbPersonRow, KbNameRow, KbMembershipRow, KbIdentifierRow)
        }


def switch_status(db) -> str:
    event = {"type": "party_switch", "person": "Dora Cleave", "from_party": "Conservative", "to_party": "UKIP", "date": "2014-08-28"}
    Reference(db).check_switch(event, date(2014, 8, 28))
    return event["status"]


def test_a_changed_file_updates_the_record_and_says_what_changed(publisher, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    publisher.publish(COMMONS[0][0], BEFORE, "v1")
    (first,), said = fetch(db, publisher, COMMONS)
    assert first.result == "updated" and said[0].startswith(f"updated {publisher.base}/data/Commons")
    assert "people 2 added, 0 removed, 0 changed" in said[0]
    assert switch_status(db) == "contradicted"  # the record follows her as a Conservative through those days

    publisher.publish(COMMONS[0][0], CLACKTOWN, "v2")
    (second,), said = fetch(db, publisher, COMMONS)
    assert second.result == "updated"
    assert said[0].endswith("people 1 added, 0 removed, 0 changed; memberships 3 added, 0 removed, 1 changed")
    assert "  people added: Nell Nash" in said
    changed = next(line for line in said if line.startswith("  memberships changed"))
    assert "Dora Cleave (Clacktown): Conservative 2010-05-06 to 2015-03-30 -> Conservative 2010-05-06 to 2014-08-29" in changed
    assert switch_status(db) == "confirmed"
    with db.sessions() as session:
        sources = session.execute(select(KbSourceRow.path, KbSourceRow.etag, KbSourceRow.last_modified)).all()
    assert sources == [(f"{publisher.base}{COMMONS[0][0]}", '"v2"', "Tue, 18 Jan 2022 10:00:00 GMT")]  # one source, replaced


def test_an_unchanged_file_is_a_304_and_nothing_is_stored_again(publisher, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    publisher.publish(COMMONS[0][0], CLACKTOWN, "v1")
    fetch(db, publisher, COMMONS)
    before = record(db)
    with db.sessions() as session:
        imported = session.scalar(select(KbSourceRow.imported_at))
    (again,), said = fetch(db, publisher, COMMONS)
    path, headers = publisher.requests[-1]
    assert path == COMMONS[0][0] and headers["If-None-Match"] == '"v1"' and headers["If-Modified-Since"] == "Tue, 18 Jan 2022 10:00:00 GMT"
    assert again.result == "unchanged" and said == [f"unchanged {publisher.base}{COMMONS[0][0]} (304 Not Modified)"]
    assert record(db) == before
    with db.sessions() as session:
        assert session.scalar(select(KbSourceRow.imported_at)) == imported


@pytest.mark.parametrize(
    "body, limit, problem",
    [
        (b'{"persons": [', 2_000_000, "invalid JSON"),
        (b'{"persons": [], "memberships": []}', 2_000_000, "holds nobody"),
        (b'{"persons": "Dora Cleave"}', 2_000_000, "not Popolo JSON"),
        (json.dumps(CLACKTOWN).encode() + b" " * 4000, 3000, "larger than 0.003 MB"),
    ],
    ids=["broken", "empty", "not-popolo", "oversized"],
)
def test_a_broken_or_oversized_file_leaves_the_record_as_it_was(publisher, tmp_path, body, limit, problem):
    db = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    publisher.publish(COMMONS[0][0], CLACKTOWN, "v1")
    fetch(db, publisher, COMMONS)
    before = record(db)
    publisher.publish(COMMONS[0][0], body, "v2")
    (outcome,), said = fetch(db, publisher, COMMONS, max_bytes=limit)
    assert outcome.result == "failed"
    assert len(said) == 1 and said[0].startswith("error: ") and problem in said[0] and f"{publisher.base}{COMMONS[0][0]}" in said[0]
    assert "crossfloor-kb-" not in said[0]  # the url is named, not the temporary file it was read from
    assert record(db) == before  # rows and validators alike: the next fetch asks for the file again
    assert switch_status(db) == "confirmed"


def test_a_url_on_a_private_address_is_refused_unless_allowed(publisher, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    publisher.publish(COMMONS[0][0], CLACKTOWN, "v1")
    (outcome,), said = fetch(db, publisher, COMMONS, allow_private=False)
    assert outcome.result == "failed" and "refused" in said[0]
    assert publisher.requests == []  # not even robots.txt was asked for
    assert record(db)["kb_sources"] == []


def test_the_command_line_fetches_from_the_urls_in_the_setting_and_refuses_private_ones(publisher, tmp_path):
    publisher.publish(COMMONS[0][0], CLACKTOWN, "v1")
    sources = tmp_path / "sources.json"
    sources.write_text(json.dumps({"publishers": {"xx": {"name": "A made-up Commons", "files": [{"url": f"{publisher.base}{COMMONS[0][0]}", "file": COMMONS[0][1]}]}}}))
    env = {**os.environ, "CROSSFLOOR_KB_SOURCES": str(sources), "CROSSFLOOR_DB": str(tmp_path / "kb.db")}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "crossfloor.cli", "kb", "fetch", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)

    refused = run("all")
    assert refused.returncode == 1 and "refused" in refused.stderr and "Traceback" not in refused.stderr
    done = run("xx", "--allow-private")
    assert done.returncode == 0, done.stderr
    assert f"updated {publisher.base}" in done.stderr and "1 file(s): 1 updated, 0 unchanged, 0 failed" in done.stderr
    again = run("xx", "--allow-private")
    assert again.returncode == 0 and "(304 Not Modified)" in again.stderr and "re-checked" not in again.stderr
    unknown = run("zz")
    assert unknown.returncode == 2 and "no publisher for 'zz': choose from xx or all" in unknown.stderr


def test_current_members_are_not_taken_again_from_the_historical_file(publisher, tmp_path):
    """congress-legislators: a member in both files (one who just left) comes from the current one."""
    historical = LEGISLATORS.replace("Jane Zephyr", "Jane Q. Zephyr")
    publisher.publish("/legislators-current.yaml", LEGISLATORS.encode(), "c1")
    publisher.publish("/legislators-historical.yaml", historical.encode(), "h1")
    db = open_database(f"sqlite:///{tmp_path / 'us.db'}")
    outcomes, said = fetch(db, publisher, [("/legislators-current.yaml", "legislators-current.yaml"), ("/legislators-historical.yaml", "legislators-historical.yaml")])
    assert [o.result for o in outcomes] == ["updated", "unchanged"]
    assert said[-1].endswith("(no change to its people and memberships)")  # every one of its people came from the current file
    with db.sessions() as session:
        assert set(session.scalars(select(KbNameRow.name).where(KbNameRow.person_id == "Z000001"))) == {"Jane Zephyr"}


def test_a_csv_of_former_members_is_fetched_as_kb_import_reads_it(publisher, tmp_path):
    publisher.publish("/legislators-historical.csv", HISTORICAL.encode(), "h1")
    db = open_database(f"sqlite:///{tmp_path / 'csv.db'}")
    (outcome,), said = fetch(db, publisher, [("/legislators-historical.csv", "legislators-historical.csv")])
    assert outcome.result == "updated" and "people 2 added" in said[0]


def test_a_post_that_ends_early_is_a_change(publisher, tmp_path):
    """executive.yaml holds posts, not memberships: a term cut short is still a change to say."""
    db = open_database(f"sqlite:///{tmp_path / 'exec.db'}")
    publisher.publish("/executive.yaml", EXECUTIVE.encode(), "e1")
    fetch(db, publisher, [("/executive.yaml", "executive.yaml")])
    publisher.publish("/executive.yaml", EXECUTIVE.replace("2027-01-20", "2024-07-21").encode(), "e2")
    (outcome,), said = fetch(db, publisher, [("/executive.yaml", "executive.yaml")])
    assert outcome.result == "updated" and said[0].endswith("memberships 0 added, 0 removed, 0 changed; posts 0 added, 0 removed, 1 changed")
    assert said[1] == "  posts changed: Rob Xavier: Vice President of the United States 2023-01-20 to 2027-01-20 -> 2023-01-20 to 2024-07-21"


def test_relinking_after_a_fetch_restates_the_events_across_articles(publisher, tmp_path):
    """A stored switch checked against the old record is checked again, and its event across
    articles takes its report's new status (the events list filters on it)."""
    db = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    publisher.publish(COMMONS[0][0], BEFORE, "v1")
    fetch(db, publisher, COMMONS)
    text = "Dora Cleave, the MP for Clacktown, has defected from the Conservatives to UKIP."
    with db.sessions() as session:
        article = ArticleRow(content_hash="d" * 64, title="Defection", published=date(2014, 8, 28), text=text)
        canonical = CanonicalEventRow(type="party_switch", person="Dora Cleave", from_party="Conservative", to_party="UK Independence Party", status="contradicted")
        session.add_all([article, canonical])
        session.flush()
        session.add(EventRow(article_id=article.id, type="party_switch", start=0, end=len(text), person="Dora Cleave", from_party="Conservative",
                             to_party="UK Independence Party", seat="Clacktown", status="contradicted", canonical_id=canonical.id))
        session.commit()
    publisher.publish(COMMONS[0][0], CLACKTOWN, "v2")
    fetch(db, publisher, COMMONS)
    assert db.relink(Reference(db)) == 1
    with db.sessions() as session:
        report = session.scalar(select(EventRow))
        assert (report.status, report.record) == ("confirmed", "Conservative to 2014-08-29, UK Independence Party from 2014-10-10")
        assert session.scalar(select(CanonicalEventRow.status)) == "confirmed"


def test_the_packaged_publishers_and_the_choice_of_countries():
    known = publishers()
    assert list(known) == ["us", "uk", "ca", "au", "nz", "ie", "in"]
    assert all(f.url.startswith("https://") for files in known.values() for f in files)
    assert chosen(["all"], known) == list(known) and chosen(["uk", "us", "uk"], known) == ["uk", "us"]
    with pytest.raises(KbProblem, match="no publisher for 'xx': choose from us, uk, ca, au, nz, ie, in or all"):
        chosen(["xx"], known)
