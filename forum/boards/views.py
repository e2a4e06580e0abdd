"""Forum pages: load, check access, call one service, render or redirect."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import fragments, hooks, shared_pages
from forum.access import Access
from forum.boards import bp, queries
from forum.boards.forms import EditForm, ListingForm, PostForm, PreviewForm, ThreadForm
from forum.boards.loaders import (get_board, load_board, load_post, load_thread, quotable_post,
                                  refuse_if_archived, start_refusal)
from forum.boards.board_index import board_grid, entries, unit_groups
from forum.boards.reading import mark_thread_read, unread_board_ids
from forum.boards.post_list import PostList
from forum.boards.registry import get_type
from forum.boards.thread_list import ThreadList
from forum.boards.services import create_thread, edit_post, reply
from forum.extensions import limiter
from forum.feedback import attempt
from forum.inbound import accepts_files
from forum.markup import quote_source, render
from forum.models import ContentStatus
from forum.pages import check_in_range, page_count, requested_page
from forum.permissions import access_for, can_edit_post
from forum.stats import online, view_counts
from forum.urls import int_arg, url_builder

@bp.get("/")
def index():
    marked = (unread_board_ids(current_user, fragments.kept(("index-newest",), queries.newest_posts))
              if current_user.is_authenticated else ())
    mark = fragments.cached("new-mark", lambda: render_template("boards/_new_mark.html")) if marked else ""
    return shared_pages.page(lambda: (render_template(
        "boards/index.html", board_list=fragments.cached("index", _board_list)), {}),
        marks={"new": (marked, mark)}).html


def _board_list():
    categories = queries.index_categories()
    boards = [b for c in categories for b in c.boards]
    last = queries.last_posts(b.last_post_id for b in boards if get_type(b.type).on_index)
    board_url, post_url = url_builder("boards.board", "slug"), url_builder("boards.post", "post_id")
    return render_template("boards/_index_list.html",
                           categories=[(c, entries(c.boards, last, board_url, post_url))
                                       for c in categories],
                           type_figures=_type_figures(boards),
                           moderators=queries.board_moderators(b.id for b in boards),
                           grid=board_grid, unit_groups=unit_groups,
                           figures=queries.site_figures(categories),
                           online=online.online_counts())


def _type_figures(boards):
    """What each board type counts for its index rows, one call per type."""
    by_type = {}
    for board in boards:
        by_type.setdefault(board.type, []).append(board)
    figures = {}
    for key, of_type in by_type.items():
        figures.update(get_type(key).index_figures(of_type))
    return figures


@bp.get("/b/<slug>")
def board(slug):
    board = load_board(slug)
    user = current_user._get_current_object()  # not the proxy: each use of it looks it up
    access = access_for(user, board)
    board_type = get_type(board.type)
    sort_form = ListingForm(request.args, featuring=board_type.featuring)
    page = requested_page()
    listed = ThreadList(board, page, current_app.config["THREADS_PER_PAGE"], sort_form.listing())
    check_in_range(page, listed.pages)

    def build():
        return render_template(
            board_type.template("board.html"), board=board, board_type=board_type, access=access,
            listed=listed, page=page, sort_form=sort_form, sort_args=sort_form.query_args(),
            **hooks.parts("board", board=board, user=user),
            **board_type.board_page(board, user)), {}
    return shared_pages.page(build, lambda: listed.version, board_type.shares_pages,
                             board=board, access=access, listed=listed).html


@bp.route("/b/<slug>/new", methods=["GET", "POST"])
@accepts_files
@limiter.limit("30 per hour", methods=["POST"])
def new_thread(slug):
    board = get_board(slug)
    refuse_if_archived(board)
    own_page = get_type(board.type).start_page(board)  # a letter: guests may write one
    if own_page is not None:
        return own_page
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if why := start_refusal(board):
        message, url, link = why
        return render_template("errors/error.html", code=403, title=_("Not allowed"),
                               message=message, action=(url, link)), 403
    form = ThreadForm()
    preview = None
    if form.validate_on_submit():
        if form.wants_preview:
            preview = render(form.body.data)
            hooks.files_previewed(current_user, board, form)
        elif created := attempt(form, lambda: _start(board, form), default="body"):
            _flash_if_queued(created.value)
            return redirect(url_for("boards.thread", thread_id=created.value.id))
    return render_template(get_type(board.type).template("new_thread.html"), board=board,
                           form=form, preview=preview, **hooks.parts("editor"))


@bp.get("/t/<int:thread_id>")
def thread(thread_id):
    thread = load_thread(thread_id)
    user = current_user._get_current_object()  # not the proxy: each use of it looks it up
    access = access_for(user, thread.board, thread)
    board_type = get_type(thread.board.type)
    page, per_page = requested_page(), current_app.config["POSTS_PER_PAGE"]
    pages = page_count(thread.last_number, per_page)
    check_in_range(page, pages)
    view_counts.record_view(thread.id)
    built = shared_pages.page(lambda: _thread_page(thread, board_type, access, page, pages),
                              lambda: _thread_version(thread, page, per_page),
                              board_type.shares_pages, thread=thread, board=thread.board, access=access)
    if user.is_authenticated and built.facts["read_upto"]:
        # After rendering: the commit expires what the page has loaded.
        mark_thread_read(user, thread, built.facts["read_upto"])
    return built.html


def _thread_version(thread, page, per_page):
    """What a thread page's shared skeleton is kept under: the thread's row and its posts'
    versions, so that a new post, an edit, a lock or a hidden post shows at once."""
    return (thread.board_id, thread.title, thread.status, thread.is_locked, thread.is_pinned,
            thread.is_featured, queries.posts_version(thread, page, per_page))


def _thread_page(thread, board_type, access, page, pages):
    """The page's markup, and the facts the view and the shared page need of its posts."""
    posts = queries.thread_posts(thread, page, current_app.config["POSTS_PER_PAGE"])
    values = dict(thread=thread, board=thread.board, access=access, page=page, pages=pages,
                  can_edit=lambda post: can_edit_post(current_user, post, access),
                  shows=lambda post: board_type.post_view(current_user, post, access),
                  **hooks.parts("thread", thread=thread, posts=posts, access=access,
                                user=current_user))
    html = render_template(board_type.template("thread.html"), posts=posts,
                           posts_html=PostList(posts, values),
                           views=thread.view_count + view_counts.pending(thread.id),
                           # Forms carry a CSRF token, which puts a cookie on the page:
                           # only for those who can use them, so guests' pages stay shareable.
                           form=PostForm() if Access.REPLY in access else None,
                           **hooks.parts("editor"), **values,
                           **board_type.thread_page(thread, current_user))
    return html, {"authors": {post.author_id for post in posts} | {thread.author_id},
                  "read_upto": max((post.created_at for post in posts), default=None)}


