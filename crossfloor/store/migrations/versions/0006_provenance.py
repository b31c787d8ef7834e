"""quotes.found_by/resolved_by and events.found_by/filled_by: which rule produced each fact

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Facts stored before this revision keep an unknown provenance (NULL).
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('found_by', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('resolved_by', sa.String(length=60), nullable=True))
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('found_by', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('filled_by', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('filled_by')
        batch_op.drop_column('found_by')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_column('resolved_by')
        batch_op.drop_column('found_by')
