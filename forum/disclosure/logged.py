"""How the audit log names what the disclosure package records (forum/labels.py)."""
from flask_babel import lazy_gettext as _l

ACTIONS = {
    "disclosure_publish": _l("Disclosure published"),
    "disclosure_correct": _l("Disclosure corrected"),
    "disclosure_withdraw": _l("Disclosure withdrawn"),
    "disclosure_close": _l("Disclosure closed"),
    "disclosure_feedback_answer": _l("Feedback answered"),
    "disclosure_feedback_read": _l("Disclosure feedback read"),
}
TARGETS = {"disclosure": _l("Disclosure"), "feedback": _l("Feedback")}
