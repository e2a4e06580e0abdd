"""petitions: a petition row per 网络问政 thread of a discussion board, monthly figures per unit

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05 14:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('petition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('petitioner_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('concerned_unit_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('accept_due', sa.Date(), nullable=False),
    sa.Column('answer_due', sa.Date(), nullable=True),
    sa.Column('decline_reason', sa.String(length=16), nullable=True),
    sa.Column('decline_note', sa.String(length=500), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('extension_reason', sa.String(length=500), nullable=True),
    sa.Column('reply_post_id', sa.Integer(), nullable=True),
    sa.Column('days_taken', sa.Integer(), nullable=True),
    sa.Column('on_time', sa.Boolean(), nullable=True),
    sa.Column('rating', sa.String(length=12), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('transferred_at', sa.DateTime(), nullable=True),
    sa.Column('declined_at', sa.DateTime(), nullable=True),
    sa.Column('extended_at', sa.DateTime(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('reopened_at', sa.DateTime(), nullable=True),
    sa.Column('rated_at', sa.DateTime(), nullable=True),
    sa.Column('overdue_notified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_petition_board_id_board')),
    sa.ForeignKeyConstraint(['concerned_unit_id'], ['unit.id'], name=op.f('fk_petition_concerned_unit_id_unit')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['petition.id'], name=op.f('fk_petition_merged_into_id_petition')),
    sa.ForeignKeyConstraint(['petitioner_id'], ['user.id'], name=op.f('fk_petition_petitioner_id_user')),
    sa.ForeignKeyConstraint(['reply_post_id'], ['post.id'], name=op.f('fk_petition_reply_post_id_post')),
    sa.ForeignKeyConstraint(['thread_id'], ['thread.id'], name=op.f('fk_petition_thread_id_thread')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_petition_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_petition')),
    sa.UniqueConstraint('thread_id', name=op.f('uq_petition_thread_id'))
    )
    with op.batch_alter_table('petition', schema=None) as batch_op:
        batch_op.create_index('ix_petition_board_state', ['board_id', 'state', 'created_at'], unique=False)
        batch_op.create_index('ix_petition_unit_state', ['unit_id', 'state', 'created_at'], unique=False)
        batch_op.create_index('ix_petition_state', ['state', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_petition_petitioner_id'), ['petitioner_id'], unique=False)


    op.create_table('petition_month',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('on_time', sa.Integer(), nullable=False),
    sa.Column('days_total', sa.Integer(), nullable=False),
    sa.Column('rated', sa.Integer(), nullable=False),
    sa.Column('satisfied', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_petition_month_unit_id_unit')),
    sa.PrimaryKeyConstraint('unit_id', 'month', name=op.f('pk_petition_month'))
    )


def downgrade():
    op.drop_table('petition_month')
    with op.batch_alter_table('petition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petition_petitioner_id'))
        batch_op.drop_index('ix_petition_state')
        batch_op.drop_index('ix_petition_unit_state')
        batch_op.drop_index('ix_petition_board_state')

    op.drop_table('petition')
