"""Who runs the training centre: trainers publish and run lessons, duty officers watch
who is studying, a unit's account reads its learners' records."""
from forum.access import ADMIN_REACH, boards_with_role, roles_on
from forum.models import AdminRole, Role


def is_trainer(user, board):
    """Trainers of this training board, and the system admin, publish and run lessons."""
    return user.is_authenticated and bool(roles_on(user, board) & {Role.TRAINER, ADMIN_REACH})


def is_duty_officer(user):
    """Duty officers (值班员) are the trainers of any board, and the system admin."""
    if not user.is_authenticated or user.is_banned:
        return False
    return user.admin_role == AdminRole.SYSTEM or bool(boards_with_role(user, Role.TRAINER))


def can_see_unit_records(user):
    """A unit's account sees its own unit's learners' study records."""
    return user.is_authenticated and user.is_unit_account and user.unit_id is not None
