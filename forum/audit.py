"""The audit writer every package may call: moderation and admin decisions
(ModAction) and security events (SecurityEvent).

Both are append-only (database triggers refuse updates and early deletes); these
functions only add rows to the caller's unit of work, so a decision and its log row
are committed together or not at all.
"""
from forum.extensions import db
from forum.models import ModAction, SecurityEvent


def log_action(actor, action, target_type, target_id=None, board_id=None, reason=""):
    """Record a moderation or admin decision."""
    row = ModAction(actor_id=getattr(actor, "id", None), action=action, target_type=target_type,
                    target_id=target_id, board_id=board_id, reason=reason or "")
    db.session.add(row)
    return row


def describe_changes(before, after):
    """The audit text of a change: "name: old → new; ..." for each key whose value
    differs, long values shortened (a row's reason holds 500 characters)."""
    return "; ".join(f"{key}: {_short(before.get(key))} → {_short(value)}"
                     for key, value in after.items() if before.get(key) != value)[:500]


def _short(value, most=60):
    text = "" if value is None else str(value)
    return text if len(text) <= most else text[:most - 1] + "…"


def log_security(kind, user=None, actor=None, ip=None, detail=""):
    """Record a login, failure, lockout, role change, ban or other security event."""
    row = SecurityEvent(kind=kind, user_id=getattr(user, "id", None),
                        actor_id=getattr(actor, "id", None), ip=ip, detail=detail[:500])
    db.session.add(row)
    return row
