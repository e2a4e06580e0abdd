"""Reads of the ledger. Every total is a SUM over integer fen in SQL, the same on SQLite
and PostgreSQL; an entry counts once it is shown (a disbursement once approved)."""
from dataclasses import dataclass

from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.reads import read
from forum.fund.models import EntryKind, Flow, FundAppeal, FundApproval, FundEntry
from forum.models import Board, BoardTypeKey


@dataclass(frozen=True)
class Totals:
    """Given, spent and the number of donations (a reversed donation no longer counts)."""

    given: int = 0
    spent: int = 0
    donations: int = 0

    @property
    def balance(self):
        return self.given - self.spent


def _fen(condition):
    return db.cast(db.func.coalesce(db.func.sum(
        db.case((condition, FundEntry.amount_fen), else_=0)), 0), db.BigInteger)


_DONATIONS = db.cast(db.func.coalesce(db.func.sum(db.case(
    (FundEntry.kind == EntryKind.DONATION, 1),
    (db.and_(FundEntry.kind == EntryKind.REVERSAL, FundEntry.flow == Flow.IN), -1),
    else_=0)), 0), db.BigInteger)


def shown():
    """The condition "this entry shows and counts": all but unapproved disbursements."""
    return db.or_(FundEntry.kind != EntryKind.DISBURSEMENT, FundApproval.id.is_not(None))


def _shown_entries(*columns):
    return (db.select(*columns)
            .outerjoin(FundApproval, FundApproval.entry_id == FundEntry.id).where(shown()))


def _totals(column):
    money_in, money_out = _fen(FundEntry.flow == Flow.IN), _fen(FundEntry.flow == Flow.OUT)
    return (_shown_entries(column, money_in, money_out, _DONATIONS)
            .where(column.in_(db.bindparam("keys", expanding=True))).group_by(column))


# Built once and run through Core (forum/reads.py): the board index reads the funds'
# totals on every build, and building this select costs more than running it.
_BY_BOARD, _BY_APPEAL = _totals(FundEntry.board_id), _totals(FundEntry.appeal_id)


def totals_by(statement, keys):
    """{key: Totals} of the shown entries by board or appeal id (_BY_BOARD, _BY_APPEAL)."""
    rows = read(statement, {"keys": list(keys)}).all()
    found = {key: Totals(given, spent, donations) for key, given, spent, donations in rows}
    return {key: found.get(key, Totals()) for key in keys}


def boards_totals(board_ids):
    return totals_by(_BY_BOARD, board_ids)


def appeals_totals(appeal_ids):
    return totals_by(_BY_APPEAL, appeal_ids)


def board_totals(board):
    return boards_totals([board.id])[board.id]


def appeal_totals(appeal):
    return appeals_totals([appeal.id])[appeal.id]


def by_month(board, months=24):
    """[(year, month, in, out)] of the board's shown entries, oldest first, the last
    `months` months that have any."""
    year = db.extract("year", FundEntry.occurred_on)
    month = db.extract("month", FundEntry.occurred_on)
    money_in, money_out = _fen(FundEntry.flow == Flow.IN), _fen(FundEntry.flow == Flow.OUT)
    rows = db.session.execute(
        _shown_entries(year, month, money_in, money_out)
        .where(FundEntry.board_id == board.id).group_by(year, month)
        .order_by(year.desc(), month.desc()).limit(months)).all()
    return [(int(y), int(m), given, spent) for y, m, given, spent in reversed(rows)]


def ledger_count(board, appeal=None):
    return db.session.execute(_shown_entries(db.func.count(FundEntry.id))
                              .where(*_of(board, appeal))).scalar_one()


def ledger_page(board, page, per_page, appeal=None):
    """One page of the shown entries, newest first."""
    return db.session.execute(_ledger(board, appeal).limit(per_page)
                              .offset((page - 1) * per_page)).unique().scalars().all()


def all_shown(board, appeal=None):
    """Every shown entry, newest first (the CSV download)."""
    return db.session.execute(_ledger(board, appeal)).unique().scalars().all()


def _ledger(board, appeal):
    """The shown entries, newest first, with their appeal's thread, recorder and approval."""
    return (_shown_entries(FundEntry).where(*_of(board, appeal))
            .options(joinedload(FundEntry.appeal).joinedload(FundAppeal.thread),
                     joinedload(FundEntry.recorded_by),
                     joinedload(FundEntry.approval).joinedload(FundApproval.approved_by))
            .order_by(FundEntry.id.desc()))


def reversed_by(entries):
    """{entry id: id of the reversal that corrects it} for these entries."""
    ids = [entry.id for entry in entries if entry.kind != EntryKind.REVERSAL]
    if not ids:
        return {}
    return dict(db.session.execute(db.select(FundEntry.reverses_id, FundEntry.id)
                                   .where(FundEntry.reverses_id.in_(ids))).all())


def pending_disbursements(board):
    """Disbursements recorded on the board and waiting for a second person's approval."""
    return db.session.execute(
        db.select(FundEntry).outerjoin(FundApproval, FundApproval.entry_id == FundEntry.id)
        .options(joinedload(FundEntry.appeal).joinedload(FundAppeal.thread),
                 joinedload(FundEntry.recorded_by))
        .where(FundEntry.board_id == board.id, FundEntry.kind == EntryKind.DISBURSEMENT,
               FundApproval.id.is_(None)).order_by(FundEntry.id)).scalars().all()


def appeals_of(board):
    """{thread id: FundAppeal} of the board's appeals."""
    appeals = db.session.execute(db.select(FundAppeal).where(FundAppeal.board_id == board.id))
    return {appeal.thread_id: appeal for appeal in appeals.scalars()}


def appeal_of_thread(thread_id):
    return db.session.execute(db.select(FundAppeal).where(FundAppeal.thread_id == thread_id)
                              ).scalar_one_or_none()


def fund_boards():
    """Every board of the fund type, in index order."""
    return db.session.execute(db.select(Board).where(Board.type == BoardTypeKey.FUND)
                              .order_by(Board.position, Board.id)).scalars().all()


def _of(board, appeal):
    return [FundEntry.appeal_id == appeal.id] if appeal else [FundEntry.board_id == board.id]
