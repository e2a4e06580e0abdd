"""Members report posts; the moderators of the post's board resolve or dismiss them."""
from flask_babel import gettext as _

from forum.extensions import db
from forum.models import Report
from forum.models.base import utcnow
from forum.audit import log_action
from forum.service import Refused, claim, commit


def report_post(post, reporter, reason, text=""):
    """File a report; one open report per member and post; banned accounts cannot."""
    if reporter.is_banned:
        from forum.moderation.guard import ban_message

        raise Refused(ban_message(reporter.ban))
    already = db.session.execute(db.select(Report.id).where(
        Report.post_id == post.id, Report.reporter_id == reporter.id, Report.status == "open")
    ).first()
    if already:
        raise Refused(_("You have already reported this post; the moderators will look at it."))
    report = Report(board_id=post.thread.board_id, post_id=post.id, reporter_id=reporter.id,
                    reason=reason, text=text.strip())
    db.session.add(report)
    commit()
    return report


def close_report(report, moderator, resolved, reason=""):
    """Mark a report resolved (acted on) or dismissed; exactly one moderator decides."""
    status = "resolved" if resolved else "dismissed"
    if not claim(Report, report.id, "open", status=status, decided_by_id=moderator.id,
                 decided_at=utcnow()):
        raise Refused(_("This report has already been closed by another moderator."))
    log_action(moderator, f"report_{status}", "report", report.id, report.board_id, reason)
    commit()
