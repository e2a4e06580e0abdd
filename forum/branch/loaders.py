"""Fetch a branch, a membership, a meeting or an enquiry for a view, or abort: 404 for
anything of a branch the user does not read (its existence as content is private), and
for a secretary's tool in the hands of anyone but the branch's secretary."""
from flask import abort
from flask_login import current_user

from forum.access import Access, require
from forum.boards.loaders import load_board, refuse_if_archived
from forum.branch.access import branch_access, is_secretary
from forum.branch.models import Meeting, Membership, PartyBranch, TransferEnquiry
from forum.extensions import db
from forum.models import BoardTypeKey


def load_branch_board(slug, need=Access.VIEW):
    """A board of the branch type the current user holds `need` on."""
    board = load_board(slug, need=need)
    if board.type != BoardTypeKey.BRANCH:
        abort(404)
    return board


def load_branch(branch_id):
    """A branch: its name, unit and member count are public."""
    branch = db.session.get(PartyBranch, branch_id)
    if branch is None:
        abort(404)
    return branch


def load_branch_for(branch_id, need=Access.VIEW):
    """A branch whose content the current user holds `need` on (else 404)."""
    branch = load_branch(branch_id)
    _require(need, branch_access(current_user, branch), branch.board)
    return branch


def load_membership(membership_id):
    """A membership, for its branch's secretary only."""
    row = db.session.get(Membership, membership_id)
    if row is None or not is_secretary(current_user, row.branch):
        abort(404)
    return row


def load_meeting(meeting_id, need=Access.VIEW):
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None:
        abort(404)
    _require(need, branch_access(current_user, meeting.branch), meeting.branch.board)
    return meeting


def _require(need, access, board):
    # Private: only those who read the branch learn that its board is archived.
    require(Access.VIEW, access, private=True)
    refuse_if_archived(board, need)
    require(need, access, private=True)


def load_enquiry(enquiry_id):
    """An enquiry, for its member and its branch's secretary (else 404)."""
    enquiry = db.session.get(TransferEnquiry, enquiry_id)
    if enquiry is None or not (enquiry.member_id == current_user.id
                               or is_secretary(current_user, enquiry.branch)):
        abort(404)
    return enquiry
