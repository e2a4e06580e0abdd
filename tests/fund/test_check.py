"""`forum fund-check`: every total recomputed from the entries agrees, or the command
names what differs and exits 1."""
from forum.extensions import db
from forum.fund.models import EntryKind, Flow, FundEntry
from forum.fund.services import reverse_entry
from tests.fund.conftest import TODAY, disburse, donate


def run(app):
    return app.test_cli_runner().invoke(args=["forum", "fund-check"])


def test_fund_check_passes_when_every_total_agrees_with_the_entries(app, appeal, treasurer,
                                                                    second_treasurer):
    gift = donate(appeal, treasurer, "100")
    donate(appeal, treasurer, "20.50", donor_kind="anonymous")
    reverse_entry(appeal, treasurer, entry_id=gift.id, reason="录错")
    disburse(appeal, treasurer, "10", approved_by=second_treasurer)
    result = run(app)
    assert result.exit_code == 0, result.output
    assert "every total agrees" in result.output


def test_fund_check_reports_entries_written_around_the_services_and_exits_1(app, appeal, treasurer):
    gift = donate(appeal, treasurer, "100")
    db.session.add_all([
        FundEntry(board_id=appeal.board_id, appeal_id=appeal.id, kind=EntryKind.REVERSAL,
                  flow=Flow.IN, amount_fen=-50, occurred_on=TODAY, reverses_id=gift.id,
                  recorded_by_id=treasurer.id),
        FundEntry(board_id=appeal.board_id, appeal_id=appeal.id, kind=EntryKind.DONATION,
                  flow=Flow.IN, amount_fen=-7, occurred_on=TODAY, recorded_by_id=treasurer.id)])
    db.session.commit()
    result = run(app)
    assert result.exit_code == 1
    assert f"entry 2: a reversal that does not mirror entry {gift.id}" in result.output
    assert "entry 3: an amount of -7 fen" in result.output
