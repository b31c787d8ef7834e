"""web_resources.feed_id/title/published/attempts (pending pages), alerts.claimed_at (claims)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Pages already in web_resources were fetched, or failed for good: none is pending (status set).
    with op.batch_alter_table('web_resources', schema=None) as batch_op:
        batch_op.add_column(sa.Column('feed_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('title', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('published', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_index('ix_web_resources_feed_id', ['feed_id'], unique=False)
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_column('claimed_at')
    with op.batch_alter_table('web_resources', schema=None) as batch_op:
        batch_op.drop_index('ix_web_resources_feed_id')
        batch_op.drop_column('attempts')
        batch_op.drop_column('published')
        batch_op.drop_column('title')
        batch_op.drop_column('feed_id')
