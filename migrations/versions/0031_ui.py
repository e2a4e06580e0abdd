"""thread listing: indexes for the board page's other orders and its unanswered filter

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-05 14:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0031'
down_revision = '0030'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.create_index('ix_thread_started', ['board_id', 'status', 'is_pinned', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_thread_replies', ['board_id', 'status', 'is_pinned', 'reply_count', 'last_post_at', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.drop_index('ix_thread_replies')
        batch_op.drop_index('ix_thread_started')
