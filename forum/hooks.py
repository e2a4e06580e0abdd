"""The forum's plugin seam (DESIGN §4): what the core tells the features and asks of them.

The core (boards, permissions, the registry) never imports a feature package. Instead:

- before a post is written it runs the **validators** features registered (the word
  filter, new-account review, mentions); each may amend the draft or refuse it with
  `forum.service.Refused`; then the **claims** (flood control), which write;
- after a write, inside the same unit of work and before its one commit, it sends a
  **signal** (blinker); a feature's receivers add their rows (queue items,
  notifications, attachments) to the session and commit nothing;
- where a page shows a feature's part (the moderation panel, the follow button), it asks
  the **page parts** registered for that page; where a page shows a block of a
  feature's own (its figures on /stats, a petition's card on its thread), it asks the
  **sections** registered for it; where a board lists threads, the **thread badges**;
- where a board's manage page offers settings, it adds the **board settings** features
  offer to those of the board's type;
- where a file belongs to no post but to a feature's own row (a receipt's file), the
  feature registered as its **file keeper** says who reads it;
- where it needs one thing done that a feature does (store the files sent with a post),
  it calls a **provided** function, which does nothing until a feature provides it.

Features register at import; `forum.create_app` imports the packages it lists. Each
registry keys its entries by function, so importing twice registers once.
"""
from contextlib import nullcontext
from dataclasses import dataclass, field

from blinker import Namespace
from flask import current_app

_signals = Namespace()

post_created = _signals.signal("post-created")
"""A thread's first post or a reply was added and flushed (it has an id), published or
waiting in the queue (`post.status` says which). Sender: the Post. Keyword arguments:
`draft` (the validated Draft), `attachments` (files the writer sent with it)."""

post_edited = _signals.signal("post-edited")
"""A post's text was changed and flushed, or (`held`) an edit of a published post must
wait for a moderator and changed nothing yet. Sender: the Post. Keyword arguments: `draft`,
`attachments` (files added), `remove` (tokens of files the editor removed), `held`."""


working_days_changed = _signals.signal("working-days-changed")
"""A year's holiday schedule was entered and flushed (`forum.workdays`). Sender: the
Calendar as it was before, to count in; `forum.workdays.current()` is the new one."""


@dataclass
class Draft:
    """A post about to be written, as validators see and amend it."""

    board: object
    author: object
    body: str
    title: str | None = None
    editing: object = None  # the Post being edited; None for a new thread or reply
    thread: object = None  # the Thread a reply goes to (None for a new thread or an edit)
    body_html: str = ""  # set by a validator that rendered the final text, else by the core
    review: tuple | None = None  # (reason, detail): the post waits for a moderator
    found: dict = field(default_factory=dict)  # what a validator looked up, for its receivers


_validators = {}


def validator(check):
    """Register check(draft), run before every post is written, in registration order."""
    _validators[_key(check)] = check
    return check


_claims = {}


def claim(take):
    """Register take(draft), run once every validator has passed the draft: a claim
    writes (flood control takes the author's posting slot) and may still refuse. A
    post's first write holds SQLite's one writer queue until the commit
    (forum/sqlite_writers.py), so every check's reads and work come before it."""
    _claims[_key(take)] = take
    return take


def validate(draft):
    """Run every validator over the draft, then every claim; the first refusal stops the
    write."""
    for check in _validators.values():
        check(draft)
    for take in _claims.values():
        take(draft)
    return draft


_parts = {}


def page_part(page):
    """Register part(**page_values) -> dict of template values for a core page
    ("board", "thread", "editor"; badges beside the threads of a board's list come from
    `thread_badges` instead); the page is rendered with every part's values. A board or
    thread page is built once for every reader of the same access (forum/shared_pages.py):
    a value that depends on who reads (not only on their access) belongs in a hole
    (forum/holes.py), as the follow buttons and a moderator's tools are."""
    def register(part):
        _parts.setdefault(page, {})[_key(part)] = part
        return part
    return register


def parts(page, **values):
    """The template values every registered part adds to a page."""
    extra = {}
    for part in _parts.get(page, {}).values():
        extra.update(part(**values))
    return extra


_sections = {}


def section(page):
    """Register section(**page_values) -> (template, values), or None to add nothing: a
    block of its own a feature adds to a core page, where the template is included with
    the values as `section`. Pages and their values: "stats", "search" (query), "board"
    (board, user: under the board's title), "thread" (thread, access, user: under the
    thread's title), "new_thread" (board, user: inside the new-thread form, after the
    title), "mod" (user: on /mod/), "header" (user: in the site header's account links,
    on every page; a logged-in user's only). On "stats" the values are JSON-able and the
    same in every language, as /stats.json gives them under the template's folder name
    (docs/stats.md). "header" and "thread" blocks are rendered for each reader (holes);
    "board" and "stats" blocks go into pages built once for every reader of the same
    access (forum/shared_pages.py), so they may not depend on who reads."""
    def register(block):
        _sections.setdefault(page, {})[_key(block)] = block
        return block
    return register


def sections(page, **values):
    """The (template, values) blocks features add to a page, in the order they registered."""
    found = (block(**values) for block in _sections.get(page, {}).values())
    return [each for each in found if each]


_badge_sources = {}


def thread_badges(source):
    """Register source(threads) -> {thread id: [(label, css class)]}: the badges a feature
    puts beside threads where a board lists them (read in one query for the page)."""
    _badge_sources[_key(source)] = source
    return source


def badges_of(threads):
    """{thread id: [(label, css class)]} from every registered source."""
    found = {}
    for source in _badge_sources.values():
        for thread_id, badges in source(threads).items():
            found.setdefault(thread_id, []).extend(badges)
    return found


_setting_offers = {}


def board_settings(offer):
    """Register offer(board) -> the `forum.boards.registry.Setting`s a feature adds to a
    board's manage page beside those of its type (stored in Board.settings alike)."""
    _setting_offers[_key(offer)] = offer
    return offer


def offered_settings(board):
    """The settings features offer on this board, in registration order."""
    return [setting for offer in _setting_offers.values() for setting in offer(board)]


_file_keepers = {}


def file_keeper(kind):
    """Register reads(user, attachment) -> bool for the files a feature keeps outside any
    post (Attachment.kept_by == kind): who may read them is the feature's to say."""
    def register(reads):
        _file_keepers[kind] = reads
        return reads
    return register


def reads_kept_file(user, attachment):
    """Whether the feature keeping this file lets the user read it (no feature: nobody)."""
    reads = _file_keepers.get(attachment.kept_by)
    return bool(reads and reads(user, attachment))


class Provided:
    """One function a feature provides for the core to call; `default` until then."""

    def __init__(self, doc, default):
        self.__doc__ = doc
        self._function = default

    def provide(self, function):
        self._function = function
        return function

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)


files_posted = Provided(
    """files_posted(user, board) -> context manager yielding the files a submitted post
    carries, stored but uncommitted; deleted again if the write fails.""",
    lambda user, board: nullcontext([]))

upload_request_limit = Provided(
    """upload_request_limit() -> the most bytes a form that sends files may carry.""",
    lambda: current_app.config["MAX_CONTENT_LENGTH"])

mention_targets = Provided(
    """mention_targets(tokens) -> {token: (username, length)}: for each "@token" of a
    text, the account it names, as the longest prefix of the token (`length` characters)
    that is a username; tokens naming nobody are left out.""",
    lambda tokens: {})

files_previewed = Provided(
    """files_previewed(user, board, form): on a preview, keep the chosen files listed.""",
    lambda user, board, form: None)


def _key(function):
    return f"{function.__module__}.{function.__qualname__}"
