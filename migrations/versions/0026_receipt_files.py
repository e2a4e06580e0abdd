"""receipt_files: the optional file a unit sends with 已落实, an attachment kept by the receipt

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05 13:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kept_by', sa.String(length=20), nullable=True))
    with op.batch_alter_table('receipt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('file_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_receipt_file_id_attachment'), 'attachment',
                                    ['file_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_receipt_file_id'), ['file_id'], unique=False)


def downgrade():
    with op.batch_alter_table('receipt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receipt_file_id'))
        batch_op.drop_constraint(batch_op.f('fk_receipt_file_id_attachment'), type_='foreignkey')
        batch_op.drop_column('file_id')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_column('kept_by')
