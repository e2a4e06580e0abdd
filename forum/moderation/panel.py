"""What a thread page needs to show its moderation controls."""
from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from forum import fragments
from forum.boards.registry import get_type
from forum.extensions import db
from forum.letters.forms import QueueFilterForm
from forum.letters.queries import letter_queue
from forum.models import Board, ContentStatus, Unit
from forum.moderation.forms import MoveForm, PinForm
from forum.moderation.listing import queue_items_for
from forum.access import Access
from forum.letters.access import handled_board_ids
from forum.permissions import can_pin_site, moderated_board_ids


def thread_panel(thread, posts, access):
    """What a moderator's posts show (the open queue items of held posts), the same for
    every moderator of the board; None for anyone else."""
    if Access.MODERATE not in access:
        return None
    return {"queue": queue_items_for([p.id for p in posts if p.status == ContentStatus.PENDING])}


def thread_tools(user, thread, access):
    """What a moderator's thread controls offer this moderator, as plain values (a key of
    the kept controls, forum/moderation/listeners.py): whether they may pin site-wide,
    the (id, name) of the boards they may move the thread to, and whether the board type
    features threads; None for anyone else."""
    if Access.MODERATE not in access:
        return None
    return {"pin_site": can_pin_site(user), "targets": tuple(_move_targets(user, thread)),
            "featuring": get_type(thread.board.type).featuring}


def tool_forms(tools):
    """The pin and move forms offering `thread_tools`' choices (built only where the
    controls' markup is not kept)."""
    pin = PinForm()
    if not tools["pin_site"]:
        pin.scope.choices = [c for c in pin.scope.choices if c.value == "board"]
    move = MoveForm()
    move.board.choices = [SelectChoice(board_id, name) for board_id, name in tools["targets"]]
    return {"pin": pin, "move": move, "featuring": tools["featuring"]}


def _move_targets(user, thread):
    """(id, name) of the boards the moderator may move the thread to."""
    if not get_type(thread.board.type).may_move_out(thread.board):
        return []
    board_ids, here = moderated_board_ids(user), thread.board_id  # read once, not per board:
    # a mapped attribute read 150 times cost a moderator's thread page 0.08 ms
    return [(board_id, name) for board_id, name in fragments.kept(("move-targets",), _movable_boards)
            if board_id != here and (board_ids is None or board_id in board_ids)]


def _movable_boards():
    """(id, name) of every board that takes moved threads, in the index's order: the same
    for every moderator, so kept a few seconds (a move checks its target itself)."""
    boards = db.session.execute(db.select(Board).order_by(Board.category_id, Board.position)).scalars()
    return [(board.id, board.name) for board in boards if get_type(board.type).may_move_in(board)]


def letters_panel(user, args):
    """The letters queue of /mod/: the boxes the user handles and the letters sent to
    the user's unit; None for anyone who has neither (the system admin included)."""
    handled = handled_board_ids(user)
    unit_id = user.unit_id if user.is_unit_account else None
    if not handled and unit_id is None:
        return None
    form = QueueFilterForm(args)
    form.letter_unit.choices = [SelectChoice("", _l("All"))] + [
        SelectChoice(u.id, u.name) for u in db.session.execute(db.select(Unit).order_by(Unit.position)).scalars()]
    form.validate()
    filters = {name: getattr(form, f"letter_{name}").data for name in ("state", "kind", "unit")
               if not getattr(form, f"letter_{name}").errors}
    return {"form": form, "letters": letter_queue(handled, unit_id, filters)}
