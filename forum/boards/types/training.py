"""The training centre: lessons are threads, members discuss them (DESIGN §4)."""
from forum.boards.registry import BoardType, register
from forum.labels import BOARD_TYPES


@register
class Training(BoardType):
    """干部在线教育培训中心: public reading; only trainers (and the system admin) start
    lessons; members reply to discuss them. Study records live beside the threads."""

    key = "training"
    label = BOARD_TYPES["training"]

    def may_start(self, user, board, roles):
        return bool(roles & {"trainer", "admin"})
