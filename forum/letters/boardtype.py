"""The mailbox board type: a thread is a letter, read only through forum.letters (DESIGN §4)."""
from flask_babel import lazy_gettext as _l

from forum.access import Access
from forum.boards.registry import MANAGES, VERIFIED_ONLY, BoardType, Setting, register
from forum.letters.access import letter_access
from forum.letters.queries import box_page, letter_of_thread
from forum.letters.tracking import opened_with_code
from forum.letters.views import write_page
from forum.letters.writers import is_whistleblower_box
from forum.models import BoardTypeKey, Role


@register
class Mailbox(BoardType):
    """县委书记信箱, 组织部长信箱, 组织信箱, 举报信箱.

    The box page is public (its description, published letters and figures); a letter
    itself never is: every generic thread and post route answers 404 for it, whoever
    asks, and its readers (writer, handlers, the unit it was transferred to) use the
    letter pages, which check `letters.access.letter_access`.
    Settings: guests, anonymous, whistleblower, accept_days, answer_days or
    deadline_days, superior (the slug of the box that takes letters about this one);
    its managers offer guests and verified_only, the rest are set when it is made.
    """

    key = BoardTypeKey.MAILBOX
    label = BoardTypeKey.MAILBOX.label
    indexed = in_feeds = on_index = counted = False
    settings = (VERIFIED_ONLY, Setting("guests", _l("Guests may write letters (with a CAPTCHA)")))
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

    def start_page(self, board):
        return write_page(board)

    def board_page(self, board, user):
        return box_page(board)

    def queues(self, board):
        return False

    def may_move_in(self, board):
        return False

    def may_move_out(self, board):
        return False
