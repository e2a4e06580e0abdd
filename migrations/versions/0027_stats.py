"""stats: daily and monthly summary rows of the public figures, today's visitor hashes

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05 13:13:05.892544

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('site_day',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('hits', sa.Integer(), nullable=False),
    sa.Column('uniques', sa.Integer(), nullable=False),
    sa.Column('posts', sa.Integer(), nullable=False),
    sa.Column('threads', sa.Integer(), nullable=False),
    sa.Column('members', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_site_day'))
    )
    op.create_table('visitor_day',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('digest', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('day', 'digest', name=op.f('pk_visitor_day'))
    )
    op.create_table('unit_month',
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('threads', sa.Integer(), nullable=False),
    sa.Column('posts', sa.Integer(), nullable=False),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_unit_month_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('month', 'unit_id', name=op.f('pk_unit_month'))
    )
    op.create_table('active_member',
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_active_member_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('month', 'scope', 'user_id', name=op.f('pk_active_member'))
    )
    op.create_table('category_month',
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_category_month_category_id_category'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('month', 'category_id', name=op.f('pk_category_month'))
    )
    op.create_table('board_day',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('hits', sa.Integer(), nullable=False),
    sa.Column('posts', sa.Integer(), nullable=False),
    sa.Column('threads', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_board_day_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('day', 'board_id', name=op.f('pk_board_day'))
    )


def downgrade():
    op.drop_table('board_day')
    op.drop_table('category_month')
    op.drop_table('active_member')
    op.drop_table('unit_month')
    op.drop_table('visitor_day')
    op.drop_table('site_day')
