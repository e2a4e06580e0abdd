"""`forum fund-check`: recompute every total from the ledger's entries, one by one in
Python, and compare with the totals the pages show (summed in SQL); also check that each
reversal mirrors its entry and each approval is a second person's. Exit 1 on any
difference."""
import click
from flask.cli import with_appcontext
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.fund import queries
from forum.fund.models import EntryKind, Flow, FundAppeal, FundEntry


def recomputed(entries):
    """{("board"|"appeal", id): Totals} summed entry by entry over shown entries."""
    sums = {}
    for entry in entries:
        if entry.kind == EntryKind.DISBURSEMENT and entry.approval is None:
            continue
        for key in (("board", entry.board_id), ("appeal", entry.appeal_id)):
            given, spent, donations = sums.get(key, (0, 0, 0))
            if entry.flow == Flow.IN:
                given += entry.amount_fen
                donations += 1 if entry.kind == EntryKind.DONATION else -1
            else:
                spent += entry.amount_fen
            sums[key] = (given, spent, donations)
    return {key: queries.Totals(*value) for key, value in sums.items()}


def differences():
    """Sentences naming each total that differs and each entry that breaks a rule."""
    entries = db.session.execute(db.select(FundEntry).options(
        selectinload(FundEntry.approval))).scalars().all()
    by_id = {entry.id: entry for entry in entries}
    found = [*_entry_faults(entries, by_id)]
    expected = recomputed(entries)
    appeals = db.session.execute(db.select(FundAppeal.id, FundAppeal.board_id)).all()
    shown = {("appeal", k): v for k, v in queries.appeals_totals([a for a, _b in appeals]).items()}
    boards = sorted({b for _a, b in appeals} | {e.board_id for e in entries})
    shown.update({("board", k): v for k, v in queries.boards_totals(boards).items()})
    for key, totals in sorted(shown.items()):
        if totals != expected.get(key, queries.Totals()):
            found.append(f"{key[0]} {key[1]}: shown {totals}, entries sum to "
                         f"{expected.get(key, queries.Totals())}")
    return found


def _entry_faults(entries, by_id):
    for entry in entries:
        if entry.kind == EntryKind.REVERSAL:
            target = by_id.get(entry.reverses_id)
            if (target is None or target.kind == EntryKind.REVERSAL
                    or target.appeal_id != entry.appeal_id or target.flow != entry.flow
                    or target.amount_fen != -entry.amount_fen):
                yield f"entry {entry.id}: a reversal that does not mirror entry {entry.reverses_id}"
        elif entry.amount_fen <= 0:
            yield f"entry {entry.id}: an amount of {entry.amount_fen} fen"
        if entry.approval is not None and entry.approval.approved_by_id == entry.recorded_by_id:
            yield f"entry {entry.id}: approved by the one who recorded it"


@click.command("fund-check")
@with_appcontext
def fund_check():
    """Recompute the care fund's totals from its entries; exit 1 on any difference."""
    found = differences()
    for line in found:
        click.echo(line)
    if found:
        raise SystemExit(1)
    click.echo("fund ledger: every total agrees with its entries")
