"""edit proposals: an edit of a published post that must be reviewed waits in the queue

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('queue_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edit_title', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('edit_body', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('edit_body_html', sa.Text(), nullable=True))
    # Threads recounted before: one with no published post showed -1 replies.
    op.execute("UPDATE thread SET reply_count = 0 WHERE reply_count < 0")


def downgrade():
    with op.batch_alter_table('queue_item', schema=None) as batch_op:
        batch_op.drop_column('edit_body_html')
        batch_op.drop_column('edit_body')
        batch_op.drop_column('edit_title')
