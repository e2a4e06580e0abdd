"""featured (精华) threads and members' own lists: the flag, its filter's index, and
indexes for a member's threads and replies newest first

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-05 16:55:00.000000

"""
from alembic import op
import sqlalchemy as sa

from forum.models.content import FEATURED


# revision identifiers, used by Alembic.
revision = '0033'
down_revision = '0032'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_featured', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index('ix_thread_featured', ['board_id', 'status', 'is_pinned', 'last_post_at', 'id'],
                              unique=False, sqlite_where=FEATURED, postgresql_where=FEATURED)
        # The author's own index replaces the one on author_id alone (its first column).
        batch_op.drop_index('ix_thread_author_id')
        batch_op.create_index('ix_thread_author_created', ['author_id', 'created_at'], unique=False)
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_index('ix_post_author_id')
        batch_op.create_index('ix_post_author_created', ['author_id', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_index('ix_post_author_created')
        batch_op.create_index('ix_post_author_id', ['author_id'], unique=False)
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.drop_index('ix_thread_author_created')
        batch_op.create_index('ix_thread_author_id', ['author_id'], unique=False)
        batch_op.drop_index('ix_thread_featured', sqlite_where=FEATURED, postgresql_where=FEATURED)
        batch_op.drop_column('is_featured')
