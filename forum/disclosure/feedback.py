"""反映意见: private feedback on a disclosure during its 公示期, and the issuer's answers.

Feedback is as private as a 举报 letter (DESIGN §3): its row has no author; a member's
link, the name and the phone are sealed with the instance key; no log, notification,
index or feed carries its words or who wrote it. Sending is not logged at all: a log row
would name the member at the moment the feedback was written.
"""
import re

from flask_babel import gettext as _
from sqlalchemy import update

from forum.audit import log_action, log_security
from forum.boards.services import check_not_archived
from forum.disclosure import period
from forum.disclosure.feedback_access import reader_ids
from forum.disclosure.models import Disclosure, DisclosureFeedback
from forum.extensions import db
from forum.letters.codes import hash_code, new_code
from forum.seal import seal
from forum.letters.writing import CODE_LIFETIME
from forum.models.base import utcnow
from forum.notifications.kinds import kind
from forum.notifications.service import notify
from forum.service import Refused, commit

BODY_MAX = 2000
ANSWER_MAX = 2000
NAME_MAX = 20
PHONE_RE = re.compile(r"^[0-9]{5,20}$")


def send_feedback(disclosure, writer, *, body, name="", phone="", anonymous=False):
    """Store feedback while the disclosure is 公示中; returns (feedback, query code). The
    code exists only in the answer. Anonymous feedback keeps no link, name or phone."""
    body, name, phone = ((text or "").strip() for text in (body, name, phone))
    check_not_archived(disclosure.thread.board)
    _check(disclosure, body, name, phone, anonymous)
    now, code = utcnow(), new_code()
    feedback = DisclosureFeedback(
        disclosure_id=disclosure.id, code_hash=hash_code(code),
        code_expires_at=now + CODE_LIFETIME, body=body, created_at=now,
        writer_sealed=None if anonymous or writer is None else seal(writer.id),
        name_sealed=None if anonymous else seal(name),
        phone_sealed=None if anonymous else seal(phone))
    db.session.add(feedback)
    disclosure.feedback_count = Disclosure.feedback_count + 1
    notify(reader_ids(disclosure), "disclosure_feedback", url=_list_url(disclosure),
           data={"title": disclosure.thread.title})
    commit()
    return feedback, code


def answer_feedback(feedback, actor, text):
    """Answer (or correct the answer to) one piece of feedback; the first answer counts."""
    text = (text or "").strip()
    if not text or len(text) > ANSWER_MAX:
        raise Refused(_("The answer must have a text of at most %(max)d characters.",
                        max=ANSWER_MAX), field="body")
    first = db.session.execute(
        update(DisclosureFeedback).where(DisclosureFeedback.id == feedback.id,
                                         DisclosureFeedback.answered_at.is_(None))
        .values(answered_at=utcnow()).execution_options(synchronize_session=False)).rowcount
    if first:
        db.session.execute(update(Disclosure).where(Disclosure.id == feedback.disclosure_id)
                           .values(answered_count=Disclosure.answered_count + 1))
    feedback.answer = text
    log_action(actor, "disclosure_feedback_answer", "feedback", feedback.id)
    commit()
    return feedback


def record_feedback_read(disclosure, reader):
    """Log (who, when) each read of a disclosure's feedback, for the audit admin."""
    log_security("disclosure_feedback_read", actor=reader, detail=f"disclosure {disclosure.id}")
    commit()


def feedback_of(disclosure):
    """The disclosure's feedback, oldest first."""
    return db.session.execute(
        db.select(DisclosureFeedback).where(DisclosureFeedback.disclosure_id == disclosure.id)
        .order_by(DisclosureFeedback.id)).scalars().all()


def _check(disclosure, body, name, phone, anonymous):
    standing = period.standing(disclosure)
    if not standing.takes_feedback:
        raise Refused(closed_message(disclosure, standing))
    if not body or len(body) > BODY_MAX:
        raise Refused(_("The feedback must have a text of at most %(max)d characters.",
                        max=BODY_MAX), field="body")
    if phone and not PHONE_RE.match(phone):
        raise Refused(_("Enter a phone number of digits only."), field="phone")
    if not anonymous and (not name or len(name) > NAME_MAX):
        raise Refused(_("Give your name (at most %(max)d characters), or send anonymously.",
                        max=NAME_MAX), field="name")


def closed_message(disclosure, standing):
    """Why the disclosure takes no feedback now, in one sentence."""
    messages = {
        period.UPCOMING.key: lambda: _("The public notice period starts on %(day)s; feedback "
                                       "opens then.", day=disclosure.starts_on.isoformat()),
        period.EXPIRED.key: lambda: _("The public notice period ended on %(day)s; feedback is "
                                      "closed.", day=disclosure.ends_on.isoformat()),
        period.WITHDRAWN.key: lambda: _("This disclosure was withdrawn; it takes no feedback."),
        period.CLOSED.key: lambda: _("This disclosure is closed; it takes no feedback."),
    }
    return messages.get(standing.key, lambda: _("This disclosure takes no feedback."))()


def _list_url(disclosure):
    # A path, not url_for: feedback may also be stored outside a request.
    return f"/disclosures/{disclosure.id}/feedback/list"


@kind("disclosure_feedback")
def _new_feedback(n):
    return _("New feedback was sent on the disclosure “%(title)s”.", title=n.data.get("title", ""))
