"""How the audit log names what the branch package records (forum/labels.py); never words
of a branch's content, an application or a refusal."""
from flask_babel import lazy_gettext as _l

ACTIONS = {
    "branch_create": _l("Party branch created"),
    "branch_secretary": _l("Branch secretary appointed"),
    "branch_apply": _l("Applied to join a branch"),
    "branch_approve": _l("Branch membership approved"),
    "branch_refuse": _l("Branch application refused"),
    "branch_add": _l("Member added to a branch"),
    "branch_suspend": _l("Branch membership suspended"),
    "branch_restore": _l("Branch membership restored"),
    "branch_remove": _l("Member removed from a branch"),
    "branch_mobile": _l("Mobile Party member status changed"),
}
# Target codes fit ModAction.target_type (12 characters).
TARGETS = {"branch": _l("Party branch"), "branch_membr": _l("Branch membership")}
