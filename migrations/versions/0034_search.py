"""search: a small vector of each post's words for ranking, apart from what matches

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-05 23:05:00

On PostgreSQL, ranking a search's newest 1,001 matches read each post's whole
`search_vector` (words, word pairs and the substring fallback's grams: 2 KB compressed on
average, out of line in TOAST), 30-50 ms a search at 100,000 posts, most of it
decompressing. `post.rank_vector` holds the words alone (no pairs, no grams: about 500
bytes, in the row), derived by PostgreSQL from `search_vector` (a stored generated
column), so every way a vector is written (a post, `forum reindex`, a restore) keeps it
in step and existing vectors need no reindex: adding the column rewrites the table (3.4
minutes at 1,000,000 posts, where `forum reindex` took 17-60). It has no index: it is
only read for posts already found. On SQLite the Whoosh index is used instead, and
nothing changes here.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = "0034"
down_revision = '0033'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    # Grams start with "_" and pairs hold a space (forum/search/postgres.py, text.py).
    op.execute(r"""
        CREATE FUNCTION search_words_of(vector tsvector) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT ts_delete(vector, ARRAY(SELECT lexeme FROM unnest(vector)
                                           WHERE lexeme LIKE '\_%' OR lexeme LIKE '% %'))
        $$""")
    # MAIN: kept in the row (compressed) unless nothing else can go, where EXTENDED sent
    # a third of them to TOAST beside the larger vector.
    op.execute("ALTER TABLE post ADD COLUMN rank_vector tsvector "
               "GENERATED ALWAYS AS (search_words_of(search_vector)) STORED, "
               "ALTER COLUMN rank_vector SET STORAGE MAIN")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE post DROP COLUMN rank_vector")
    op.execute("DROP FUNCTION search_words_of(tsvector)")
