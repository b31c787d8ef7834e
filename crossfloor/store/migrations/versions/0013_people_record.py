"""people.kb_evidence (what tied a person to their reference record), quotes.speaker_suggested
(the holder of the post or seat a speaker is described by, when the article never names them)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: stored people and quotes keep their rows (no evidence, no suggestion).
    op.add_column('people', sa.Column('kb_evidence', sa.JSON(none_as_null=True), nullable=True))
    op.add_column('quotes', sa.Column('speaker_suggested', sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_column('speaker_suggested')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('kb_evidence')
