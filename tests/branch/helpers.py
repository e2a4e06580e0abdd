"""Reading what a branch's tests stored."""
from forum.branch.models import Attendance, Membership, TransferEnquiry
from forum.extensions import db
from forum.models import ModAction


def rows(model):
    db.session.expire_all()
    key = model.__mapper__.primary_key[0]
    return db.session.execute(db.select(model).order_by(key)).scalars().all()


def memberships():
    return rows(Membership)


def attendances():
    return rows(Attendance)


def enquiries():
    return rows(TransferEnquiry)


def logged_actions():
    return [row.action for row in rows(ModAction)]
