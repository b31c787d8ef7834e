"""Which failed constraint is a duplicate (another writer stored it first) and which is a row
the store cannot take (store/database.py `unique_violation`)."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from crossfloor.store.database import unique_violation


@pytest.mark.parametrize(
    "insert, duplicate",
    [
        ("insert into t (id, a, b) values (2, 1, 1)", True),  # the unique column again
        ("insert into t (id, a, b) values (1, 2, 1)", True),  # the primary key again
        ("insert into t (id, a, b) values (3, 3, null)", False),  # NOT NULL
        ("insert into child (parent) values (99)", False),  # a foreign key to nothing
    ],
)
def test_only_a_unique_constraint_is_a_duplicate(insert, duplicate):
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        conn.exec_driver_sql("pragma foreign_keys = on")
        conn.execute(text("create table t (id integer primary key, a integer unique, b integer not null)"))
        conn.execute(text("create table child (parent integer references t (id))"))
        conn.execute(text("insert into t (id, a, b) values (1, 1, 1)"))
        with pytest.raises(IntegrityError) as failed:
            conn.execute(text(insert))
    assert unique_violation(failed.value) is duplicate
