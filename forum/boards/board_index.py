"""How the board index lays out a category: rows for a few boards, a grid for many.

A county forum's index holds a handful of boards per topic and one board per township
and per department (134 in Zhijin). Rows with counts and moderators suit the few; the
many show as a compact grid (Discuz! X's 版块横排), grouped as the units are grouped
(镇 / 乡 / 民族乡; 党群 / 政府 / 政法…), so the index stays a page or two tall.
"""
from collections import namedtuple

from forum.boards.registry import get_type
from forum.dates import local_today
from forum.holes import mark_slot
from forum.i18n import short_time

GRID_FROM = 12  # boards in a category from which it shows as a grid

# A board as its cell or row shows it, with what the template would otherwise look up
# or build per board (its type's policy, its links, its slot for a member's new mark,
# its last post's time as the `when` filter writes it): a call from a template costs a
# few microseconds, and the index has 150 boards. `last` is a LastPost or None.
Entry = namedtuple("Entry", "board url new_slot on_index last last_url last_iso last_when")


def entries(boards, last_posts, board_url, post_url):
    """[Entry] of these boards (queries.IndexBoard) with their last posts (queries.LastPost
    by id), linked by board_url(slug) and post_url(id); a last post only where the
    board's type shows it."""
    shown, today = [], local_today()
    for board in boards:
        on_index = get_type(board.type).on_index
        last = last_posts.get(board.last_post_id) if on_index else None
        at = last and last.created_at
        shown.append(Entry(board, board_url(board.slug), mark_slot("new", board.id), on_index, last,
                           last and post_url(last.id), at and at.isoformat(),
                           at and short_time(at, today)))
    return shown


def board_grid(boards):
    """Whether a category of these boards shows them as a grid."""
    return len(boards) >= GRID_FROM


def unit_groups(entries):
    """[(group, entries)] in the boards' order, grouped by their unit's kind ("" for none)."""
    groups = {}
    for entry in entries:
        groups.setdefault(entry.board.unit_kind or "", []).append(entry)
    return list(groups.items())
