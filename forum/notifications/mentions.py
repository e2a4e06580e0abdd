"""@mentions in post text: who is meant, and a refusal for names nobody has."""
import re

from flask_babel import gettext as _

from forum import hooks
from forum.extensions import db
from forum.markup import MENTION_RE
from forum.models import User
from forum.models.base import LIKE_ESCAPE, like_literal
from forum.service import Refused

CODE_RE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def mentioned_users(body, strict=True):
    """The accounts a text mentions; Refused if a mention names no account (when strict)."""
    tokens = set(MENTION_RE.findall(CODE_RE.sub("", body or "")))
    named = _resolve(tokens)
    if strict and (nobody := sorted(tokens - set(named))):
        raise Refused(_("There is no member called @%(name)s.", name=nobody[0]), field="body")
    return [named[token][0] for token in sorted(named)]


@hooks.mention_targets.provide
def mention_targets(tokens):
    """For the renderer's profile links: {token: (username, length of the name)}."""
    return {token: (user.username, length) for token, (user, length) in _resolve(tokens).items()}


def _resolve(tokens):
    """{token: (user, n)}: the account each token names by its longest prefix of n ≥ 2
    characters that is a username; tokens naming nobody are left out."""
    if not tokens:
        return {}
    prefixes = {User.key_for(token[:n]) for token in tokens for n in range(2, len(token) + 1)}
    users = {user.username_key: user for user in db.session.execute(
        db.select(User).where(User.username_key.in_(prefixes), User.deleted_at.is_(None))
    ).scalars()}
    named = {}
    for token in tokens:
        n = next((n for n in range(len(token), 1, -1) if User.key_for(token[:n]) in users), None)
        if n is not None:
            named[token] = (users[User.key_for(token[:n])], n)
    return named


def complete_username(prefix, limit=8):
    """Accounts whose username starts with prefix (at least 2 characters), shortest first."""
    key = User.key_for(prefix)[:20]
    if len(key) < 2 or not MENTION_RE.fullmatch("@" + key):
        return []
    return db.session.execute(
        db.select(User).where(User.username_key.like(like_literal(key) + "%", escape=LIKE_ESCAPE),
                              User.deleted_at.is_(None))
        .order_by(db.func.length(User.username_key), User.username_key).limit(limit)
    ).scalars().all()
