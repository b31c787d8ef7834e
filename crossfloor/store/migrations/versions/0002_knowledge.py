"""people, copies, canonical events, stories

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 06:19:46.207930
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('surname', sa.String(length=200), nullable=False),
    sa.Column('kb_person', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_kb_person'), ['kb_person'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_surname'), ['surname'], unique=False)

    op.create_table('stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('canonical_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('person', sa.String(length=300), nullable=True),
    sa.Column('from_party', sa.String(length=200), nullable=True),
    sa.Column('to_party', sa.String(length=200), nullable=True),
    sa.Column('seat', sa.String(length=200), nullable=True),
    sa.Column('subtype', sa.String(length=40), nullable=True),
    sa.Column('by', sa.Text(), nullable=True),
    sa.Column('by_party', sa.String(length=200), nullable=True),
    sa.Column('target', sa.String(length=300), nullable=True),
    sa.Column('stance', sa.String(length=10), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=True),
    sa.Column('count', sa.String(length=100), nullable=True),
    sa.Column('against', sa.String(length=300), nullable=True),
    sa.Column('office', sa.Text(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_first', sa.Date(), nullable=True),
    sa.Column('date_last', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('canonical_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_canonical_events_date_first'), ['date_first'], unique=False)
        batch_op.create_index(batch_op.f('ix_canonical_events_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_canonical_events_type'), ['type'], unique=False)

    op.create_table('article_bands',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_bands_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_article_bands_band_hash', ['band', 'hash'], unique=False)

    op.create_table('article_copies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.Column('external_id', sa.String(length=500), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('article_copies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_copies_article_id'), ['article_id'], unique=False)

    op.create_table('article_signatures',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_table('person_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=300), nullable=True),
    sa.Column('party', sa.String(length=200), nullable=True),
    sa.Column('seat', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_mentions_person_id'), ['person_id'], unique=False)

    # Plain ADD COLUMN (not a batch copy): on SQLite a batch copy drops the old table, which
    # with foreign keys on would cascade into its quotes and events.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column, target in (("articles", "story_id", "stories"), ("events", "canonical_id", "canonical_events"), ("quotes", "person_id", "people")):
        if sqlite:  # SQLite adds a column with a reference, but cannot add a constraint later
            op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES {target}(id)")
        else:
            op.add_column(table, sa.Column(column, sa.Integer(), sa.ForeignKey(f"{target}.id", name=f"fk_{table}_{column}"), nullable=True))
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)

    # Full-text search over quotes and sentences: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
    if sqlite:
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, ref_id UNINDEXED, article_id UNINDEXED, start UNINDEXED, tokenize = 'porter unicode61')")
    else:
        op.execute(
            "CREATE TABLE search_index (id SERIAL PRIMARY KEY, kind VARCHAR(10) NOT NULL, ref_id INTEGER, "
            "article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, start INTEGER, body TEXT NOT NULL, "
            "tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)"
        )
        op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING GIN (tsv)")
        op.execute("CREATE INDEX ix_search_index_article_id ON search_index (article_id)")



def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
    for table, column in (("quotes", "person_id"), ("events", "canonical_id"), ("articles", "story_id")):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column(column)

    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_mentions_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_mentions_article_id'))

    op.drop_table('person_mentions')
    op.drop_table('article_signatures')
    with op.batch_alter_table('article_copies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_copies_article_id'))

    op.drop_table('article_copies')
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_article_bands_band_hash')
        batch_op.drop_index(batch_op.f('ix_article_bands_article_id'))

    op.drop_table('article_bands')
    with op.batch_alter_table('canonical_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_canonical_events_type'))
        batch_op.drop_index(batch_op.f('ix_canonical_events_person_id'))
        batch_op.drop_index(batch_op.f('ix_canonical_events_date_first'))

    op.drop_table('canonical_events')
    op.drop_table('stories')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_surname'))
        batch_op.drop_index(batch_op.f('ix_people_name'))
        batch_op.drop_index(batch_op.f('ix_people_kb_person'))

    op.drop_table('people')
