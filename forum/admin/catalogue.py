"""The system admin's board index: categories and boards made, renamed, reordered and
archived (never deleted: an archived board is read-only and off the index). Each write
is logged with its values before and after, in one commit."""
from flask_babel import gettext as _
from flask_babel import ngettext

from forum.admin.services import checked_slug
from forum.audit import describe_changes, log_action
from forum.boards.registry import built_types
from forum.extensions import db
from forum.models import Board, Category, Unit
from forum.models.base import utcnow
from forum.models.unit import TOWNSHIP_KINDS
from forum.service import Refused, commit

def create_category(actor, name, position):
    """Add a heading to the board index."""
    taken = Refused(_("A category named %(name)s exists already.", name=name), field="name")
    if db.session.execute(db.select(Category.id).where(Category.name == name)).first():
        raise taken
    category = Category(name=name, position=position)
    db.session.add(category)
    db.session.flush()  # for its id in the log
    log_action(actor, "category_add", "category", category.id, None,
               describe_changes({}, {"name": name, "position": position}))
    commit(on_conflict=taken)
    return category


def update_category(category, actor, name, position):
    """Rename or move a category."""
    before, after = {"name": category.name, "position": category.position}, {"name": name, "position": position}
    if before == after:
        raise Refused(_("Nothing was changed."))
    category.name, category.position = name, position
    log_action(actor, "category_edit", "category", category.id, None, describe_changes(before, after))
    commit(on_conflict=Refused(_("A category named %(name)s exists already.", name=name), field="name"))


def archive_category(category, actor):
    """Take a category off the index; refused while it holds live boards."""
    live = live_boards(category)
    if live:
        raise Refused(ngettext("%(name)s still has %(num)d live board: move it to another category "
                               "or archive it first.",
                               "%(name)s still has %(num)d live boards: move them to another "
                               "category or archive them first.", len(live), name=category.name))
    _set_archived(category, actor, "category", utcnow())


def restore_category(category, actor):
    _set_archived(category, actor, "category", None)


def move_boards(category, target, actor):
    """Move a category's live boards to the end of another live category."""
    if target.id == category.id or target.archived_at is not None:
        raise Refused(_("Choose another category that is not archived."), field="target_id")
    start = len(live_boards(target))
    for offset, board in enumerate(live_boards(category)):
        log_action(actor, "board_edit", "board", board.id, board.id, describe_changes(
            {"category_id": board.category_id}, {"category_id": target.id}))
        board.category_id, board.position = target.id, start + offset
    commit()


def live_boards(category):
    """The category's boards that are not archived, in order."""
    return [board for board in category.boards if board.archived_at is None]


def create_board(actor, *, slug, type, **fields):
    """Make a board of a registered type in a category; its type's own settings are set
    afterwards on its manage page."""
    slug = checked_slug(slug)
    if type not in {board_type.key for board_type in built_types()}:
        raise Refused(_("There is no board type %(type)s.", type=type), field="type")
    taken = Refused(_("A board with the slug %(slug)s exists already.", slug=slug), field="slug")
    if db.session.execute(db.select(Board.id).where(Board.slug == slug)).first():
        raise taken
    board = Board(slug=slug, type=type, settings={}, **fields)
    db.session.add(board)
    db.session.flush()  # for its id in the log
    log_action(actor, "board_add", "board", board.id, board.id,
               describe_changes({}, {"slug": slug, "type": type, **fields}))
    commit(on_conflict=taken)
    return board


def archive_board(board, actor):
    """Make a board read-only and take it off the index; nothing in it is deleted."""
    _set_archived(board, actor, "board", utcnow())


def restore_board(board, actor):
    _set_archived(board, actor, "board", None)


def _set_archived(row, actor, kind, at):
    if (row.archived_at is None) == (at is None):
        raise Refused(_("Nothing was changed."))
    row.archived_at = at
    log_action(actor, f"{kind}_{'archive' if at else 'restore'}", kind, row.id,
               row.id if kind == "board" else None,
               describe_changes({"archived": at is None}, {"archived": at is not None}))
    commit()


def category_for_unit(unit):
    """The category where boards of units like this one (townships, or departments) are:
    where a new unit's board belongs; None if there is none yet."""
    alike = Unit.kind.in_(TOWNSHIP_KINDS) if unit.is_township else Unit.kind.not_in(TOWNSHIP_KINDS)
    return db.session.execute(
        db.select(Board.category_id).join(Unit, Unit.id == Board.unit_id)
        .where(alike, Board.archived_at.is_(None)).group_by(Board.category_id)
        .order_by(db.func.count().desc()).limit(1)).scalar()
