"""indexes that keep looking people up flat as the store grows: people by (kind, surname), a
person's mentions by (person_id, article_id)

Without statistics SQLite read `surname = ? AND kind = 'person'` through the index on kind, which
every person shares, so each lookup scanned the whole people table (50,000 rows after 24,000
articles); and a person's latest mentions were sorted out of all of them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 18:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index('ix_people_kind', table_name='people')
    op.create_index('ix_people_kind_surname', 'people', ['kind', 'surname'], unique=False)
    op.drop_index('ix_person_mentions_person_id', table_name='person_mentions')
    op.create_index('ix_person_mentions_person_article', 'person_mentions', ['person_id', 'article_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_person_mentions_person_article', table_name='person_mentions')
    op.create_index('ix_person_mentions_person_id', 'person_mentions', ['person_id'], unique=False)
    op.drop_index('ix_people_kind_surname', table_name='people')
    op.create_index('ix_people_kind', 'people', ['kind'], unique=False)
