"""letter attachments: a letter's files have no uploader

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 11:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.alter_column('uploader_id', existing_type=sa.Integer(), nullable=True)


def downgrade():
    op.execute("DELETE FROM attachment WHERE uploader_id IS NULL")
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.alter_column('uploader_id', existing_type=sa.Integer(), nullable=False)
