"""kb_identifiers (a person's ids per scheme, to join sources), kb_memberships.country/region,
events.record (what the reference record shows of a switch)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('kb_identifiers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.String(length=200), nullable=False),
    sa.Column('scheme', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=300), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['kb_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kb_identifiers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_identifiers_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kb_identifiers_source_id'), ['source_id'], unique=False)
        batch_op.create_index('ix_kb_identifiers_scheme_value', ['scheme', 'value'], unique=False)
    # Plain ADD COLUMN: existing memberships keep their rows (their country is unknown until re-imported).
    op.add_column('kb_memberships', sa.Column('country', sa.String(length=10), nullable=True))
    op.add_column('kb_memberships', sa.Column('region', sa.String(length=100), nullable=True))
    op.create_index(op.f('ix_kb_memberships_region'), 'kb_memberships', ['region'], unique=False)
    op.add_column('events', sa.Column('record', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('record')
    op.drop_index(op.f('ix_kb_memberships_region'), table_name='kb_memberships')
    with op.batch_alter_table('kb_memberships', schema=None) as batch_op:
        batch_op.drop_column('region')
        batch_op.drop_column('country')
    op.drop_table('kb_identifiers')
