"""The board types (DESIGN §4): the one interface between the core and a special board.

`Board.type` names a type; `get_type(key)` answers with its class instance. The default,
`BoardType`, is the behaviour of a discussion board; a type overrides only what differs.
The core's own types are in `forum/boards/types/`; every other type lives in its feature
package (`forum/letters/boardtype.py`, ...) and registers itself there with `@register`.
A type whose package is not built answers as `PendingType`: readable, with no content.
"""
from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l

from forum.access import ADMIN_REACH, Access
from forum.models import BoardTypeKey, ContentStatus, Role

MODERATES = {Role.MODERATOR, Role.MANAGER, ADMIN_REACH}
MANAGES = {Role.MANAGER, ADMIN_REACH}

_TYPES = {}


def register(cls):
    """Class decorator: make a board type available under its key."""
    _TYPES[cls.key] = cls()
    return cls


def get_type(key):
    """The board type for key; types not built yet answer as PendingType."""
    return _TYPES.get(key) or PendingType(key)


def built_types():
    """The registered types whose behaviour exists, for the choice of a new board's type."""
    return [board_type for board_type in _TYPES.values() if board_type.built]


def types_where(policy):
    """Keys of the registered types whose `policy` attribute is true, e.g. "counted"."""
    return [key for key, board_type in _TYPES.items() if getattr(board_type, policy)]


@dataclass(frozen=True)
class Setting:
    """A setting a board of a type offers on its manage page, stored in Board.settings.

    The default's type is the setting's: a bool is a checkbox, an int a number, a str a
    text box.
    `editor` says who changes it: "manager" (the owning unit's accounts and the system
    admin) or "admin" (the system admin only). `check`, if given, takes the value given
    and returns the value to store, or raises forum.service.Refused (naming the setting
    as its field) to store nothing.
    """

    name: str
    label: str
    default: object = False
    editor: str = "manager"
    check: object = None


RULES = Setting("rules", _l("Board rules"), "")
PREMODERATED = Setting("premoderated",
                       _l("New threads and replies wait for a moderator's approval"))
VERIFIED_ONLY = Setting("verified_only", _l("Only real-name verified accounts may post"))


