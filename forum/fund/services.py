"""Writes to the fund: start an appeal, record a donation or a disbursement, reverse an
entry, approve a disbursement. Each checks every rule before it adds anything, commits
once and logs who did it (forum.audit) with the amount, never a donor.

There is no service that changes or removes an entry (the ledger is append-only, also
in the database): a mistake is corrected by `reverse_entry`.
"""
from datetime import date

from flask_babel import gettext as _

from forum.audit import log_action
from forum.boards.services import check_not_archived, count_post, validated_announcement
from forum.dates import local_today
from forum.extensions import db
from forum.fund.access import is_treasurer, may_approve
from forum.fund.models import (Channel, DonorKind, EntryKind, Flow, FundAppeal, FundApproval,
                               FundEntry)
from forum.fund.money import money, parse_fen
from forum.fund.queries import appeal_totals
from forum.fund.rules import check_recipient, check_text, identifies
from forum.hooks import post_created
from forum.models import ContentStatus, Post, Thread
from forum.models.base import utcnow
from forum.service import Refused, commit

EARLIEST = date(2000, 1, 1)


def today():
    """The fund's calendar day, Beijing's as every date the forum shows (a function, so
    tests can set it)."""
    return local_today()


def start_appeal(board, treasurer, *, title, body, target, starts_on, ends_on, how_to_give):
    """Start an appeal: a thread whose first post is its text, and its FundAppeal row."""
    _check_treasurer(treasurer, board)
    target_fen = parse_fen(target, field="target")
    starts_on, ends_on = _checked_period(starts_on, ends_on)
    how_to_give = check_text(how_to_give, "how_to_give", 1000)
    draft = validated_announcement(board, treasurer, title, body, _appeal_text_required)
    now = utcnow()
    thread = Thread(board_id=board.id, author_id=treasurer.id, title=draft.title,
                    status=ContentStatus.PUBLISHED, last_number=1, last_post_at=now, created_at=now)
    post = Post(thread=thread, author_id=treasurer.id, number=1, body=draft.body,
                body_html=draft.body_html, status=ContentStatus.PUBLISHED, created_at=now)
    appeal = FundAppeal(thread=thread, board_id=board.id, target_fen=target_fen,
                        starts_on=starts_on, ends_on=ends_on, how_to_give=how_to_give)
    db.session.add_all([thread, post, appeal])
    db.session.flush()
    thread.last_post_id = post.id
    count_post(board, treasurer, post, new_thread=True)
    post_created.send(post, draft=draft, attachments=())
    log_action(treasurer, "fund_appeal", "fund_appeal", appeal.id, board.id, money(target_fen))
    commit()
    return appeal


def record_donation(appeal, treasurer, *, amount, occurred_on, donor_kind, donor_name="",
                    channel, receipt_number):
    """Record a gift to the appeal; an anonymous donor's name is not stored at all."""
    board = appeal.thread.board
    _check_treasurer(treasurer, board)
    check_not_archived(board)
    fen = parse_fen(amount)
    occurred_on = _checked_day(occurred_on)
    if donor_kind not in tuple(DonorKind):
        raise Refused(_("Choose who gave: a person, a unit or anonymous."), field="donor_kind")
    name = None
    if donor_kind != DonorKind.ANONYMOUS:
        name = check_text(donor_name, "donor_name", 100)
    if channel not in tuple(Channel):
        raise Refused(_("Choose how the gift arrived."), field="channel")
    receipt = check_text(receipt_number, "receipt_number", 40)
    entry = FundEntry(board_id=board.id, appeal_id=appeal.id, kind=EntryKind.DONATION,
                      flow=Flow.IN, amount_fen=fen, occurred_on=occurred_on,
                      donor_kind=DonorKind(donor_kind), donor_name=name,
                      channel=Channel(channel), receipt_number=receipt, recorded_by_id=treasurer.id)
    return _recorded(entry, treasurer, "fund_donation")


def record_disbursement(appeal, treasurer, *, amount, occurred_on, approval_ref, purpose,
                        recipient):
    """Record money going out; it shows and counts once another keeper approves it."""
    board = appeal.thread.board
    _check_treasurer(treasurer, board)
    check_not_archived(board)
    fen = parse_fen(amount)
    occurred_on = _checked_day(occurred_on)
    approval_ref = check_text(approval_ref, "approval_ref", 60)
    purpose = check_text(purpose, "purpose", 200)
    if identifies(purpose):
        raise Refused(_("Describe the purpose without identifying anyone: no phone or ID "
                        "number."), field="purpose")
    recipient = check_recipient(recipient)
    _check_balance(_locked(appeal), fen)
    entry = FundEntry(board_id=board.id, appeal_id=appeal.id, kind=EntryKind.DISBURSEMENT,
                      flow=Flow.OUT, amount_fen=fen, occurred_on=occurred_on,
                      approval_ref=approval_ref, purpose=purpose, recipient=recipient,
                      recorded_by_id=treasurer.id)
    return _recorded(entry, treasurer, "fund_disbursement")


