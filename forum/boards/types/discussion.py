"""The discussion board: public read, members post (DESIGN §4)."""
from forum.boards.registry import BoardType, register


@register
class Discussion(BoardType):
    """Township and department boards, 廉政阵地, 论文原创, 典型概览."""

    shares_pages = True  # what is a member's own there is in holes (forum/boards/holes.py)
