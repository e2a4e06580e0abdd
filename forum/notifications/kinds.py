"""What each kind of notification says; features register their own kinds here.

Texts are plain strings (Jinja escapes them) and are shown only to the recipient.
"""
from flask_babel import gettext as _

KINDS = {}


def kind(name):
    """Register the function that words notifications of kind `name`."""
    def register(function):
        KINDS[name] = function
        return function
    return register


def describe(notification):
    """The sentence a notification shows."""
    words = KINDS.get(notification.kind)
    return words(notification) if words else _("Something happened that concerns you.")


def _actor(notification):
    return notification.actor.name if notification.actor else _("Someone")


def _title(notification):
    return notification.data.get("title", "")


@kind("reply")
def _reply(n):
    return _("%(actor)s replied to your thread “%(title)s”.", actor=_actor(n), title=_title(n))


@kind("quote")
def _quote(n):
    return _("%(actor)s quoted your post in “%(title)s”.", actor=_actor(n), title=_title(n))


@kind("mention")
def _mention(n):
    return _("%(actor)s mentioned you in “%(title)s”.", actor=_actor(n), title=_title(n))


@kind("subscription")
def _subscription(n):
    return _("New post in “%(title)s”, which you follow.", title=_title(n))


@kind("post_approved")
def _approved(n):
    return _("Your post in “%(title)s” was approved.", title=_title(n))


@kind("post_rejected")
def _rejected(n):
    return _("Your post in “%(title)s” was not approved: %(reason)s",
             title=_title(n), reason=n.data.get("reason", ""))


@kind("queue_unattended")
def _unattended(n):
    return _("A post in “%(title)s” waits in %(board)s, a board with no moderator: review it "
             "in the moderation queue.", title=_title(n), board=n.data.get("board", ""))


@kind("edit_approved")
def _edit_approved(n):
    return _("Your edit in “%(title)s” was approved and is now shown.", title=_title(n))


@kind("edit_rejected")
def _edit_rejected(n):
    return _("Your edit in “%(title)s” was not approved; the post stays as it was: %(reason)s",
             title=_title(n), reason=n.data.get("reason", ""))


@kind("post_hidden")
def _hidden(n):
    return _("A moderator hid your post in “%(title)s”: %(reason)s",
             title=_title(n), reason=n.data.get("reason", ""))


@kind("thread_featured")
def _featured(n):
    return _("A moderator marked your thread “%(title)s” featured.", title=_title(n))


@kind("message")
def _message(n):
    return _("%(actor)s sent you a private message.", actor=_actor(n))
