"""branch: Party branches, memberships, branch threads, 三会一课 meetings, attendance, transfer enquiries

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05 10:31:02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('party_branch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('secretary_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_party_branch_board_id_board')),
    sa.ForeignKeyConstraint(['secretary_id'], ['user.id'], name=op.f('fk_party_branch_secretary_id_user')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_party_branch_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_branch'))
    )
    with op.batch_alter_table('party_branch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_branch_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_branch_unit_id'), ['unit_id'], unique=False)

    op.create_table('branch_thread',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['party_branch.id'], name=op.f('fk_branch_thread_branch_id_party_branch')),
    sa.ForeignKeyConstraint(['thread_id'], ['thread.id'], name=op.f('fk_branch_thread_thread_id_thread')),
    sa.PrimaryKeyConstraint('thread_id', name=op.f('pk_branch_thread'))
    )
    with op.batch_alter_table('branch_thread', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_branch_thread_branch_id'), ['branch_id'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('minutes', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['party_branch.id'], name=op.f('fk_meeting_branch_id_party_branch')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_meeting_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_branch_id'), ['branch_id'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('home', sa.String(length=100), nullable=False),
    sa.Column('refusal', sa.String(length=200), nullable=False),
    sa.Column('mobile', sa.Boolean(), nullable=False),
    sa.Column('mobile_where', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['party_branch.id'], name=op.f('fk_membership_branch_id_party_branch')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_membership_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('branch_id', 'user_id', name=op.f('uq_membership_branch_id'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_user_id'), ['user_id'], unique=False)

    op.create_table('transfer_enquiry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['party_branch.id'], name=op.f('fk_transfer_enquiry_branch_id_party_branch')),
    sa.ForeignKeyConstraint(['member_id'], ['user.id'], name=op.f('fk_transfer_enquiry_member_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer_enquiry'))
    )
    with op.batch_alter_table('transfer_enquiry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_enquiry_member_id'), ['member_id'], unique=False)
        batch_op.create_index('ix_transfer_enquiry_queue', ['branch_id', 'state'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('presence', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_attendance_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_attendance_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'user_id', name=op.f('uq_attendance_meeting_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_user_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_meeting_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('transfer_enquiry', schema=None) as batch_op:
        batch_op.drop_index('ix_transfer_enquiry_queue')
        batch_op.drop_index(batch_op.f('ix_transfer_enquiry_member_id'))

    op.drop_table('transfer_enquiry')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_user_id'))
        batch_op.drop_index(batch_op.f('ix_membership_branch_id'))

    op.drop_table('membership')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_branch_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('branch_thread', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_branch_thread_branch_id'))

    op.drop_table('branch_thread')
    with op.batch_alter_table('party_branch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_branch_unit_id'))
        batch_op.drop_index(batch_op.f('ix_party_branch_board_id'))

    op.drop_table('party_branch')
