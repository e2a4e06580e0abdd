"""The branches' pages: the board page's list (the board type's), a branch's page, its
new-thread page, 我的支部, creating a branch, the figures and the /stats section."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from forum import hooks
from forum.access import Access
from forum.branch import bp, queries
from forum.branch.access import branch_access, membership, may_appoint
from forum.branch.branches import create_branch
from forum.branch.figures import by_unit
from forum.branch.forms import ApplyForm, BranchForm, SecretaryForm, ThreadForm
from forum.branch.loaders import load_branch, load_branch_board, load_branch_for
from forum.branch.models import MemberState
from forum.branch.posting import start_branch_thread
from forum.feedback import attempt


def board_values(board, user):
    """The board page: the branches with their units and member counts, and the user's
    own memberships."""
    return {"branches": queries.branch_list(board),
            "mine": {m.branch_id: m for m in queries.memberships_of(user)}}


def start_page(board):
    """Threads start inside a branch: /b/<slug>/new sends to the list of branches."""
    return redirect(url_for("boards.board", slug=board.slug))


@bp.get("/branch/<int:branch_id>")
def branch(branch_id):
    """Public: the name, unit and member count; members and the secretary see inside."""
    branch = load_branch(branch_id)
    access = branch_access(current_user, branch)
    inside = {}
    if Access.VIEW in access:
        inside = {"threads": queries.branch_threads(branch),
                  "meetings": queries.meetings([branch.id])[:20]}
    return render_template("branch/branch.html", branch=branch, access=access,
                           member_count=queries.member_count(branch),
                           own=membership(current_user, branch.id),
                           form=ApplyForm() if current_user.is_authenticated else None,
                           appoints=may_appoint(current_user, branch),
                           secretary_form=SecretaryForm(), **inside)


@bp.route("/branch/<int:branch_id>/new", methods=["GET", "POST"])
@login_required
def new_thread(branch_id):
    branch = load_branch_for(branch_id, need=Access.REPLY)
    form = ThreadForm()
    if form.validate_on_submit() and (started := attempt(form, lambda: start_branch_thread(
            branch, current_user, form.title.data, form.body.data), default="body")):
        return redirect(url_for("boards.thread", thread_id=started.value.id))
    return render_template("branch/new_thread.html", branch=branch, form=form)


@bp.route("/branch/in/<slug>/create", methods=["GET", "POST"])
@login_required
def create(slug):
    board = load_branch_board(slug, need=Access.MANAGE)
    form = BranchForm()
    form.unit.choices = [SelectChoice(0, _("Choose…"))] + [
        SelectChoice(unit.id, unit.name) for unit in queries.units()]
    if form.validate_on_submit() and (made := attempt(form, lambda: create_branch(
            board, current_user, name=form.name.data, unit_id=form.unit.data,
            secretary=form.secretary.data), default="name")):
        return redirect(url_for("branch.branch", branch_id=made.value.id))
    return render_template("branch/create.html", board=board, form=form)


@bp.get("/branch/mine")
@login_required
def mine():
    """我的支部: the user's branches, their meetings and the user's attendance."""
    rows = queries.memberships_of(current_user)
    ids = [m.branch_id for m in rows if m.state == MemberState.MEMBER]
    meetings = queries.meetings(ids)[:50] if ids else []
    return render_template("branch/mine.html", memberships=rows, meetings=meetings,
                           attendance=queries.attendance([m.id for m in meetings]),
                           enquiries=queries.enquiries_of(current_user))


@bp.get("/branch/in/<slug>/figures")
@login_required
def figures(slug):
    """The organisation department's figures: for the board's managers (its owning unit's
    account, 县委组织部, and the system admin)."""
    board = load_branch_board(slug, need=Access.MANAGE)
    units, total = by_unit(queries.figures_by_branch([board.id]))
    return render_template("branch/figures.html", board=board, units=units, total=total)


@hooks.section("stats")
def stats_section():
    """网上支部's figures on /stats: totals only."""
    _units, total = by_unit(queries.figures_by_branch())
    if not total.branches:
        return None
    return "branch/stats.html", {"total": {"branches": total.branches, "members": total.members,
                                           "mobile": total.mobile, "held": total.held,
                                           "attendance": total.attendance}}
