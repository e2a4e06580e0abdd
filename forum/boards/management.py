"""What a board's managers change: the settings its type offers and its staff (DESIGN §1, §4)."""
from flask_babel import gettext as _

from forum.admin.separation import check_role_grant
from forum.audit import describe_changes, log_action
from forum.auth.services import find_user
from forum.boards.registry import get_type
from forum.boards.roles import grant, holders, revoke
from forum.labels import role_label
from forum.service import Refused, commit


def update_board(board, actor, description, settings, values):
    """Change the description and those of `settings` (the type's Setting rows the actor
    may edit) given in `values`; logged with each value before and after."""
    before = {"description": board.description}
    after = {"description": description}
    for setting in settings:
        value = values.get(setting.name, setting.default)
        before[setting.name] = board.settings.get(setting.name, setting.default)
        after[setting.name] = setting.check(value) if setting.check is not None else value
    if before == after:
        raise Refused(_("Nothing was changed."))
    board.description = after.pop("description")
    board.settings = {**(board.settings or {}), **after}
    log_action(actor, "board_settings", "board", board.id, board.id,
               describe_changes(before, {"description": board.description, **after}))
    commit()


def appoint_staff(board, actor, role, username):
    """Give a verified account one of the staff roles of the board's type."""
    user = find_user(username or "")
    if user is None:
        raise Refused(_("There is no account named %(name)s.", name=username), field="username")
    check_role_grant(user, board, actor)  # 三员分立 first: its refusal says the most
    if not user.is_verified:
        raise Refused(_("Only real-name verified accounts can be %(role)s.", role=role_label(role)),
                      field="username")
    if user.is_banned:
        raise Refused(_("A banned account cannot be %(role)s.", role=role_label(role)),
                      field="username")
    get_type(board.type).check_staff(board, role, user)
    if user in holders(board, role):
        raise Refused(_("%(name)s is already %(role)s of this board.", name=user.username,
                        role=role_label(role)), field="username")
    grant(user, board, role, actor)


def dismiss_staff(board, actor, role, user):
    revoke(user, board, role, actor)
