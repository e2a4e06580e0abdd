"""counters the writes keep, so the index counts no rows (today's posts per board, members); site pins indexed alone

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 10:40:00

"""
from alembic import op
import sqlalchemy as sa

from forum.dates import local_today, today_start_utc


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

PINNED = sa.text("pin_scope IS NOT NULL")


def upgrade():
    op.create_table('site_counter',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.add_column(sa.Column('today_posts', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('today_on', sa.Date(), nullable=True))
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.drop_index('ix_thread_site_pins')
        batch_op.create_index('ix_thread_site_pins', ['pin_scope'], unique=False,
                              sqlite_where=PINNED, postgresql_where=PINNED)
    # Start the counters from the rows, as `forum recount` would (the app is configured:
    # Flask-Migrate runs this inside it, so "today" is the forum's time zone's).
    op.execute(sa.text("INSERT INTO site_counter (name, value) SELECT 'members', count(id) FROM \"user\""))
    op.execute(sa.text("""
        UPDATE board SET today_on = :today, today_posts = (
            SELECT count(post.id) FROM post JOIN thread ON thread.id = post.thread_id
            WHERE thread.board_id = board.id AND thread.status = 'published'
              AND post.status = 'published' AND post.created_at >= :start)
    """).bindparams(today=local_today(), start=today_start_utc()))


def downgrade():
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.drop_index('ix_thread_site_pins', sqlite_where=PINNED, postgresql_where=PINNED)
        batch_op.create_index('ix_thread_site_pins', ['pin_scope'], unique=False)
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_column('today_on')
        batch_op.drop_column('today_posts')
    op.drop_table('site_counter')
