"""The mailbox board type: a thread is a letter, read only through forum.letters (DESIGN §4)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forum.access import Access, roles_on
from forum.boards.registry import MANAGES, VERIFIED_ONLY, BoardType, Setting, register
from forum.letters.access import letter_access
from forum.letters.deadlines import DEFAULT_ANSWER_DAYS
from forum.letters.queries import box_page, letter_of_thread
from forum.letters.staffing import box_warnings
from forum.letters.tracking import opened_with_code
from forum.letters.views import write_page
from forum.letters.writers import is_whistleblower_box
from forum.letters.writing import mailbox_by_slug
from forum.models import BoardTypeKey, Role
from forum.service import Refused


MOST_DAYS = 365


def _deadline_days(days):
    if not 1 <= days <= MOST_DAYS:
        raise Refused(_("Working days from 1 to %(most)d.", most=MOST_DAYS), field="deadline_days")
    return days


def _superior(slug):
    """The slug of an existing mailbox, or empty for none."""
    slug = (slug or "").strip().lower()
    if slug and mailbox_by_slug(slug) is None:
        raise Refused(_("There is no mailbox %(slug)s.", slug=slug), field="superior")
    return slug


@register
class Mailbox(BoardType):
    """县委书记信箱, 组织部长信箱, 组织信箱, 举报信箱.

    The box page is public (its description, published letters and figures); a letter
    itself never is: every generic thread and post route answers 404 for it, whoever
    asks, and its readers (writer, handlers, the unit it was transferred to) use the
    letter pages, which check `letters.access.letter_access`.
    Settings: guests, anonymous, whistleblower, accept_days, answer_days or
    deadline_days, superior (the slug of the box that takes letters about this one);
    its managers change guests and verified_only, the system admin the others.
    """

    key = BoardTypeKey.MAILBOX
    label = BoardTypeKey.MAILBOX.label
    indexed = in_feeds = on_index = counted = featuring = False
    settings = (
        VERIFIED_ONLY, Setting("guests", _l("Guests may write letters (with a CAPTCHA)")),
        Setting("anonymous", _l("Members may write anonymously"), editor="admin"),
        Setting("whistleblower", _l("Whistleblower box: writers are sealed and no administrator "
                                    "may hold a role on it"), editor="admin"),
        Setting("deadline_days", _l("Working days to answer a letter"), DEFAULT_ANSWER_DAYS,
                editor="admin", check=_deadline_days),
        Setting("superior", _l("Slug of the superior box, which takes letters about this "
                               "box's own unit (empty: none)"), "", editor="admin", check=_superior))
    staff_roles = (Role.HANDLER,)
    index_row = None

    def access(self, user, board, thread, roles):
        if thread is not None:
            return Access.NONE
        flags = Access.VIEW
        if Role.HANDLER in roles:
            flags |= Access.HANDLE
        if roles & MANAGES:
            flags |= Access.MANAGE
        if self.may_write(user, board):
            flags |= Access.START
        return flags

    def may_write(self, user, board):
        """Members who may write here; guests where the box takes their letters."""
        if not user.is_authenticated:
            return bool(board.settings.get("guests"))
        return not user.is_banned and (user.is_verified or not board.settings.get("verified_only"))

    def may_read_post(self, user, post, access):
        """A letter's posts (and files) are as private as the letter: its readers, and
        whoever opened it with its query code in this browser session."""
        letter = letter_of_thread(post.thread_id)
        return letter is not None and (Access.VIEW in letter_access(user, letter)
                                       or opened_with_code(letter))

    def closed_to_admins(self, board):
        """The whistleblower box: no admin reads who blew the whistle."""
        return is_whistleblower_box(board)

    def check_staff(self, board, role, user):
        """A box's handlers are accounts of the unit that owns it (any, for a box of none)."""
        if board.unit_id is not None and user.unit_id != board.unit_id:
            raise Refused(_("A handler of %(board)s must be an account of %(unit)s.",
                            board=board.name, unit=board.unit.name), field="username")

    def start_page(self, board):
        return write_page(board)

    def board_page(self, board, user):
        """The public box; its managers (the unit, the system admin) also see what is wrong."""
        warnings = box_warnings([board]) if roles_on(user, board) & MANAGES else []
        return {**box_page(board), "box_warnings": warnings}

    def queues(self, board):
        return False

    def may_move_in(self, board):
        return False

    def may_move_out(self, board):
        return False
