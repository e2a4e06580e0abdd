"""How the board index lays out a category: rows for a few boards, a grid for many.

A county forum's index holds a handful of boards per topic and one board per township
and per department (134 in Zhijin). Rows with counts and moderators suit the few; the
many show as a compact grid (Discuz! X's 版块横排), grouped as the units are grouped
(镇 / 乡 / 民族乡; 党群 / 政府 / 政法…), so the index stays a page or two tall.
"""
GRID_FROM = 12  # boards in a category from which it shows as a grid


def board_grid(category):
    """Whether the category shows its boards as a grid."""
    return len(category.boards) >= GRID_FROM


def unit_groups(boards):
    """[(group, boards)] in the boards' order, grouped by their unit's kind ("" for none)."""
    groups = {}
    for board in boards:
        groups.setdefault(board.unit.kind if board.unit else "", []).append(board)
    return list(groups.items())
