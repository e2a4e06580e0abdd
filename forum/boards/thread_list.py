"""One page of a board's thread list, as the board page shows it.

The rows are the same for every reader but for a member's new-post marks, and building
them (the threads, their last posts and badges, and the row markup) was most of what a
member's board page cost. They are kept for a few seconds per worker (forum/fragments.py)
in both states, under the board's counters, so that a new thread or reply is listed at
once; a member's marks are then one look at their read marks for the row ids. What a
moderator changes without posting (a pin, a lock, a badge) shows within those seconds,
as it does for guests. A board type whose own template lists its threads its own way (the
care fund's appeals) reads `pinned` and `threads` instead, and only then are they read.
"""
from collections import namedtuple
from functools import cached_property

from flask import render_template
from flask_babel import get_locale
from markupsafe import Markup

from forum import fragments, hooks
from forum.boards import queries
from forum.boards.reading import unread_ids
from forum.boards.registry import get_type
from forum.pages import page_count

Row = namedtuple("Row", "id board_id last_post_at read unread")  # read/unread: its markup

_END = "<!--/row-->"  # the end of each row in templates/boards/_thread_rows.html


class ThreadList:
    """Page `page` of `board`'s threads in the order and filter of `listing`."""

    def __init__(self, board, page, per_page, listing):
        self.board, self.page, self.per_page, self.listing = board, page, per_page, listing
        self.built = get_type(board.type).built
        self.version = (board.id, board.thread_count, board.post_count, board.last_post_id, page,
                        tuple(sorted((name, str(value)) for name, value in listing.items())))

    @cached_property
    def _all_pinned(self):
        """The pins the listing shows on its first page (and leaves out of its count)."""
        pinned = queries.pinned_threads(self.board) if self.built else []
        return [t for t in pinned if (not self.listing["unanswered"] or t.reply_count == 0)
                and (not self.listing["featured"] or t.is_featured)]

    @property
    def pinned(self):
        return self._all_pinned if self.page == 1 else []

    @cached_property
    def threads(self):
        if not self.built:
            return []
        return queries.board_threads(self.board, self.page, self.per_page, **self.listing)

    @cached_property
    def pages(self):
        return fragments.kept(("board-pages",) + self.version, self._count_pages)

    @property
    def any(self):
        """Whether the page lists any thread."""
        return bool(self._rows)

    def rows(self, user):
        """The rows' markup, each marked new or not for `user`."""
        rows = self._rows
        unread = unread_ids(user, rows)
        # Every row is Markup already: joined as text, not escaped again one by one.
        return Markup("".join(row.unread if row.id in unread else row.read for row in rows))

    @cached_property
    def _rows(self):
        return fragments.kept(("board-rows", str(get_locale())) + self.version, self._render_rows)

    def _count_pages(self):
        if (self.listing["unanswered"] or self.listing["featured"]) and self.built:
            listed = queries.filtered_count(self.board, self.listing["unanswered"],
                                            self.listing["featured"])
        else:
            listed = self.board.thread_count - sum(t.board_id == self.board.id for t in self._all_pinned)
        return page_count(listed, self.per_page)

    def _render_rows(self):
        shown = self.pinned + self.threads
        if not shown:
            return []
        values = {"rows": shown, "badges": hooks.badges_of(shown),
                  "last_posts": queries.last_posts(t.last_post_id for t in shown)}
        read, unread = (render_template("boards/_thread_rows.html", is_unread=state, **values)
                        .split(_END)[:-1] for state in (False, True))
        return [Row(t.id, t.board_id, t.last_post_at, Markup(r), Markup(u))
                for t, r, u in zip(shown, read, unread)]
