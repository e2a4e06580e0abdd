"""What the training centre's notifications say."""
from flask_babel import gettext as _

from forum.notifications.kinds import kind


@kind("study_check")
def _study_check(n):
    return _("A duty officer asks you to confirm who is studying “%(title)s”: answer in the study page within two minutes.",
             title=n.data.get("title", ""))
