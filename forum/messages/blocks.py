"""The block list and reports of messages; each service commits once."""
from flask_babel import gettext as _
from sqlalchemy import delete

from forum.auth.services import find_user
from forum.extensions import db
from forum.models import MessageReport, UserBlock
from forum.models.base import utcnow
from forum.audit import log_action
from forum.service import Refused, claim, commit


def block_user(user, username):
    """Take no more messages from the named member."""
    blocked = find_user(username or "")
    if blocked is None or blocked.deleted_at is not None:
        raise Refused(_("There is no member named “%(name)s”.", name=username), field="username")
    if blocked.id == user.id:
        raise Refused(_("You cannot block yourself."), field="username")
    if db.session.get(UserBlock, (user.id, blocked.id)) is None:
        db.session.add(UserBlock(user_id=user.id, blocked_id=blocked.id))
    commit()
    return blocked


def unblock_user(user, blocked_id):
    """Take messages from this member again."""
    db.session.execute(delete(UserBlock).where(UserBlock.user_id == user.id,
                                               UserBlock.blocked_id == blocked_id))
    commit()


def report_message(message, reporter, reason):
    """Report a message of someone else's: it alone becomes readable to the security admin."""
    if message.author_id == reporter.id:
        raise Refused(_("You cannot report your own message."), field="reason")
    already = db.session.execute(db.select(MessageReport.id).where(
        MessageReport.message_id == message.id, MessageReport.reporter_id == reporter.id,
        MessageReport.status == "open")).first()
    if already:
        raise Refused(_("You have already reported this message; the security administrator "
                        "will look at it."), field="reason")
    report = MessageReport(message_id=message.id, reporter_id=reporter.id, reason=reason.strip())
    db.session.add(report)
    commit()
    return report


def close_message_report(report, actor, resolved, note=""):
    """Resolve (acted on) or dismiss a reported message; the decision is logged."""
    status = "resolved" if resolved else "dismissed"
    if not claim(MessageReport, report.id, "open", status=status, decided_by_id=actor.id,
                 decided_at=utcnow()):
        raise Refused(_("This report has already been closed."))
    log_action(actor, f"message_report_{status}", "message", report.message_id, None, note)
    commit()
