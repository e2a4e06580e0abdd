"""What the training centre's notifications say."""
from flask_babel import gettext as _

from forum.notifications.kinds import kind


@kind("study_check")
def _study_check(n):
    return _("A duty officer asks you to confirm who is studying “%(title)s”: answer in the study page within two minutes.",
             title=n.data.get("title", ""))


@kind("campaign_assigned")
def _campaign_assigned(n):
    return _("You are asked to take part in the study campaign “%(title)s” by %(date)s.",
             title=n.data.get("title", ""), date=n.data.get("ends_on", ""))


@kind("essay_reviewed")
def _essay_reviewed(n):
    return _("%(actor)s reviewed your study essay “%(title)s”.", actor=_actor(n), title=n.data.get("title", ""))


def _actor(n):
    return n.actor.name if n.actor else ""
