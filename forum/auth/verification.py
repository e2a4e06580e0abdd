"""Real-name verification (实名认证): requested by the member, decided by the security admin.

Only the masked ID number and its keyed hash are stored; the hash makes one person one
account. Every step is a SecurityEvent; decisions are ModActions too.
"""
from flask_babel import gettext as _

from forum.admin.separation import check_account_act
from forum.auth.identity import parse_id_number, parse_phone, parse_real_name
from forum.extensions import db
from forum.models import Verification
from forum.models.base import utcnow
from forum.audit import log_action, log_security
from forum.service import Refused, claim, commit


def latest_request(user):
    """The user's newest verification request, or None."""
    return db.session.execute(db.select(Verification).where(Verification.user_id == user.id)
                              .order_by(Verification.id.desc()).limit(1)).scalar_one_or_none()


def request_verification(user, real_name, phone, id_number=None, unit_id=None, consent=False):
    """File a request for the security admin's queue."""
    if user.is_verified:
        raise Refused(_("Your account is already verified."))
    latest = latest_request(user)
    if latest is not None and latest.status == "pending":
        raise Refused(_("Your request is already waiting for review."))
    request = Verification(user_id=user.id, real_name=parse_real_name(real_name),
                           phone=parse_phone(phone), unit_id=unit_id or None)
    if id_number:
        if not consent:
            raise Refused(_("Tick the consent to give your ID number, or leave it empty."),
                          field="consent")
        number = parse_id_number(id_number)
        _refuse_if_bound(number.digest, user)
        request.id_masked, request.id_hash = number.masked, number.digest
    db.session.add(request)
    log_security("verify_request", user=user, actor=user)
    commit()
    return request


def decide_verification(request, admin, approve, reason=""):
    """Approve (the account gets its 实名 badge and unit) or refuse with a reason."""
    check_account_act(admin, request.user)
    if not approve and not (reason and reason.strip()):
        raise Refused(_("Give a reason: the member will see it."), field="reason")
    status = "approved" if approve else "refused"
    bound = Refused(_("This ID number is already bound to another account."))
    if approve and request.id_hash:
        _refuse_if_bound(request.id_hash, request.user)
    if not claim(Verification, request.id, "pending", status=status, reason=(reason or "").strip(),
                 reviewed_by_id=admin.id, reviewed_at=utcnow()):
        raise Refused(_("This request has already been decided."))
    if approve:
        request.user.is_verified = True
        if request.unit_id:
            request.user.unit_id = request.unit_id
    log_action(admin, f"verify_{status}", "user", request.user_id, None, reason)
    log_security(f"verify_{status}", user=request.user, actor=admin)
    commit(on_conflict=bound)


def _refuse_if_bound(digest, user):
    other = db.session.execute(db.select(Verification.id).where(
        Verification.id_hash == digest, Verification.status == "approved",
        Verification.user_id != user.id)).first()
    if other is not None:
        raise Refused(_("This ID number is already bound to another account."), field="id_number")


def reveal_verification(user, admin):
    """The account's approved real-name record, for the security admin; every reveal of
    personal data is a SecurityEvent."""
    record = db.session.execute(db.select(Verification).where(
        Verification.user_id == user.id, Verification.status == "approved")
        .order_by(Verification.id.desc()).limit(1)).scalar_one_or_none()
    if record is not None:
        log_security("personal_data_viewed", user=user, actor=admin, detail="real name, phone")
        commit()
    return record
