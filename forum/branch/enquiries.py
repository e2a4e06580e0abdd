"""组织关系转接: a member asks about transferring their membership; the question goes to
the secretary's queue, is taken (处理中) and answered (已办结). Only the member and the
secretary read it."""
from flask_babel import gettext as _

from forum.boards.services import check_not_archived
from forum.branch.access import is_member, is_secretary
from forum.branch.models import EnquiryState, TransferEnquiry
from forum.branch.rules import check_text
from forum.extensions import db
from forum.models.base import utcnow
from forum.service import Refused, commit


def start_enquiry(branch, member, subject, body):
    """A member of the branch asks the secretary about a transfer."""
    check_not_archived(branch.board)
    if not is_member(member, branch):
        raise Refused(_("Only the branch's members ask here."))
    enquiry = TransferEnquiry(branch_id=branch.id, member_id=member.id,
                              subject=check_text(subject, "subject", 100),
                              body=check_text(body, "body", 5000))
    db.session.add(enquiry)
    commit()
    return enquiry


def take_enquiry(enquiry, secretary):
    """The secretary starts working on a pending enquiry."""
    _check(enquiry, secretary, EnquiryState.PENDING)
    enquiry.state, enquiry.updated_at = EnquiryState.PROCESSING, utcnow()
    commit()
    return enquiry


def close_enquiry(enquiry, secretary, answer):
    """The secretary answers an open enquiry and closes it."""
    _check(enquiry, secretary, EnquiryState.PENDING, EnquiryState.PROCESSING)
    enquiry.answer = check_text(answer, "answer", 5000)
    enquiry.state, enquiry.updated_at = EnquiryState.DONE, utcnow()
    commit()
    return enquiry


def _check(enquiry, secretary, *states):
    if not is_secretary(secretary, enquiry.branch):
        raise Refused(_("Only this branch's secretary may do that."))
    if enquiry.state not in states:
        raise Refused(_("This enquiry is %(state)s: that cannot be done now.",
                        state=EnquiryState(enquiry.state).label))
