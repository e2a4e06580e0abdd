"""The branch the access matrix (tests/test_access_matrix.py) acts on: a branch board of
the unit account's unit (so it manages the board), a branch of that unit (so it acts as
its secretary) whose appointed secretary is the moderator and whose one member is the
verified account; a running meeting, a member's thread, an enquiry and an application."""
from datetime import timedelta

from forum.branch.branches import add_member, apply_to_branch, create_branch
from forum.branch.enquiries import start_enquiry
from forum.branch.meetings import schedule_meeting
from forum.branch.posting import start_branch_thread
from forum.extensions import db
from forum.models import Post, Unit
from forum.models.base import utcnow
from tests.factories import make_board, make_user


def build_branch_world(people):
    unit = db.session.get(Unit, people["unit_account"].unit_id)
    board = make_board(type="branch", unit=unit)
    branch = create_branch(board, people["system"], name="矩阵支部", unit_id=unit.id,
                           secretary=people["moderator"].username)
    membership = add_member(branch, people["moderator"], people["verified"].username)
    applicant = apply_to_branch(branch, make_user(username="matrix_shenqing"), "毕节")
    now = utcnow()
    meeting = schedule_meeting(branch, people["moderator"], kind="general", title="支部党员大会",
                               starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(days=1),
                               agenda="")
    thread = start_branch_thread(branch, people["verified"], "支部学习", "学习内容")
    enquiry = start_enquiry(branch, people["verified"], "转接", "想转到宁波")
    branch_post = db.session.execute(db.select(Post.id).where(Post.thread_id == thread.id)).scalar_one()
    return {"branch_board": board.slug, "branch": branch.id, "branch_unit": unit.id,
            "branch_member": membership.id, "branch_applicant": applicant.id,
            "meeting": meeting.id, "branch_thread": thread.id, "branch_post": branch_post,
            "enquiry": enquiry.id}
