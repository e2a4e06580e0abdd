"""Members' board index, board, thread and /stats pages, built once for the members who
see them alike.

Guests get whole stored pages (forum/pagecache.py); a member's page differs from another
member's in a few parts only: the header, flashes, follow buttons, new-post marks, a
petition's steps, a moderator's thread tools, the CSRF token. Those are holes
(forum/holes.py). The rest is kept a few seconds per worker (forum/fragments.py,
page_cache_seconds) as a skeleton, under the page's address, language and the reader's
access, with what the view knows cheaply of the content's state (a thread's row and its
page's posts' versions; a board's counters), so that a new post or an edit shows at once.
What changes neither (a new avatar, a pin seen on the board list) shows within those
seconds, as it does for guests.

A reader shares a skeleton only with readers of the same access (the moderators of a
board share theirs, whose own pin and move choices are a hole) and only where nothing
else on it depends on who they are: neither admin nor unit account nor banned (the page
says why, and until when), on a board type whose pages are the same for all such readers
(`BoardType.shares_pages`), and not the author of a post on the page (the facts `build`
returns name them). Everyone else gets the page built for them alone, through the same
holes.
"""
from collections import namedtuple

from flask import g, request
from flask_babel import get_locale
from flask_login import current_user

from forum import fragments, holes
from forum.access import Access

Built = namedtuple("Built", "html facts")  # facts: what the view needs after (a thread's
                                           # newest post time, the authors on the page)


def page(build, version=tuple, shares=True, **page_values):
    """The page for this reader: `build()` -> (html, facts) rendered as a skeleton and kept
    under `version()`, what the content's state is (nothing but the seconds, by default),
    where the reader shares it (and `shares`, the board type's word); then its holes
    filled from `page_values` (with the reader's `access` to the page, if any).
    """
    g.page_values = page_values
    access = page_values.get("access", Access.VIEW)
    if _shares(access, shares):
        key = ("page", request.full_path, str(get_locale()), int(access), version())
        built = fragments.kept(key, lambda: _build(build))
        if current_user.id in built.facts.get("authors", ()):
            built = _build(build)
    else:
        built = _build(build)
    return Built(holes.fill(built.html), built.facts)


def _shares(access, shares):
    user = current_user._get_current_object()
    return (shares and user.is_authenticated and not user.admin_role
            and not user.is_unit_account and not user.is_banned)  # their reason


def _build(build):
    html, facts = holes.building(build)
    return Built(holes.skeleton(html), facts)
