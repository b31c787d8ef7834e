"""quotes.speaker_kind and people.kind: sources typed as people, organisations, roles or groups

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('speaker_kind', sa.String(length=20), nullable=True))
    # Quotes stored before this revision keep an unknown kind; their people stay people.
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='person'))
        batch_op.create_index(batch_op.f('ix_people_kind'), ['kind'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_kind'))
        batch_op.drop_column('kind')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_column('speaker_kind')
