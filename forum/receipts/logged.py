"""How the audit log names what the receipts package records (forum/labels.py)."""
from flask_babel import lazy_gettext as _l

ACTIONS = {
    "notice_issue": _l("Notice issued"),
    "receipt_sign": _l("Notice signed"),
    "receipt_done": _l("Notice carried out"),
    "receipt_remind": _l("Units reminded"),
    "urgent_mark": _l("Marked urgent"),
    "urgent_end": _l("Urgent banner ended"),
}
TARGETS = {"notice": _l("Notice"), "receipt": _l("Receipt")}
