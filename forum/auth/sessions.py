"""Load the user of a session; a stale session version means the session has ended."""
from forum.extensions import db, login_manager
from forum.models import User


@login_manager.user_loader
def load_user(session_id):
    user_id, _, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version):
        return None
    return user
