"""sealed letters: delete the notifications that named a whistleblower letter's writer

Each step of a whistleblower letter used to store a notification for its writer that
led to the letter; such rows name the writer of a sealed letter in clear. The writer
now reads their news on My letters, so the rows go. (Digests already mailed cannot be
called back.)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 04:30:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM notification WHERE kind = 'letter_state' AND url IN "
               "(SELECT '/letters/' || id FROM letter WHERE writer_sealed IS NOT NULL)")


def downgrade():
    pass  # what was deleted named whistleblowers; it is not brought back
