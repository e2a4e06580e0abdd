"""How the audit log names what the fund records (forum/labels.py). The log says who
recorded what and how much, never a donor."""
from flask_babel import lazy_gettext as _l

ACTIONS = {
    "fund_appeal": _l("Fund appeal started"),
    "fund_donation": _l("Donation recorded"),
    "fund_disbursement": _l("Disbursement recorded"),
    "fund_reversal": _l("Ledger entry reversed"),
    "fund_approval": _l("Disbursement approved"),
}
TARGETS = {"fund_appeal": _l("Fund appeal"), "fund_entry": _l("Ledger entry")}