@bp.route("/t/<int:thread_id>/reply", methods=["GET", "POST"])
@accepts_files
@limiter.limit("120 per hour", methods=["POST"])
@login_required
def reply_to(thread_id):
    thread = load_thread(thread_id, need=Access.REPLY)
    board = thread.board
    form = PostForm()
    preview = None
    quoted_id = int_arg("quote")
    if request.method == "GET" and quoted_id is not None:
        form.body.data = _quote(thread, quoted_id)
    if form.validate_on_submit():
        if form.wants_preview:
            preview = render(form.body.data)
            hooks.files_previewed(current_user, board, form)
        elif replied := attempt(form, lambda: _reply(thread, form), default="body"):
            _flash_if_queued(replied.value)
            return redirect(url_for("boards.post", post_id=replied.value.id))
    return render_template("boards/reply.html", thread=thread, board=board, form=form,
                           preview=preview, **hooks.parts("editor"))


def _start(board, form):
    with hooks.files_posted(current_user, board) as attachments:
        return create_thread(board, current_user, form.title.data, form.body.data, attachments)


def _reply(thread, form):
    with hooks.files_posted(current_user, thread.board) as attachments:
        return reply(thread, current_user, form.body.data, attachments)


def _flash_if_queued(written):
    """Say that the new thread or reply waits, and who will review it, from what its
    service kept (its status and `unattended`): no query after the commit."""
    if written.status != ContentStatus.PENDING:
        return
    if written.unattended:
        flash(_("Your post is awaiting approval: this board has no moderator, so the system "
                "administrator will review it. Until then only you can see it."), "info")
    else:
        flash(_("Your post is awaiting a moderator's approval; until then only you can see it."), "info")


def _quote(thread, post_id):
    """Quote markup for a visible post of this same thread; nothing for any other."""
    post = quotable_post(thread, post_id)
    if post is None:
        return ""
    name = post.author.name if post.author else _("Anonymous")
    return quote_source(name, post.number, post.body)


@bp.get("/p/<int:post_id>")
def post(post_id):
    post = load_post(post_id)
    page = page_count(post.number, current_app.config["POSTS_PER_PAGE"])
    return redirect(url_for("boards.thread", thread_id=post.thread_id, page=page,
                            _anchor=f"p{post.id}"))


@bp.route("/p/<int:post_id>/edit", methods=["GET", "POST"])
@accepts_files
@limiter.limit("120 per hour", methods=["POST"])  # as replies: a preview renders as a post does
@login_required
def edit(post_id):
    post = load_post(post_id)
    refuse_if_archived(post.thread.board)  # moderators too: its posts stay as they were
    if not can_edit_post(current_user, post, access_for(current_user, post.thread.board, post.thread)):
        abort(403)
    someone_elses = post.author_id != current_user.id
    form = EditForm(obj=post if request.method == "GET" else None, edits_title=post.number == 1,
                    needs_reason=someone_elses)
    if request.method == "GET":
        form.reason.data = ""
    if request.method == "GET" and post.number == 1:
        form.title.data = post.thread.title
    preview = None
    if form.validate_on_submit():
        if form.wants_preview:
            preview = render(form.body.data)
            hooks.files_previewed(current_user, post.thread.board, form)
        elif outcome := attempt(form, lambda: _edit(post, form, someone_elses), default="body"):
            flash(_("Your edit waits for a moderator; until it is approved the post stays as "
                    "it was.") if outcome.value else _("Your changes have been saved."), "success")
            return redirect(url_for("boards.post", post_id=post_id))
    return render_template("boards/edit.html", post=post, thread=post.thread,
                           board=post.thread.board, form=form, preview=preview,
                           needs_reason=someone_elses, **hooks.parts("editor"))


@bp.post("/preview")
# A preview renders as a post does: limited like replies, with room for a pause in typing
# every few seconds (the script waits 600 ms after the last keystroke).
@limiter.limit("30 per minute;600 per hour")
@login_required
def preview():
    """The editor's live preview: the text rendered by forum.markup, as a fragment."""
    form = PreviewForm()
    if not form.validate_on_submit():
        return render_template("boards/_live_preview.html", html=None,
                               errors=[e for errors in form.errors.values() for e in errors]), 400
    return render_template("boards/_live_preview.html", html=render(form.body.data), errors=())


def _edit(post, form, someone_elses):
    with hooks.files_posted(current_user, post.thread.board) as attachments:
        return edit_post(post, current_user, form.body.data,
                         form.title.data if post.number == 1 else None,
                         reason=form.reason.data if someone_elses else None,
                         attachments=attachments, remove=request.form.getlist("remove"))
