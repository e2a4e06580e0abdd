"""What a board's managers change: its settings and its moderators (DESIGN §1)."""
from flask_babel import gettext as _

from forum.auth.services import find_user
from forum.boards.roles import grant, holders, revoke
from forum.audit import log_action
from forum.models import Role
from forum.service import Refused, commit

# The settings a board's managers change, with the value a board has when it never set one.
MANAGED_SETTINGS = {"rules": "", "premoderated": False, "verified_only": False}


def update_board(board, actor, description, **settings):
    """Change the description and the managed settings; logged with what changed."""
    changed = []
    if description != board.description:
        board.description = description
        changed.append("description")
    new_settings = dict(board.settings or {})
    for key, default in MANAGED_SETTINGS.items():
        if key in settings and new_settings.get(key, default) != settings[key]:
            new_settings[key] = settings[key]
            changed.append(key)
    if not changed:
        raise Refused(_("Nothing was changed."))
    board.settings = new_settings
    log_action(actor, "board_settings", "board", board.id, board.id, ", ".join(changed))
    commit()


def appoint_moderator(board, actor, username):
    """Make a verified account a moderator of the board."""
    user = find_user(username or "")
    if user is None:
        raise Refused(_("There is no account named %(name)s.", name=username), field="username")
    if not user.is_verified:
        raise Refused(_("Only real-name verified accounts can moderate."), field="username")
    if user.is_banned:
        raise Refused(_("A banned account cannot moderate."), field="username")
    if user in holders(board, Role.MODERATOR):
        raise Refused(_("%(name)s already moderates this board.", name=user.username),
                      field="username")
    grant(user, board, Role.MODERATOR, actor)


def dismiss_moderator(board, actor, user):
    revoke(user, board, Role.MODERATOR, actor)
