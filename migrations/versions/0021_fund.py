"""fund: appeals, the append-only ledger of entries in fen, approvals of disbursements

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 10:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

# The ledger is append-only in the database itself: no UPDATE and no DELETE, ever (a
# mistake is corrected by a reversing entry, DESIGN §4).
APPEND_ONLY = ("fund_entry", "fund_approval")
PG_FUNCTION = """
CREATE FUNCTION forbid_ledger_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$ LANGUAGE plpgsql
"""


def _append_only_triggers():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION forbid_ledger_change()")
        return
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def _drop_append_only_triggers():
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION forbid_ledger_change()")
        return
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")


def upgrade():
    op.create_table('fund_appeal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('target_fen', sa.BigInteger(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('how_to_give', sa.String(length=1000), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_fund_appeal_board_id_board')),
    sa.ForeignKeyConstraint(['thread_id'], ['thread.id'], name=op.f('fk_fund_appeal_thread_id_thread')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_appeal')),
    sa.UniqueConstraint('thread_id', name=op.f('uq_fund_appeal_thread_id'))
    )
    with op.batch_alter_table('fund_appeal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fund_appeal_board_id'), ['board_id'], unique=False)

    op.create_table('fund_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('flow', sa.String(length=3), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('donor_kind', sa.String(length=10), nullable=True),
    sa.Column('donor_name', sa.String(length=100), nullable=True),
    sa.Column('channel', sa.String(length=12), nullable=True),
    sa.Column('receipt_number', sa.String(length=40), nullable=True),
    sa.Column('approval_ref', sa.String(length=60), nullable=True),
    sa.Column('purpose', sa.String(length=200), nullable=True),
    sa.Column('recipient', sa.String(length=100), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['fund_appeal.id'], name=op.f('fk_fund_entry_appeal_id_fund_appeal')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_fund_entry_board_id_board')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_fund_entry_recorded_by_id_user')),
    sa.ForeignKeyConstraint(['reverses_id'], ['fund_entry.id'], name=op.f('fk_fund_entry_reverses_id_fund_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_entry')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_fund_entry_reverses_id'))
    )
    with op.batch_alter_table('fund_entry', schema=None) as batch_op:
        batch_op.create_index('ix_fund_entry_appeal_id_desc', ['appeal_id', 'id'], unique=False)
        batch_op.create_index('ix_fund_entry_board_id_desc', ['board_id', 'id'], unique=False)

    op.create_table('fund_approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=False),
    sa.Column('approved_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user.id'], name=op.f('fk_fund_approval_approved_by_id_user')),
    sa.ForeignKeyConstraint(['entry_id'], ['fund_entry.id'], name=op.f('fk_fund_approval_entry_id_fund_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_approval')),
    sa.UniqueConstraint('entry_id', name=op.f('uq_fund_approval_entry_id'))
    )
    _append_only_triggers()


def downgrade():
    _drop_append_only_triggers()
    op.drop_table('fund_approval')
    with op.batch_alter_table('fund_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_fund_entry_board_id_desc')
        batch_op.drop_index('ix_fund_entry_appeal_id_desc')

    op.drop_table('fund_entry')
    with op.batch_alter_table('fund_appeal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fund_appeal_board_id'))

    op.drop_table('fund_appeal')