def reverse_entry(appeal, treasurer, *, entry_id, reason):
    """Correct entry `entry_id` of this appeal by a reversing entry; both stay shown."""
    board = appeal.thread.board
    check_not_archived(board)
    _check_treasurer(treasurer, board)
    target = _reversible(appeal, entry_id)
    reason = check_text(reason, "reason", 200)
    entry = FundEntry(board_id=board.id, appeal_id=appeal.id, kind=EntryKind.REVERSAL,
                      flow=target.flow, amount_fen=-target.amount_fen, occurred_on=today(),
                      reason=reason, reverses_id=target.id, recorded_by_id=treasurer.id)
    return _recorded(entry, treasurer, "fund_reversal",
                     on_conflict=Refused(_("This entry has already been reversed."), field="entry"))


def approve_disbursement(entry, approver):
    """A second keeper approves a disbursement: from now on it shows and counts."""
    board = entry.appeal.thread.board
    check_not_archived(board)
    _check_treasurer(approver, board)
    if entry.kind != EntryKind.DISBURSEMENT or entry.approval is not None:
        raise Refused(_("Only a disbursement waiting for approval can be approved."))
    if not may_approve(approver, entry, board):
        raise Refused(_("A disbursement is approved by a second person, not by the one who "
                        "recorded it."))
    _check_balance(_locked(entry.appeal), entry.amount_fen)
    approval = FundApproval(entry_id=entry.id, approved_by_id=approver.id)
    db.session.add(approval)
    log_action(approver, "fund_approval", "fund_entry", entry.id, board.id,
               money(entry.amount_fen))
    commit(on_conflict=Refused(_("This disbursement has already been approved.")))
    return approval


def _recorded(entry, treasurer, action, on_conflict=None):
    db.session.add(entry)
    db.session.flush()
    log_action(treasurer, action, "fund_entry", entry.id, entry.board_id,
               _logged_amount(entry))
    commit(on_conflict=on_conflict)
    return entry


def _logged_amount(entry):
    """The log's detail: the amount, and the entry a reversal corrects (never a name)."""
    if entry.reverses_id:
        return f"{money(entry.amount_fen)} (#{entry.reverses_id})"
    return money(entry.amount_fen)


def _reversible(appeal, entry_id):
    target = db.session.get(FundEntry, entry_id) if entry_id else None
    if target is None or target.board_id != appeal.board_id:
        raise Refused(_("There is no entry with that number in this fund's ledger."), field="entry")
    if target.appeal_id != appeal.id:
        raise Refused(_("Entry #%(n)d belongs to another appeal: reverse it there.", n=target.id),
                      field="entry")
    if target.kind == EntryKind.REVERSAL:
        raise Refused(_("A reversal is not reversed: record the right entry anew."), field="entry")
    if target.kind == EntryKind.DISBURSEMENT and target.approval is None:
        raise Refused(_("A disbursement waiting for approval does not count yet: there is "
                        "nothing to reverse."), field="entry")
    if db.session.execute(db.select(FundEntry.id).where(FundEntry.reverses_id == target.id)
                          ).first():
        raise Refused(_("This entry has already been reversed."), field="entry")
    return target


def _locked(appeal):
    """The appeal row, locked on PostgreSQL until commit: two disbursements never both
    pass the balance check on the same money."""
    return db.session.execute(db.select(FundAppeal).where(FundAppeal.id == appeal.id)
                              .with_for_update()).scalar_one()


def _check_balance(appeal, fen):
    balance = appeal_totals(appeal).balance
    if fen > balance:
        raise Refused(_("The appeal's balance is %(balance)s: a disbursement cannot exceed it.",
                        balance=money(balance)), field="amount")


def _check_treasurer(user, board):
    if not is_treasurer(user, board):
        raise Refused(_("Only the fund's treasurers keep its ledger."))


def _checked_day(day, field="occurred_on"):
    if day is None:
        raise Refused(_("Give the date."), field=field)
    if day > today() or day < EARLIEST:
        raise Refused(_("Give a date between 2000-01-01 and today."), field=field)
    return day


def _checked_period(starts_on, ends_on):
    if starts_on is None or ends_on is None:
        raise Refused(_("Give the first and the last day of the appeal."), field="starts_on")
    if ends_on < starts_on:
        raise Refused(_("The appeal cannot end before it starts."), field="ends_on")
    return starts_on, ends_on


def _appeal_text_required(most):
    return _("The text of the appeal is required, at most %(n)d characters.", n=most)
