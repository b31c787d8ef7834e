"""kb_sources.etag and kb_sources.last_modified: what the publisher said of a file `crossfloor kb
fetch` downloaded, for conditional requests (a source fetched from a url has the url as its path)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('kb_sources', sa.Column('etag', sa.String(length=500), nullable=True))
    op.add_column('kb_sources', sa.Column('last_modified', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('kb_sources', schema=None) as batch_op:
        batch_op.drop_column('last_modified')
        batch_op.drop_column('etag')
