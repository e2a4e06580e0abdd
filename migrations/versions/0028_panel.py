"""panel: archived categories and boards, accounts that must change their first password,
indexes for the admin home's counts

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05 13:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
    op.create_index('ix_queue_item_status', 'queue_item', ['status'], unique=False)
    op.create_index('ix_report_status', 'report', ['status'], unique=False)
    op.create_index('ix_letter_state', 'letter', ['state'], unique=False)


def downgrade():
    op.drop_index('ix_letter_state', table_name='letter')
    op.drop_index('ix_report_status', table_name='report')
    op.drop_index('ix_queue_item_status', table_name='queue_item')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_column('archived_at')
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.drop_column('archived_at')
