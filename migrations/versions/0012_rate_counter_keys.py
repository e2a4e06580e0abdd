"""rate counters: forget the counters whose keys named addresses and accounts in clear

Keys are now stored as a keyed hash and windows are aligned; the old rows (plain
addresses, first-hit times) would otherwise stay until swept. A counter lives an hour
at most, so forgetting them all only restarts the current windows.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 04:15:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM rate_counter")


def downgrade():
    op.execute("DELETE FROM rate_counter")
