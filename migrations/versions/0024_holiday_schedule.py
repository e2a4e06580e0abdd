"""holiday_schedule: the year's holidays and make-up working days entered by the system admin

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('holiday_schedule',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('holidays', sa.JSON(), nullable=False),
    sa.Column('workdays', sa.JSON(), nullable=False),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['entered_by_id'], ['user.id'], name=op.f('fk_holiday_schedule_entered_by_id_user')),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_holiday_schedule'))
    )


def downgrade():
    op.drop_table('holiday_schedule')
