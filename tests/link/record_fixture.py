"""A tiny made-up reference record (Popolo JSON) for the tests of people linked to the record:
members of a made-up Commons and Senate, one with a ministerial post, two pairs of namesakes."""

import json
from datetime import date
from pathlib import Path

from crossfloor.ingest import ingest_now
from crossfloor.link.kb_import import import_path
from crossfloor.schema import Article
from crossfloor.store.database import Database, open_database


def member(pid: str, chamber: str, party: str, area: str, start: str, end: str) -> dict:
    return {"person_id": pid, "organization_id": chamber, "on_behalf_of_id": party, "area_id": area, "start_date": start, "end_date": end}


POPOLO = {
    "persons": [
        {"id": "nq", "name": "Nadia Quint", "identifiers": [{"scheme": "wikidata", "identifier": "Q9990001"}, {"scheme": "parlparse", "identifier": "uk.org.publicwhip/person/99001"}]},
        {"id": "of", "name": "Orrin Fairbrook", "identifiers": [{"scheme": "wikidata", "identifier": "Q9990002"}]},
        {"id": "hp-old", "name": "Harold Penhallow"},
        {"id": "hp", "name": "Harold Penhallow", "identifiers": [{"scheme": "wikidata", "identifier": "Q9990003"}]},
        {"id": "ja-n", "name": "John Arden"},
        {"id": "ja-s", "name": "John Arden"},
        {"id": "ad", "name": "Amy Dunmore", "identifiers": [{"scheme": "bioguide", "identifier": "D000999"}]},
        {"id": "rt", "name": "Rob Tellis", "identifiers": [{"scheme": "bioguide", "identifier": "T000999"}]},
        {"id": "lq", "name": "Lord Quenby"},
    ],
    "organizations": [
        {"id": "lab", "name": "Labour", "classification": "party"},
        {"id": "con", "name": "Conservative", "classification": "party"},
        {"id": "lib", "name": "Liberal", "classification": "party"},
        {"id": "dem", "name": "Democrat", "classification": "party"},
        {"id": "rep", "name": "Republican", "classification": "party"},
        {"id": "commons", "name": "House of Commons", "classification": "legislature"},
        {"id": "senate", "name": "Senate", "classification": "legislature"},
        {"id": "gov", "name": "Department of Health", "classification": "executive"},
    ],
    "areas": [{"id": a, "name": a.title()} for a in ("eastmoor", "westmoor", "truro", "camborne", "northgate", "southgate", "ohio")],
    "memberships": [
        member("nq", "commons", "lab", "eastmoor", "2010-05-06", "2017-05-03"),
        member("of", "commons", "con", "westmoor", "2005-05-05", "2015-03-30"),
        {"person_id": "of", "organization_id": "gov", "role": "Secretary of State", "start_date": "2012-09-04", "end_date": "2014-07-15"},
        member("hp-old", "commons", "lib", "truro", "1850-01-01", "1857-01-01"),
        member("hp", "commons", "con", "camborne", "2010-05-06", "2015-03-30"),
        member("ja-n", "commons", "lab", "northgate", "2010-05-06", "2015-03-30"),
        member("ja-s", "commons", "con", "southgate", "2010-05-06", "2015-03-30"),
        member("ad", "senate", "dem", "ohio", "2013-01-03", "2019-01-03"),
        member("rt", "senate", "rep", "ohio", "2011-01-03", "2017-01-03"),
        member("lq", "commons", "lab", "truro", "2010-05-06", "2015-03-30"),
    ],
}


def record_db(folder: Path) -> Database:
    """A new database with the made-up record imported."""
    path = folder / "record.json"
    path.write_text(json.dumps(POPOLO))
    db = open_database(f"sqlite:///{folder / 'record.db'}")
    import_path(db, path)
    return db


DEPOT = (
    "The council voted on Monday to sell the old bus depot on Harbour Road to a housing developer, ending a "
    "campaign by residents who wanted it kept as a market hall. The sale raises four million pounds for the "
    "town's budget and the developer has promised two hundred homes, a third of them for social rent."
)
LIBRARY = (
    "The county plans to close the library on Quay Street in the summer and move its books to the school, "
    "a decision campaigners say leaves the town centre without a public building open in the evenings."
)
# Made-up articles read against the record: a linked MP, a post holder the article never names
# and one it names, a surname alone in and out of its story, a father and his Jr., a switch, the
# first half of a double-barrelled surname in its story.
ARTICLES = [
    ("linked", date(2013, 3, 2), "Labour MP Nadia Quint said the hospital in Eastmoor would stay open.\n\nThe Health Secretary said the budget was fixed."),
    ("named", date(2013, 3, 4), "Orrin Fairbrook visited the hospital in Eastmoor on Friday.\n\nThe Health Secretary said the budget was fixed for three years."),
    ("depot", date(2013, 3, 5), f"Harold Penhallow said the depot sale was rushed.\n\n{DEPOT}"),
    ("depot again", date(2013, 3, 6), f"Mr Penhallow said the council had ignored the residents.\n\n{DEPOT}"),
    ("elsewhere", date(2013, 3, 7), "Mr Penhallow said the ferry timetable would change in the spring, with fewer sailings to the islands."),
    ("son", date(2013, 3, 8), "Orrin Quint Jr. said the bakery would open a second shop."),
    ("father", date(2013, 3, 9), "Orrin Quint said the bakery had been in the family for sixty years."),
    ("switch", date(2013, 3, 11), "Nadia Quint, the Labour MP for Eastmoor, defected to the Liberal Democrats on Monday."),
    ("library", date(2013, 3, 12), f"Morwenna Tregaskis-Vane said the library closure was a mistake.\n\n{LIBRARY}"),
    ("library again", date(2013, 3, 13), f"Ms Tregaskis said the county had not listened to the town.\n\n{LIBRARY}"),
]


def linked_db(folder: Path) -> Database:
    """The record imported, then the made-up articles ingested against it."""
    db = record_db(folder)
    for name, published, text in ARTICLES:
        outcome = ingest_now(Article(text=text, id=name, published=published, title=name), db)
        assert outcome.kind == "stored", outcome
    return db