class BoardType:
    """Behaviour of a discussion board; other types override only what differs.

    Identity:
        key: the value stored in Board.type.
        label: the type's name, shown to people.
        built: False where the type's behaviour does not exist yet.

    Policies (class attributes, true for a discussion board):
        indexed: search may index its threads and posts.
        in_feeds: its threads appear in Atom feeds.
        on_index: the board index shows its counts and last post, and its threads may be
            pinned site-wide.
        counted: its posts count in public figures, profiles and members' post counts.
        featuring: its moderators mark threads 精华 (featured), and its list filters by them.
        shares_pages: its board and thread pages are the same for every member who neither
            moderates nor manages the board but for their holes (forum/shared_pages.py).
            False here, so that a new type whose pages show a member their own things
            (letters, talks, receipts) never shares them by mistake; the discussion type
            sets it.

    Settings and staff:
        settings: the `Setting`s a board of this type offers on its manage page.
        staff_roles: the board roles its managers appoint there (moderator, handler,
            trainer, counsellor, ...).
        index_row: the template partial the board index shows beside the board's name
            (None for nothing), with `index_figures` for what it counts.
    """

    key = BoardTypeKey.DISCUSSION
    label = BoardTypeKey.DISCUSSION.label
    built = True
    indexed = in_feeds = on_index = counted = featuring = True
    shares_pages = False
    settings = (RULES, PREMODERATED, VERIFIED_ONLY)
    staff_roles = (Role.MODERATOR,)
    index_row = "boards/_index_counts.html"

    # Access

    def access(self, user, board, thread, roles):
        """The Access flags of a user holding `roles` on `board`, and on `thread` if
        given. Answer Access.NONE for a thread the user may not know exists."""
        flags = Access.VIEW
        moderates = bool(roles & MODERATES)
        if moderates:
            flags |= Access.MODERATE
        if roles & MANAGES:
            flags |= Access.MANAGE
        writes = self.may_write(user, board)
        if writes and self.may_start(user, board, roles):
            flags |= Access.START
        if thread is not None:
            own = user.is_authenticated and thread.author_id == user.id
            if thread.status != ContentStatus.PUBLISHED and not moderates and not own:
                return Access.NONE
            if writes and self.may_reply(board, thread, moderates):
                flags |= Access.REPLY
        return flags

    def may_write(self, user, board):
        """A logged-in, unbanned account; verified where the board asks for it."""
        if not user.is_authenticated or user.is_banned:
            return False
        return user.is_verified or not board.settings.get("verified_only", False)

    def may_start(self, user, board, roles):
        """Whether a writer (already checked) may start threads here."""
        return True

    def start_refusal(self, user, board):
        """Why a logged-in user may not start a thread here, when they can do something
        about it: (message, url, link text); None when there is nothing to say."""
        if user.is_authenticated and not user.is_banned and not self.may_write(user, board) \
                and board.settings.get("verified_only") and not user.is_verified:
            return (_l("Only real-name verified accounts may post in this board."),
                    url_for("auth.verify"), _l("Verify your real name"))
        return None

    def may_reply(self, board, thread, moderates):
        """Whether a writer (already checked) may reply to this thread."""
        return moderates or not thread.is_locked

    def post_view(self, user, post, access):
        """How a post shows on its thread page: "full", "note" (its author sees why it
        is hidden), "placeholder" (others see that a floor is hidden) or "none"."""
        if post.status == ContentStatus.PUBLISHED or Access.MODERATE in access:
            return "full"
        own = user.is_authenticated and post.author_id == user.id
        if post.status == ContentStatus.PENDING:
            return "full" if own else "none"
        return "note" if own else "placeholder"

    def may_read_post(self, user, post, access):
        """Whether the user may read this post (and so its files), given `access`, the
        flags on its thread."""
        return Access.VIEW in access and self.post_view(user, post, access) == "full"

    def closed_to_admins(self, board):
        """Whether no admin account may hold a role on this board (三员分立, DESIGN §1)."""
        return False

    def check_staff(self, board, role, user):
        """Refuse (forum.service.Refused, field "username") an account this type does not
        take as `role` on `board`; any verified account by default."""

    # Pages

    def board_page(self, board, user):
        """Extra template values for the board page (rendered from `template`)."""
        return {}

    def thread_page(self, thread, user):
        """Extra template values for a thread page."""
        return {}

    def start_page(self, board):
        """A response for /b/<slug>/new of the type's own (a letter form), or None for
        the common new-thread page."""
        return None

    def index_figures(self, boards):
        """{board id: value} for the index rows of these boards of this type, read in one
        query for all of them; the `index_row` partial finds its board's value in
        `type_figures`."""
        return {}

    def template(self, name):
        """Templates to try for a page: the type's own, then the common one."""
        return [f"boards/{self.key}/{name}", f"boards/{name}"]

    # Policies that depend on the board

    def queues(self, board):
        """Whether every new thread and reply here waits for a moderator."""
        return bool(board.settings.get("premoderated"))

    def may_move_in(self, board):
        """Whether a moderator may move a thread of another board into this one."""
        return self.built and board.archived_at is None

    def may_move_out(self, board):
        """Whether a thread of this board may be moved to another."""
        return self.built


class PendingType(BoardType):
    """A board whose type is recorded but not built yet: readable notice, no content.

    It must never act as a discussion board: a letter posted to a mailbox before the
    mailbox exists would become a public thread.
    """

    built = False
    indexed = in_feeds = on_index = counted = featuring = False
    settings = ()
    staff_roles = ()
    index_row = "boards/_index_soon.html"

    def __init__(self, key):
        self.key = key
        self.label = next((k.label for k in BoardTypeKey if k == key), key)

    def access(self, user, board, thread, roles):
        if thread is not None:
            return Access.NONE
        return Access.VIEW | (Access.MANAGE if roles & MANAGES else Access.NONE)
