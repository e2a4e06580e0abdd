"""The board-type registry: small classes over the one content model (DESIGN §4)."""
from forum.labels import BOARD_TYPES
from forum.permissions import Access, may_write

_TYPES = {}


def register(cls):
    """Class decorator: make a board type available under its key."""
    _TYPES[cls.key] = cls()
    return cls


def public_types():
    """Keys of the types whose content is public (listed, counted, indexed)."""
    return [key for key, board_type in _TYPES.items() if board_type.public]


def get_type(key):
    """The board type for key; types not built yet answer as PendingType."""
    return _TYPES.get(key) or PendingType(key)


class BoardType:
    """Behaviour of a discussion board; other types override only what differs.

    Attributes:
        key: the value stored in Board.type.
        label: the type's name, shown to people.
        built: False where the type's behaviour does not exist yet.
        public: its content is listed on the index, counted in public figures and
            profiles, and indexed by search.
    """

    key = "discussion"
    label = BOARD_TYPES["discussion"]
    built = True
    public = True

    def access(self, user, board, thread, roles):
        """Flags for a user holding `roles` on `board` (and `thread`, if given)."""
        flags = Access.VIEW
        moderates = bool(roles & {"moderator", "manager", "admin"})
        if moderates:
            flags |= Access.MODERATE
        if roles & {"manager", "admin"}:
            flags |= Access.MANAGE
        writes = may_write(user, board)
        if writes and self.may_start(user, board, roles):
            flags |= Access.START
        if thread is not None:
            if thread.status != "published" and not moderates and thread.author_id != user.id:
                return Access.NONE
            if writes and self.may_reply(board, thread, moderates):
                flags |= Access.REPLY
        return flags

    def may_start(self, user, board, roles):
        """Whether a writer (already checked) may start threads here."""
        return True

    def may_reply(self, board, thread, moderates):
        """Whether a writer (already checked) may reply to this thread."""
        return moderates or not thread.is_locked

    def closed_to_admins(self, board):
        """Whether no admin account may hold a role on this board (三员分立, DESIGN §1)."""
        return False

    def start_page(self, board):
        """A type's own page for starting a thread (a letter), or None for the common one."""
        return None

    def page_context(self, board):
        """Extra template values for the type's board page."""
        return {}

    def template(self, name):
        """Templates to try for a page: the type's own, then the common one."""
        return [f"boards/{self.key}/{name}", f"boards/{name}"]


class PendingType(BoardType):
    """A board whose type is recorded but not built yet: readable notice, no content.

    It must never act as a discussion board: a letter posted to a mailbox before the
    mailbox exists would become a public thread.
    """

    built = False
    public = False

    def __init__(self, key):
        self.key = key
        self.label = BOARD_TYPES.get(key, key)

    def access(self, user, board, thread, roles):
        if thread is not None:
            return Access.NONE
        return Access.VIEW | (Access.MANAGE if roles & {"manager", "admin"} else Access.NONE)


# The built types register themselves on import.
from forum.boards.types import discussion, mailbox, notice, training  # noqa: E402,F401
