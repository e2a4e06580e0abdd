"""Who issues, who reads the receipts, who signs and who marks a notice urgent
(DESIGN §4, §5). Issuing is starting a thread on a notice board (the owning unit's
accounts and the system admin); the issuing unit's accounts and the system admin read
who signed, readers only how many; a unit account signs for its own unit alone."""
from forum import hooks
from forum.access import is_admin
from forum.extensions import db
from forum.models import AdminRole
from forum.receipts.models import Receipt

NEWS_SLUG = "news"  # 党政信息发布: its owner unit may mark its notices urgent
FILE_KEEPER = "receipt"  # Attachment.kept_by of a file sent with 已落实


def reads_receipts(user, issue):
    """The issuing unit's accounts and the system admin see who signed, and remind."""
    if not user.is_authenticated or user.is_banned:
        return False
    if is_admin(user, AdminRole.SYSTEM):
        return True
    return user.is_unit_account and user.unit_id == issue.unit_id


def signs_for(user, receipt):
    """A unit account of the receipt's own unit."""
    return (user.is_authenticated and not user.is_banned and user.is_unit_account
            and user.unit_id is not None and user.unit_id == receipt.unit_id)


def has_inbox(user):
    """Unit accounts have an inbox of the notices addressed to their unit."""
    return (user.is_authenticated and not user.is_banned and user.is_unit_account
            and user.unit_id is not None)


def marks_urgent(user, board):
    """The system admin on any notice board; the 党政信息发布 owner unit's accounts on it."""
    if not user.is_authenticated or user.is_banned:
        return False
    if is_admin(user, AdminRole.SYSTEM):
        return True
    return (board.slug == NEWS_SLUG and user.is_unit_account and board.unit_id is not None
            and user.unit_id == board.unit_id)


@hooks.file_keeper(FILE_KEEPER)
def reads_receipt_file(user, attachment):
    """A file sent with 已落实: the unit that sent it and those who read who signed."""
    receipt = db.session.execute(
        db.select(Receipt).where(Receipt.file_id == attachment.id)).scalar_one_or_none()
    return receipt is not None and (signs_for(user, receipt) or reads_receipts(user, receipt.issue))
