"""我的 pages: load the member's page of a list, render it."""
from flask import current_app, render_template
from flask_login import current_user, login_required

from forum.mine import bp, queries
from forum.pages import requested_page


def _per_page():
    return current_app.config["THREADS_PER_PAGE"]


@bp.get("/me/threads")
@login_required
def threads():
    listing = queries.own_threads(current_user, requested_page(), _per_page())
    return render_template("mine/threads.html", listing=listing)


@bp.get("/me/replies")
@login_required
def replies():
    listing = queries.own_replies(current_user, requested_page(), _per_page())
    return render_template("mine/replies.html", listing=listing)


@bp.get("/me/follows")
@login_required
def follows():
    listing = queries.followed_threads(current_user, requested_page(), _per_page())
    return render_template("mine/follows.html", listing=listing,
                           boards=queries.followed_boards(current_user))
