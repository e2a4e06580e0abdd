"""The discussion board: public read, members post (DESIGN §4)."""
from forum.boards.registry import BoardType, register


@register
class Discussion(BoardType):
    """Township and department boards, 廉政阵地, 论文原创, 典型概览."""
