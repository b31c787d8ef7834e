"""utterances: one utterance across outlets (its fullest wording, how many outlets render it,
how many with other words, the kinds of change); quotes.utterance_id and quotes.rendering (how a
quote differs from its utterance's fullest wording)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'utterances',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('quote_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('first_published', sa.Date(), nullable=True),
        sa.Column('last_published', sa.Date(), nullable=True),
        sa.Column('renderings', sa.Integer(), nullable=False),
        sa.Column('outlets', sa.Integer(), nullable=False),
        sa.Column('different', sa.Integer(), nullable=False),
        sa.Column('changes', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['people.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_utterances_person_first', 'utterances', ['person_id', 'first_published'], unique=False)
    # Stored quotes keep their rows (none renders an utterance until it is linked anew). Plain
    # ADD COLUMN, not a batch copy: on SQLite a batch copy drops the old table, which with
    # foreign keys on would cascade; SQLite adds a column with a reference, never a constraint.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE quotes ADD COLUMN utterance_id INTEGER REFERENCES utterances(id)")
    else:
        op.add_column('quotes', sa.Column('utterance_id', sa.Integer(), sa.ForeignKey('utterances.id', name='fk_quotes_utterance_id'), nullable=True))
    op.add_column('quotes', sa.Column('rendering', sa.JSON(none_as_null=True), nullable=True))
    op.create_index('ix_quotes_utterance_id', 'quotes', ['utterance_id'], unique=False)
    # A speaker's quotes in a window of days, found through the window's articles.
    op.create_index('ix_quotes_person_article', 'quotes', ['person_id', 'article_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_quotes_person_article', table_name='quotes')
    op.drop_index('ix_quotes_utterance_id', table_name='quotes')
    op.drop_column('quotes', 'rendering')
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint('fk_quotes_utterance_id', 'quotes', type_='foreignkey')
    op.drop_column('quotes', 'utterance_id')
    op.drop_index('ix_utterances_person_first', table_name='utterances')
    op.drop_table('utterances')
