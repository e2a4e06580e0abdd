"""How the audit log names what the petitions package records (forum/labels.py)."""
from flask_babel import lazy_gettext as _l

ACTIONS = {
    "petition_make": _l("Made a petition"),
    "petition_transfer": _l("Petition transferred"),
    "petition_merge": _l("Petition merged"),
    "petition_decline": _l("Petition declined"),
    "petition_answer": _l("Official reply"),
    "petition_extend": _l("Petition deadline extended"),
    "petition_close": _l("Petition done"),
    "petition_confirm": _l("Petition confirmed"),
    "petition_reopen": _l("Petition reopened"),
    "petition_rate": _l("Petition rated"),
}
TARGETS = {"petition": _l("Petition")}
