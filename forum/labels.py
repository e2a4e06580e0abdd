"""Names people read for the log's codes (a feature adds its own with add_labels); the
stored vocabularies (statuses, roles, types) carry their own labels beside their models."""
from flask_babel import lazy_gettext as _l

from forum.models import Role

ACTIONS = {
    "approve": _l("Approved"), "reject": _l("Rejected"),
    "approve_edit": _l("Edit approved"), "reject_edit": _l("Edit rejected"), "lock": _l("Locked"),
    "unlock": _l("Unlocked"), "pin_board": _l("Pinned in board"), "pin_site": _l("Pinned site-wide"),
    "unpin": _l("Unpinned"), "feature": _l("Marked featured"), "unfeature": _l("Unmarked featured"),
    "move": _l("Moved"), "hide": _l("Hid"), "restore": _l("Restored"),
    "edit": _l("Edited"), "report_resolved": _l("Report resolved"),
    "report_dismissed": _l("Report dismissed"), "role_grant": _l("Role granted"),
    "role_revoke": _l("Role revoked"), "board_settings": _l("Board settings changed"),
    "board_edit": _l("Board edited"), "unit_add": _l("Unit added"),
    "settings": _l("Site settings changed"), "holiday_schedule": _l("Holiday schedule entered"),
    "word_add": _l("Word added"),
    "word_remove": _l("Word removed"), "ban": _l("Banned"), "unban": _l("Ban lifted"),
    "login": _l("Logged in"), "login_failed": _l("Failed login"),
    "personal_data_viewed": _l("Real-name record viewed"),
    "verify_request": _l("Verification requested"), "verify_approved": _l("Verification approved"),
    "verify_refused": _l("Verification refused"), "title": _l("Title set"),
    "reset_code": _l("Reset code issued"), "reset_code_issued": _l("Reset code issued"),
    "reset_requested": _l("Reset link requested"), "password_reset": _l("Password reset"),
    "password_change": _l("Password changed"), "lockout": _l("Account locked"),
    "login_locked": _l("Login while locked"), "login_delayed": _l("Login while waiting"),
    "sign_out_everywhere": _l("Signed out everywhere"), "email_change": _l("Email changed"),
    "display_name_requested": _l("Display name requested"),
    "display_name_approved": _l("Display name approved"),
    "display_name_refused": _l("Display name refused"),
    "account_deleted": _l("Account deleted"), "admin_role": _l("Admin role set"),
    "letter_accept": _l("Letter accepted"), "letter_refuse": _l("Letter refused"),
    "letter_transfer": _l("Letter transferred"), "letter_draft": _l("Answer drafted"),
    "letter_answer": _l("Letter answered"), "letter_extend": _l("Deadline extended"),
    "letter_close": _l("Letter closed"), "letter_rate": _l("Letter rated"),
    "letter_publish": _l("Letter published"), "letter_read": _l("Whistleblower letter read"),
    "talent_mark": _l("Marked as talent"), "talent_unmark": _l("Talent mark removed"),
    "message_report_resolved": _l("Message report resolved"),
    "message_report_dismissed": _l("Message report dismissed"),
    "message_reports_read": _l("Reported messages read"),
    "word_block": _l("Block"), "word_review": _l("Review"), "word_replace": _l("Replace"),
    "category_add": _l("Category added"), "category_edit": _l("Category edited"),
    "category_archive": _l("Category archived"), "category_restore": _l("Category restored"),
    "board_add": _l("Board created"), "board_archive": _l("Board archived"),
    "board_restore": _l("Board restored"), "account_create": _l("Account created"),
    "account_created": _l("Account created"), "unit_account": _l("Unit account flag set"),
    "test_mail": _l("Test mail sent"), "invitations_create": _l("Invitations made"),
    "invitation_revoke": _l("Invitation revoked"),
}
TARGETS = {
    "post": _l("Post"), "thread": _l("Thread"), "board": _l("Board"), "user": _l("Account"),
    "report": _l("Report"), "ban": _l("Ban"), "word": _l("Word"), "unit": _l("Unit"),
    "site": _l("Site"), "letter": _l("Letter"), "message": _l("Message"),
    "calendar": _l("Holiday calendar"), "category": _l("Category"),
    "invitation": _l("Invitation"),
}
def add_labels(actions=(), targets=()):
    """A feature package names the log codes it records (from its init_app)."""
    ACTIONS.update(actions)
    TARGETS.update(targets)


def action_label(code):
    return ACTIONS.get(code, code)


def target_label(code):
    return TARGETS.get(code, code)


def role_label(code):
    return Role(code).label


def logged_text(code, text):
    """A log row's free text as it is read: a role change's stored role key ("moderator:
    王版主", "moderator of chengguanzhen") shows as the role's label in the reader's language."""
    if code in ("role_grant", "role_revoke"):
        for separator, shown in ((": ", "："), (" of ", " · ")):
            key, found, rest = text.partition(separator)
            if found and key in Role._value2member_map_:
                return f"{role_label(key)}{shown}{rest}"
    return text
