"""quotes.act: said or thought (a word of belief or intention)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 12:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('act', sa.String(length=10), nullable=True))
        batch_op.create_index(batch_op.f('ix_quotes_act'), ['act'], unique=False)
    # Quotes stored before this revision come from a pipeline that kept only what was said.
    op.execute("UPDATE quotes SET act = 'said'")


def downgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_act'))
        batch_op.drop_column('act')
