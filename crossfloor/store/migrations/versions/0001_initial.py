"""articles, quotes, events and reference data

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 06:18:27.995340
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('external_id', sa.String(length=500), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_content_hash'), ['content_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)

    op.create_table('kb_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('format', sa.String(length=40), nullable=False),
    sa.Column('covers_until', sa.Date(), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('path')
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('trigger', sa.String(length=200), nullable=True),
    sa.Column('person', sa.String(length=300), nullable=True),
    sa.Column('from_party', sa.String(length=200), nullable=True),
    sa.Column('to_party', sa.String(length=200), nullable=True),
    sa.Column('seat', sa.String(length=200), nullable=True),
    sa.Column('subtype', sa.String(length=40), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
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
    sa.Column('date_text', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.Column('kb_person', sa.String(length=200), nullable=True),
    sa.Column('quote_ids', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_date_first'), ['date_first'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_person'), ['person'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type'), ['type'], unique=False)

    op.create_table('kb_areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['kb_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kb_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_areas_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_areas_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_areas_source_id'), ['source_id'], unique=False)

    op.create_table('kb_memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('party', sa.String(length=200), nullable=True),
    sa.Column('seat', sa.String(length=200), nullable=True),
    sa.Column('house', sa.String(length=40), nullable=True),
    sa.Column('start_reason', sa.String(length=60), nullable=True),
    sa.Column('end_reason', sa.String(length=60), nullable=True),
    sa.Column('person_id', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['kb_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kb_memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_memberships_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_memberships_seat'), ['seat'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_memberships_source_id'), ['source_id'], unique=False)

    op.create_table('kb_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('surname', sa.String(length=200), nullable=False),
    sa.Column('person_id', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['kb_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kb_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_names_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_names_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_names_surname'), ['surname'], unique=False)

    op.create_table('kb_persons',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['kb_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kb_persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_persons_source_id'), ['source_id'], unique=False)

    op.create_table('kb_posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('person_id', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['kb_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kb_posts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_posts_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_posts_source_id'), ['source_id'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('cue', sa.String(length=200), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_start', sa.Integer(), nullable=True),
    sa.Column('speaker_end', sa.Integer(), nullable=True),
    sa.Column('speaker_resolved', sa.String(length=300), nullable=True),
    sa.Column('speaker_role', sa.String(length=300), nullable=True),
    sa.Column('speaker_party', sa.String(length=100), nullable=True),
    sa.Column('speaker_seat', sa.String(length=200), nullable=True),
    sa.Column('venue', sa.String(length=300), nullable=True),
    sa.Column('utterance', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_quotes_article_start', ['article_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_speaker_resolved'), ['speaker_resolved'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_speaker_resolved'))
        batch_op.drop_index('ix_quotes_article_start')
        batch_op.drop_index(batch_op.f('ix_quotes_article_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('kb_posts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kb_posts_source_id'))
        batch_op.drop_index(batch_op.f('ix_kb_posts_person_id'))

    op.drop_table('kb_posts')
    with op.batch_alter_table('kb_persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kb_persons_source_id'))

    op.drop_table('kb_persons')
    with op.batch_alter_table('kb_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kb_names_surname'))
        batch_op.drop_index(batch_op.f('ix_kb_names_source_id'))
        batch_op.drop_index(batch_op.f('ix_kb_names_person_id'))

    op.drop_table('kb_names')
    with op.batch_alter_table('kb_memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kb_memberships_source_id'))
        batch_op.drop_index(batch_op.f('ix_kb_memberships_seat'))
        batch_op.drop_index(batch_op.f('ix_kb_memberships_person_id'))

    op.drop_table('kb_memberships')
    with op.batch_alter_table('kb_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kb_areas_source_id'))
        batch_op.drop_index(batch_op.f('ix_kb_areas_name'))
        batch_op.drop_index(batch_op.f('ix_kb_areas_area_id'))

    op.drop_table('kb_areas')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type'))
        batch_op.drop_index(batch_op.f('ix_events_person'))
        batch_op.drop_index(batch_op.f('ix_events_date_first'))
        batch_op.drop_index(batch_op.f('ix_events_article_id'))

    op.drop_table('events')
    op.drop_table('kb_sources')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_content_hash'))

    op.drop_table('articles')
