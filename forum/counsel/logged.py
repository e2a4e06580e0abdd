"""How the audit log names what the counsel package records (forum/labels.py); never words."""
from flask_babel import lazy_gettext as _l

ACTIONS = {
    "counsel_card": _l("Counsellor card edited"),
    "counsel_session": _l("Counselling session scheduled"),
    "counsel_talk_read": _l("Counselling talk read"),
}
# Target codes fit ModAction.target_type (12 characters).
TARGETS = {"counsel_card": _l("Counsellor card"), "counsel_sess": _l("Counselling session")}
