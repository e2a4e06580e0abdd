"""one open study session per account: a unique partial index on study_session

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 04:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

OPEN = sa.text("ended_at IS NULL")


def upgrade():
    # Sessions opened in parallel before the index existed: keep each account's newest
    # open one; the others end as replaced and lose their unchecked time, as they would now.
    op.execute("""
        UPDATE study_session SET ended_at = last_beat_at, end_reason = 'replaced',
               unchecked_seconds = 0
        WHERE ended_at IS NULL AND id NOT IN (
            SELECT MAX(id) FROM study_session WHERE ended_at IS NULL GROUP BY user_id)
    """)
    with op.batch_alter_table('study_session', schema=None) as batch_op:
        batch_op.create_index('uq_study_session_open_user', ['user_id'], unique=True,
                              sqlite_where=OPEN, postgresql_where=OPEN)


def downgrade():
    with op.batch_alter_table('study_session', schema=None) as batch_op:
        batch_op.drop_index('uq_study_session_open_user', sqlite_where=OPEN, postgresql_where=OPEN)
