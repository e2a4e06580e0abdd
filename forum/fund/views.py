"""The public ledger's pages: the board's figures and appeals, an appeal's figures and
ledger (the board type's pages), the fund's ledger, its CSV file and the /stats section."""
from flask import current_app, render_template, request
from flask_babel import gettext as _

from forum import hooks
from forum.csvfile import csv_download
from forum.fund import bp, queries
from forum.fund.access import is_treasurer
from forum.fund.loaders import load_fund
from forum.fund.models import Channel, DonorKind, EntryKind, Flow
from forum.fund.money import plain_yuan
from forum.pages import check_in_range, page_count, requested_page
from forum.urls import parse_int

CHART_HEIGHT = 160  # the tallest bar of the month chart, in the SVG's units


def board_values(board, user):
    """The board page's values: the fund's totals, its appeals' and the month chart."""
    appeals = queries.appeals_of(board)
    totals = queries.appeals_totals([a.id for a in appeals.values()])
    treasurer = is_treasurer(user, board)
    return {"fund": queries.board_totals(board), "appeals": appeals, "appeal_totals": totals,
            "chart": month_chart(queries.by_month(board)), "treasurer": treasurer,
            "waiting": len(queries.pending_disbursements(board)) if treasurer else 0}


def appeal_values(thread, user):
    """An appeal's values on its thread page: target, totals and a page of its ledger."""
    appeal = queries.appeal_of_thread(thread.id)
    if appeal is None:
        return {"appeal": None}
    page = parse_int(request.args.get("entries", "1"), low=1) or 1
    pages, entries = _ledger(thread.board, page, appeal)
    return {"appeal": appeal, "totals": queries.appeal_totals(appeal), "entries": entries,
            "reversed_by": queries.reversed_by(entries), "entries_page": page,
            "entries_pages": pages, "treasurer": is_treasurer(user, thread.board)}


@bp.get("/fund/<slug>/ledger")
def ledger(slug):
    board = load_fund(slug)
    page = requested_page()
    pages, entries = _ledger(board, page)
    return render_template("fund/ledger.html", board=board, entries=entries, page=page,
                           pages=pages, reversed_by=queries.reversed_by(entries),
                           fund=queries.board_totals(board),
                           chart=month_chart(queries.by_month(board)))


@bp.get("/fund/<slug>/ledger.csv")
def ledger_csv(slug):
    board = load_fund(slug)
    entries = queries.all_shown(board)
    return csv_download(f"{board.slug}-ledger.csv", lambda writer: _fill(writer, entries))


@hooks.section("stats")
def stats_section():
    """The care funds' totals on /stats (amounts in fen); also the CSV table "funds"."""
    boards = queries.fund_boards()
    if not boards:
        return None
    totals = queries.boards_totals([board.id for board in boards])
    funds = [{"id": b.id, "slug": b.slug, "name": b.name, "given": totals[b.id].given,
              "spent": totals[b.id].spent, "balance": totals[b.id].balance,
              "donations": totals[b.id].donations} for b in boards]
    return "fund/stats.html", {"funds": funds, "tables": {"funds": funds}}


def month_chart(months):
    """The month chart's bars: each month's in and out, and their heights."""
    top = max([max(given, spent) for _y, _m, given, spent in months] or [0]) or 1
    return [{"label": f"{year}-{month:02d}", "in": given, "out": spent,
             "in_height": round(CHART_HEIGHT * given / top),
             "out_height": round(CHART_HEIGHT * spent / top)}
            for year, month, given, spent in months]


def _ledger(board, page, appeal=None):
    per_page = current_app.config["POSTS_PER_PAGE"]
    pages = page_count(queries.ledger_count(board, appeal), per_page)
    check_in_range(page, pages)
    return pages, queries.ledger_page(board, page, per_page, appeal)


def _fill(writer, entries):
    writer.writerow([_("Entry"), _("Date"), _("Appeal"), _("Kind"), _("In or out"),
                     _("Amount (yuan)"), _("Donor"), _("Channel"), _("Receipt number"),
                     _("Approval reference"), _("Purpose"), _("Recipient"), _("Reverses entry"),
                     _("Reason"), _("Recorded by"), _("Approved by")])
    for e in entries:
        # The amount is written unsigned beside its direction: a cell starting with "-"
        # would be defused into text by forum.csvfile.
        direction = Flow.IN if e.effect_fen > 0 else Flow.OUT
        writer.writerow([e.id, e.occurred_on.isoformat(), e.appeal.thread.title,
                         EntryKind(e.kind).label, direction.label, plain_yuan(abs(e.effect_fen)),
                         donor(e), e.channel and Channel(e.channel).label, e.receipt_number,
                         e.approval_ref, e.purpose, e.recipient, e.reverses_id, e.reason,
                         e.recorded_by.name, e.approval.approved_by.name if e.approval else ""])


def donor(entry):
    """How a donor is shown: the name, or 匿名 (nothing else is stored for them)."""
    if entry.donor_kind is None:
        return ""
    return entry.donor_name or DonorKind(entry.donor_kind).label
