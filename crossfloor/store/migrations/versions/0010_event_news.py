"""events.news: reported as new (true), background (false) or unknown (NULL), out of details

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENTS = sa.table('events', sa.column('id', sa.Integer()), sa.column('details', sa.JSON(none_as_null=True)), sa.column('news', sa.Boolean()))


def upgrade() -> None:
    # Events stored with a news verdict kept it in details: it moves to the column (NULL, unknown, otherwise).
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('news', sa.Boolean(), nullable=True))
    conn = op.get_bind()
    for event_id, details in conn.execute(sa.select(EVENTS.c.id, EVENTS.c.details).where(EVENTS.c.details.is_not(None))).all():
        if isinstance(details, dict) and 'news' in details:
            news = details.pop('news')
            conn.execute(EVENTS.update().where(EVENTS.c.id == event_id).values(news=news, details=details or None))


def downgrade() -> None:
    conn = op.get_bind()
    for event_id, details, news in conn.execute(sa.select(EVENTS.c.id, EVENTS.c.details, EVENTS.c.news).where(EVENTS.c.news.is_not(None))).all():
        conn.execute(EVENTS.update().where(EVENTS.c.id == event_id).values(details={**(details or {}), 'news': news}))
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('news')
