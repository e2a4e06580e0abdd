"""The search page: read the filters, ask the adapter, render. Guests get no cookie."""
from datetime import date

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import bindparam

from forum import fragments, hooks
from forum.auth.services import find_user
from forum.boards.registry import get_type, types_where
from forum.extensions import db
from forum.models import Board, Thread
from forum.access import Access
from forum.permissions import access_for
from forum.reads import read
from forum.search import bp
from forum.search.adapter import search
from forum.search.text import MAX_QUERY_CHARS
from forum.urls import parse_int

SORTS = ("relevance", "newest")


@bp.get("/search")
def search_page():
    args = request.args
    query = args.get("q", "").strip()
    errors = []  # filters that make no sense: no search is run
    filters = {"board": _board(args.get("board", ""), errors),
               "thread": _thread(args.get("thread", ""), errors),
               "author": _author(args.get("author", ""), errors),
               "since": _day(args.get("since", ""), _("From"), errors),
               "until": _day(args.get("until", ""), _("To"), errors, end=True)}
    sort = args.get("sort") if args.get("sort") in SORTS else "relevance"
    page = parse_int(args.get("page", "1"), low=1, high=999_999) or 1
    notes = []
    if len(query) > MAX_QUERY_CHARS:
        notes.append(_("Only the first %(n)d characters of the query were searched.",
                       n=MAX_QUERY_CHARS))
    results, sections = None, []
    if query and not errors:
        results = search(query, current_user, filters, page, newest=sort == "newest")
        if results.words and page > results.pages:
            notes.append(_("There is no page %(page)d of these results.", page=page))
        if page == 1 and not any(filters.values()):  # what features find beside the posts
            sections = hooks.sections("search", query=query[:MAX_QUERY_CHARS])
    return render_template("search/search.html", query=query, results=results,
                           problems=errors + notes, sort=sort, boards=_boards(),
                           args=_kept_args(args, sort), sections=sections)


def _board(slug, problems):
    if not slug:
        return None
    board = db.session.execute(db.select(Board).where(Board.slug == slug[:60])).scalar_one_or_none()
    # Only public boards are indexed; one the reader may not see does not exist for them.
    if (board is None or not get_type(board.type).indexed
            or Access.VIEW not in access_for(current_user, board)):
        problems.append((_("There is no such board.")))
        return None
    return board.id


def _thread(raw, problems):
    if not raw:
        return None
    thread_id = parse_int(raw)
    thread = db.session.get(Thread, thread_id) if thread_id is not None else None
    if thread is None or Access.VIEW not in access_for(current_user, thread.board, thread):
        problems.append((_("There is no such thread.")))
        return None
    return thread.id


def _author(name, problems):
    if not name.strip():
        return None
    user = find_user(name.strip()[:40])
    if user is None:
        problems.append((_("There is no member called “%(name)s”.", name=name[:40])))
        return None
    return user.id


def _day(raw, label, problems, end=False):
    from forum.dates import day_end_utc, day_start_utc

    if not raw:
        return None
    try:
        day = date.fromisoformat(raw[:10])
    except ValueError:
        problems.append((_("%(field)s is not a date like 2024-05-01.", field=label)))
        return None
    return day_end_utc(day) if end else day_start_utc(day)


_BOARDS = (db.select(Board.slug, Board.name).where(Board.type.in_(bindparam("types", expanding=True)))
           .order_by(Board.position, Board.id))


def _boards():
    """The boards a filter may name: those of public types (only they are indexed), kept a
    few seconds per worker as the board index is (a renamed board shows within them)."""
    return fragments.kept(("search-boards",),
                          lambda: read(_BOARDS, {"types": types_where("indexed")}).all())


def _kept_args(args, sort):
    """The filters to keep in pagination links."""
    kept = {key: args[key][:100] for key in ("q", "board", "thread", "author", "since", "until")
            if args.get(key)}
    kept["sort"] = sort
    return kept
