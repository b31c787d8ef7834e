"""A small newsroom of made-up articles quoting two people across outlets, stored the way ingest
stores them (linked in their transaction, no spaCy), for the utterance views, API, pages, CLI
and exports. Every sentence here is written for the tests.

- Jane Roe's budget words (FULL), early May: the fullest in Daily One; trimmed in Daily Two;
  the "not" dropped in Daily Three; 40 made 50 in Daily Four; paraphrased in Daily Zero.
  Five outlets, two with different words.
- Jane Roe's railway promise, June: word for word in Daily One and Daily Two (none different).
- John Doe's hospital words, April, a <script> in them: Weekly <b>Five</b> and Daily One, the
  figure changed.
- John Doe's bridge, March: twice in Daily One only (one outlet, so not listed by default).
"""

from datetime import date

from sqlalchemy import select

from crossfloor.store.database import open_database
from crossfloor.store.schema import QuoteRow, UtteranceRow
from tests.link.test_utterances import article, store

FULL = "We will not rule out higher fuel duty this year, because the deficit is 40 billion pounds and still growing."
TRIMMED = "We will not rule out higher fuel duty this year"
DROPPED = "We will rule out higher fuel duty this year, because the deficit is 40 billion pounds"
FIFTY = "We will not rule out higher fuel duty this year, because the deficit is 50 billion pounds"
PARAPHRASE = "she would rule out higher fuel duty this year because of the deficit"
RAILWAY = "The railway will be finished before the next general election, whatever it costs."
HOSPITAL = "The <script>alert('x')</script> hospital budget will rise by 30 percent before the winter comes"
HOSPITAL_CHANGED = "The <script>alert('x')</script> hospital budget will rise by 40 percent before the winter comes"
BRIDGE = "We are going to build the new bridge over the river next spring, come what may."
HOSTILE_OUTLET = "Weekly <b>Five</b>"


def build(url: str) -> dict:
    """Store the newsroom; the ids of its utterances (budget, railway, hospital, bridge) and of
    the quotes by their text."""
    db = open_database(url)
    may = date(2024, 5, 2)
    store(
        db,
        article(f"The minister spoke on radio. «{FULL}» Jane Roe said.", "Daily One", may),
        article(f"Jane Roe said: «{TRIMMED}» on Thursday.", "Daily Two", may),
        article(f"Jane Roe said: «{DROPPED}» on Thursday.", "Daily Three", date(2024, 5, 3)),
        article(f"Jane Roe said: «{FIFTY}» on Thursday.", "Daily Four", date(2024, 5, 3)),
        article(f"Jane Roe said «{PARAPHRASE}» at a rally.", "Daily Zero", may, kind="indirect"),
        article(f"At the depot Jane Roe promised: «{RAILWAY}» The crowd cheered.", "Daily One", date(2024, 6, 10)),
        article(f"Speaking later, Jane Roe repeated: «{RAILWAY}» Nobody asked about the cost.", "Daily Two", date(2024, 6, 10)),
        article(f"The health secretary was asked. «{HOSPITAL}» John Doe said.", HOSTILE_OUTLET, date(2024, 4, 1), speaker="John Doe"),
        article(f"John Doe told the committee: «{HOSPITAL_CHANGED}» and left.", "Daily One", date(2024, 4, 1), speaker="John Doe"),
        article(f"On Monday John Doe said: «{BRIDGE}» to the council.", "Daily One", date(2024, 3, 1), speaker="John Doe"),
        article(f"At the opening John Doe repeated: «{BRIDGE}» to reporters.", "Daily One", date(2024, 3, 2), speaker="John Doe"),
    )
    with db.sessions() as session:
        by_text = {text: (quote_id, utterance_id) for quote_id, text, utterance_id in session.execute(select(QuoteRow.id, QuoteRow.text, QuoteRow.utterance_id))}
        people = dict(session.execute(select(UtteranceRow.id, UtteranceRow.person_id)).all())
    db.engine.dispose()
    ids = {name: by_text[text][1] for name, text in (("budget", FULL), ("railway", RAILWAY), ("hospital", HOSPITAL), ("bridge", BRIDGE))}
    assert None not in ids.values() and len(set(ids.values())) == 4, ids
    return {**ids, "quotes": {text: quote_id for text, (quote_id, _) in by_text.items()}, "jane": people[ids["budget"]], "john": people[ids["hospital"]]}
