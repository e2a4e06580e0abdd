"""Writes of 工作通知: issue a notice (with receipts, if asked), sign a receipt, remind
the units that have not signed. Each commits once and is logged with forum.audit; no
note a unit writes goes into the log or a notification.

A notice is a Thread whose first post is its text, written as the issuer, plus its
NoticeIssue row; the core's validators and `post_created` receivers run as for any
thread, so the word filter, attachments and followers' notices apply.
"""
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import update
from sqlalchemy.orm import contains_eager

from forum.attachments.services import commit_or_discard, prepare_attachments
from forum.audit import log_action
from forum.boards.services import count_post, validated_announcement
from forum.extensions import db
from forum.hooks import post_created
from forum.models import ContentStatus, Post, Thread, Unit
from forum.receipts import clock, rules
from forum.receipts.access import FILE_KEEPER, signs_for
from forum.receipts.models import NoticeIssue, Receipt, ReceiptMode, ReceiptStatus
from forum.receipts.notices import notify_units
from forum.service import Refused, commit
from forum.unit_groups import unit_ids_in, units_without_account


def issue_notice(board, issuer, *, title, body, unit_id=None, doc_number="", mode=None,
                 groups=(), unit_ids=(), deadline_at=None, confirmed=False, attachments=()):
    """Publish a notice on the board; with a mode, ask each target unit for a receipt.
    Targets without an account are named and taken only when `confirmed`."""
    unit = _issuing_unit(board, issuer, unit_id)
    doc_number = rules.checked_doc_number(doc_number)
    targets = unit_ids_in(groups, unit_ids) if mode else set()
    mode = rules.check_receipts(mode, targets, deadline_at)
    if mode and not confirmed:
        _check_accounts(targets)
    draft = validated_announcement(board, issuer, title, body, _notice_text_required)
    now = clock.now()
    thread = Thread(board_id=board.id, author_id=issuer.id, title=draft.title,
                    status=ContentStatus.PUBLISHED, last_number=1, last_post_at=now, created_at=now)
    post = Post(thread=thread, author_id=issuer.id, number=1, body=draft.body,
                body_html=draft.body_html, status=ContentStatus.PUBLISHED, created_at=now)
    issue = NoticeIssue(thread=thread, board_id=board.id, unit_id=unit.id, issued_by_id=issuer.id,
                        doc_number=doc_number, mode=mode, deadline_at=deadline_at if mode else None,
                        target_count=len(targets), created_at=now)
    db.session.add_all([thread, post, issue])
    db.session.flush()
    db.session.add_all([Receipt(issue_id=issue.id, unit_id=target) for target in sorted(targets)])
    thread.last_post_id = post.id
    count_post(board, issuer, post, new_thread=True)
    post_created.send(post, draft=draft, attachments=attachments)
    if targets:
        notify_units(issue, targets, "receipt_request", issuer)
    log_action(issuer, "notice_issue", "notice", issue.id, board.id)
    commit()
    return issue


def sign_receipt(receipt, user, *, done=False, note="", files=()):
    """签收 (已阅), or 已落实 with a note and at most one file, for the signer's own unit;
    never twice. The file is kept by the receipt: read by those who read the receipt."""
    if not signs_for(user, receipt):
        raise Refused(_("You may sign only for your own unit."))
    issue = receipt.issue
    if done and issue.mode != ReceiptMode.DONE:
        raise Refused(_("This notice asks only for a read receipt."))
    before = ReceiptStatus(receipt.status)
    if before == ReceiptStatus.DONE or (before == ReceiptStatus.READ and not done):
        raise Refused(_("Your unit has already signed this notice."))
    now = clock.now()
    values = {"status": ReceiptStatus.DONE if done else ReceiptStatus.READ}
    if before == ReceiptStatus.UNREAD:
        values.update(signed_by_id=user.id, signed_at=now)
    if done:
        values.update(done_by_id=user.id, done_at=now, note=rules.checked_note(note, True))
    _claim(receipt, before, values)
    if before == ReceiptStatus.UNREAD:
        db.session.execute(update(NoticeIssue).where(NoticeIssue.id == issue.id)
                           .values(signed_count=NoticeIssue.signed_count + 1))
    kept = _keep_file(receipt, user, files) if done else []
    log_action(user, "receipt_done" if done else "receipt_sign", "receipt", receipt.id,
               issue.board_id)
    commit_or_discard(kept)
    return receipt


