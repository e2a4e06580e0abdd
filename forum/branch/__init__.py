"""网上支部: online Party branches, their members, 三会一课 and transfer enquiries."""
from flask import Blueprint

bp = Blueprint("branch", __name__)


def init_app(app):
    """Register the branches' pages, their log labels, their figures and the board type."""
    from forum import labels
    from forum.branch import (boardtype, enquiry_views, meeting_views,  # noqa: F401
                              member_views, views)
    from forum.branch.logged import ACTIONS, TARGETS
    from forum.branch.models import EnquiryState, MeetingKind, MemberState, Presence

    app.register_blueprint(bp)
    app.jinja_env.globals.update(BranchMemberState=MemberState, MeetingKind=MeetingKind,
                                 Presence=Presence, EnquiryState=EnquiryState)
    labels.add_labels(actions=ACTIONS, targets=TARGETS)
