"""@mentions in post text: who is meant, and a refusal for names nobody has."""
import re

from flask_babel import gettext as _

from forum.extensions import db
from forum.models import User
from forum.service import Refused

# Usernames are word characters and hyphens; Chinese text often runs straight on after
# a name (@张三你好), so each mention resolves to the longest prefix that is a username.
MENTION_RE = re.compile(r"(?<![\w@.\-])@([\w\-]{2,20})")
CODE_RE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def mentioned_users(body, strict=True):
    """The accounts a text mentions; Refused if a mention names no account (when strict)."""
    tokens = set(MENTION_RE.findall(CODE_RE.sub("", body or "")))
    if not tokens:
        return []
    prefixes = {User.key_for(token[:n]) for token in tokens for n in range(2, len(token) + 1)}
    users = {user.username_key: user for user in db.session.execute(
        db.select(User).where(User.username_key.in_(prefixes), User.deleted_at.is_(None))
    ).scalars()}
    found = []
    for token in sorted(tokens):
        user = next((users[key] for n in range(len(token), 1, -1)
                     if (key := User.key_for(token[:n])) in users), None)
        if user is None and strict:
            raise Refused(_("There is no member called @%(name)s.", name=token), field="body")
        if user is not None:
            found.append(user)
    return found


def complete_username(prefix, limit=8):
    """Accounts whose username starts with prefix (at least 2 characters), shortest first."""
    key = User.key_for(prefix)[:20]
    if len(key) < 2 or not MENTION_RE.fullmatch("@" + key):
        return []
    pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return db.session.execute(
        db.select(User).where(User.username_key.like(pattern, escape="\\"),
                              User.deleted_at.is_(None))
        .order_by(db.func.length(User.username_key), User.username_key).limit(limit)
    ).scalars().all()
