"""identity: username skeletons for look-alike names, display names awaiting approval

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 04:30:00

"""
from alembic import op
import sqlalchemy as sa

from forum.auth.names import skeleton

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

user = sa.table('user', sa.column('id', sa.Integer), sa.column('username', sa.String),
                sa.column('username_skeleton', sa.String))


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('username_skeleton', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('pending_display_name', sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f('ix_user_username_skeleton'), ['username_skeleton'])
    connection = op.get_bind()
    for row in connection.execute(sa.select(user.c.id, user.c.username)).all():
        connection.execute(user.update().where(user.c.id == row.id)
                           .values(username_skeleton=skeleton(row.username)[:20]))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_username_skeleton'))
        batch_op.drop_column('pending_display_name')
        batch_op.drop_column('username_skeleton')
