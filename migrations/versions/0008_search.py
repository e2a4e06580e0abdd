"""search: PostgreSQL full-text column for the search backend

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 07:50:00

On PostgreSQL, post.search_vector holds jieba-segmented words (forum/search/postgres.py)
behind a GIN index; its statistics target is raised so the planner sees how rare a rare
word is (newest-first searches on rare words take ~370 ms otherwise, DESIGN §8). On
SQLite the Whoosh index in the instance folder is used instead, and nothing changes here.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE post ADD COLUMN search_vector tsvector")
    op.execute("ALTER TABLE post ALTER COLUMN search_vector SET STATISTICS 1000")
    op.execute("CREATE INDEX ix_post_search_vector ON post USING gin (search_vector)")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_post_search_vector")
    op.execute("ALTER TABLE post DROP COLUMN search_vector")