def _keep_file(receipt, user, files):
    """Store the file sent with 已落实 as the receipt's (checked as any upload is)."""
    kept = prepare_attachments(user, receipt.issue.thread.board, files, max_files=1)
    for row in kept:
        row.kept_by = FILE_KEEPER
        receipt.file = row
    return kept


def remind_units(issue, actor):
    """Notify the accounts of every unit that has not completed its receipt; returns how
    many units were reminded."""
    pending = [r for r in db.session.execute(db.select(Receipt).where(
        Receipt.issue_id == issue.id)).scalars() if not rules.is_complete(r, issue.mode)]
    if not pending:
        raise Refused(_("Every unit has signed: there is no one to remind."))
    now = clock.now()
    for receipt in pending:
        receipt.reminded_at = now
    notify_units(issue, [r.unit_id for r in pending], "receipt_reminder", actor)
    log_action(actor, "receipt_remind", "notice", issue.id, issue.board_id)
    commit()
    return len(pending)


def remind_before_deadlines(within=timedelta(days=1)):
    """Remind the units that have not completed a receipt whose deadline falls within
    `within` (run daily before the digest, which mails the reminders); a unit reminded
    in the last `within` is not reminded again. Returns how many units were reminded."""
    now = clock.now()
    due = db.session.execute(
        db.select(Receipt).join(NoticeIssue, NoticeIssue.id == Receipt.issue_id)
        .where(NoticeIssue.deadline_at > now, NoticeIssue.deadline_at <= now + within,
               Receipt.status != ReceiptStatus.DONE,
               db.or_(Receipt.reminded_at.is_(None), Receipt.reminded_at <= now - within))
        .options(contains_eager(Receipt.issue))).scalars().all()
    by_issue = {}
    for receipt in due:
        if not rules.is_complete(receipt, receipt.issue.mode):
            receipt.reminded_at = now
            by_issue.setdefault(receipt.issue, []).append(receipt.unit_id)
    for issue, unit_ids in by_issue.items():
        notify_units(issue, unit_ids, "receipt_reminder", None)
    commit()
    return sum(len(unit_ids) for unit_ids in by_issue.values())


def _claim(receipt, before, values):
    """One conditional UPDATE: of two signatures at once, the second finds it signed."""
    won = db.session.execute(
        update(Receipt).where(Receipt.id == receipt.id, Receipt.status == before).values(**values)
        .execution_options(synchronize_session=False)).rowcount == 1
    if not won:
        db.session.rollback()
        raise Refused(_("Your unit has already signed this notice."))
    db.session.expire(receipt)


def _issuing_unit(board, issuer, unit_id):
    """A unit account issues as its own unit; the system admin names one (the board's
    owner unless told)."""
    if issuer.is_unit_account and issuer.unit_id is not None:
        return issuer.unit
    unit = db.session.get(Unit, unit_id) if unit_id else None
    unit = unit or (db.session.get(Unit, board.unit_id) if board.unit_id else None)
    if unit is None:
        raise Refused(_("Choose the issuing unit."), field="unit_id")
    return unit


def _check_accounts(targets):
    missing = units_without_account(targets)
    if missing:
        raise Refused(_("%(n)d of the chosen units have no account to sign with: %(units)s. "
                        "Tick the box below to send the notice to them anyway; they sign "
                        "once they have an account.", n=len(missing),
                        units="、".join(unit.name for unit in missing)), field="confirm")


def _notice_text_required(most):
    return _("The text of the notice is required, at most %(n)d characters.", n=most)
