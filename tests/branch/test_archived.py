"""A branch of an archived branch board is read-only: no new branch, member, application,
enquiry or meeting, and no sign-in, leave or minutes; each write is refused with the
reason and changes nothing (issue 20). Enquiries already asked may still be answered."""
import pytest
from flask_babel import gettext

from forum.branch.access import membership
from forum.branch.branches import (add_member, apply_to_branch, appoint_secretary, create_branch,
                                   decide_membership, mark_mobile)
from forum.branch.enquiries import start_enquiry
from forum.branch.meetings import record_leave, record_minutes, schedule_meeting, sign_in
from forum.branch.models import Attendance, Meeting, Membership, PartyBranch, TransferEnquiry
from forum.extensions import db
from forum.models.base import utcnow
from forum.service import Refused
from tests.factories import make_user

ARCHIVED = "This board is archived: it can be read, and nothing more can be written in it."


def _count(model):
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_every_write_to_a_branch_of_an_archived_board_is_refused(branch_board, unit, unit_account, branch,
                                                                 secretary, member, make_meeting):
    meeting = make_meeting()
    row = membership(member, branch.id)
    branch_board.archived_at = utcnow()
    db.session.commit()
    before = [_count(model) for model in (PartyBranch, Membership, TransferEnquiry, Meeting, Attendance)]
    starts, ends = meeting.starts_at, meeting.ends_at
    writes = [
        lambda: create_branch(branch_board, unit_account, name="第二支部", unit_id=unit.id),
        lambda: appoint_secretary(branch, unit_account, member.username),
        lambda: apply_to_branch(branch, make_user(), "城关镇"),
        lambda: add_member(branch, secretary, make_user().username),
        lambda: decide_membership(row, secretary, "suspend"),
        lambda: mark_mobile(row, secretary, True, "宁波"),
        lambda: start_enquiry(branch, member, "转接", "想转到宁波"),
        lambda: schedule_meeting(branch, secretary, kind="general", title="党员大会", starts_at=starts,
                                 ends_at=ends, agenda=""),
        lambda: sign_in(meeting, member),
        lambda: record_leave(meeting, member, member, "出差"),
        lambda: record_minutes(meeting, secretary, "会议记录"),
    ]
    for write in writes:
        with pytest.raises(Refused) as refused:
            write()
        assert refused.value.message == gettext(ARCHIVED)
        db.session.rollback()
    assert [_count(model) for model in (PartyBranch, Membership, TransferEnquiry, Meeting, Attendance)] == before
    db.session.expire_all()
    assert membership(member, branch.id).state == row.state and branch.secretary_id == secretary.id
