"""The training centre board type: lessons are threads, members discuss them (DESIGN §4)."""
from forum.access import ADMIN_REACH
from forum.boards.registry import BoardType, register
from forum.models import BoardTypeKey, Role
from forum.training import records
from forum.training.access import is_trainer
from forum.training.campaigns import current_campaign, unit_bars
from forum.training.figures import centre_figures
from forum.training.lessons import lesson_of


@register
class Training(BoardType):
    """干部在线教育培训中心: public reading; only trainers (and the system admin) start
    lessons; members reply to discuss them. Study records live beside the threads."""

    key = BoardTypeKey.TRAINING
    label = BoardTypeKey.TRAINING.label
    featuring = False  # its threads are not discussions
    staff_roles = (Role.MODERATOR, Role.TRAINER)

    def may_start(self, user, board, roles):
        return bool(roles & {Role.TRAINER, ADMIN_REACH})

    def board_page(self, board, user):
        """The centre's live figures, its campaigns and the current one's unit bars."""
        current = current_campaign()
        return {"centre": {"figures": centre_figures(),
                           "campaigns": records.board_campaigns(board), "current": current,
                           "bars": unit_bars(current) if current else []},
                "trains": is_trainer(user, board)}

    def thread_page(self, thread, user):
        """The thread's lesson (None while it is only a discussion)."""
        return {"lesson": lesson_of(thread), "trains": is_trainer(user, thread.board)}
