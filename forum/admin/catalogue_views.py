"""/admin/categories and /admin/boards/new: the system admin's board index (categories and
boards made, renamed, reordered, archived); a board's type settings are on its manage page."""
from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forum.access import admin_required
from forum.admin import bp, catalogue, queries
from forum.admin.forms import CategoryForm, MoveBoardsForm, NewBoardForm
from forum.boards.registry import built_types
from forum.extensions import db
from forum.feedback import attempt, flash_outcome
from forum.models import AdminRole, Board, BoardTypeKey, Category, Unit


@bp.route("/categories", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def categories():
    form = CategoryForm()
    if form.validate_on_submit() and attempt(
            form, lambda: catalogue.create_category(current_user, form.name.data, form.position.data),
            done=_("The category has been added.")):
        return redirect(url_for("admin.categories"))
    return render_template("admin/categories.html", categories=queries.categories_in_order(),
                           form=form)


@bp.route("/categories/<int:category_id>", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def category_edit(category_id):
    category = db.get_or_404(Category, category_id)
    form = CategoryForm(obj=category)
    if form.validate_on_submit() and attempt(
            form, lambda: catalogue.update_category(category, current_user, form.name.data,
                                                    form.position.data),
            done=_("The category has been saved.")):
        return redirect(url_for("admin.categories"))
    return render_template("admin/category_edit.html", category=category, form=form,
                           live=catalogue.live_boards(category), move_form=_move_form(category),
                           action_form=FlaskForm())


def _move_form(category):
    form = MoveBoardsForm()
    form.target_id.choices = [SelectChoice(c.id, c.name) for c in queries.categories_in_order()
                              if c.id != category.id and c.archived_at is None]
    return form


@bp.post("/categories/<int:category_id>/<any(archive, restore):act>")
@admin_required(AdminRole.SYSTEM)
def category_archive(category_id, act):
    category = db.get_or_404(Category, category_id)
    change = catalogue.archive_category if act == "archive" else catalogue.restore_category
    done = _("The category has been archived.") if act == "archive" else _("The category is back on the index.")
    flash_outcome(FlaskForm(), lambda: change(category, current_user), done)
    return redirect(url_for("admin.category_edit", category_id=category.id))


@bp.post("/categories/<int:category_id>/move")
@admin_required(AdminRole.SYSTEM)
def category_move(category_id):
    category = db.get_or_404(Category, category_id)
    form = _move_form(category)
    flash_outcome(form, lambda: catalogue.move_boards(
        category, db.get_or_404(Category, form.target_id.data), current_user),
        _("The boards have been moved."))
    return redirect(url_for("admin.category_edit", category_id=category.id))


@bp.route("/boards/new", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def board_new():
    """A new board; ?unit= fills it in for that unit, in the category of units like it."""
    form = NewBoardForm()
    form.category_id.choices = [SelectChoice(c.id, c.name) for c in queries.categories_in_order()
                                if c.archived_at is None]
    form.unit_id.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(u.id, u.name) for u in queries.units_in_order()]
    form.type.choices = [SelectChoice(t.key, t.label) for t in built_types()]
    if form.validate_on_submit() and (made := attempt(form, lambda: catalogue.create_board(
            current_user, slug=form.slug.data, type=form.type.data, name=form.name.data,
            description=form.description.data, category_id=form.category_id.data,
            unit_id=form.unit_id.data or None, position=form.position.data),
            done=_("The board has been created: set its type's settings here."))):
        return redirect(url_for("boards.manage", slug=made.value.slug))
    if not form.is_submitted():
        _fill_for_unit(form, request.args.get("unit", type=int))
    return render_template("admin/board_new.html", form=form)


def _fill_for_unit(form, unit_id):
    form.type.data, form.position.data = BoardTypeKey.DISCUSSION.value, 0
    unit = db.session.get(Unit, unit_id) if unit_id else None
    if unit is not None:
        form.name.data, form.slug.data, form.unit_id.data = unit.name, unit.slug, unit.id
        form.category_id.data = catalogue.category_for_unit(unit)


@bp.post("/boards/<int:board_id>/<any(archive, restore):act>")
@admin_required(AdminRole.SYSTEM)
def board_archive(board_id, act):
    board = db.get_or_404(Board, board_id)
    change = catalogue.archive_board if act == "archive" else catalogue.restore_board
    done = (_("The board has been archived: it is read-only and off the index.") if act == "archive"
            else _("The board is back on the index."))
    flash_outcome(FlaskForm(), lambda: change(board, current_user), done)
    return redirect(url_for("admin.board_edit", board_id=board.id))
