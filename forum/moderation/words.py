"""Word filter writes: add and remove rules; each commits once, logged, with a new version."""
from uuid import uuid4

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from forum.extensions import db
from forum.models import WordRule
from forum.models.moderation import WORD_ACTIONS
from forum.audit import log_action
from forum.moderation.wordfilter import active_filter, normalise
from forum.service import Refused, commit
from forum.settings import put_setting

MAX_LENGTH = 100  # WordRule.word and WordRule.replacement are String(100)


def add_word(word, action, replacement="***", actor=None):
    """Add a rule; refuse a word the filter already has in any width, case or spacing."""
    word = (word or "").strip()
    replacement = "***" if replacement is None else replacement
    _check_rule(word, action, replacement)
    duplicate = Refused(_("This word is already in the filter."), field="word")
    if active_filter().rules_for(word):
        raise duplicate
    rule = WordRule(word=word, action=action, replacement=replacement)
    db.session.add(rule)
    _flush(on_conflict=duplicate)  # for rule.id in the log
    log_action(actor, "word_add", "word", rule.id, reason=f"{action}: {word}")
    _bump_version()
    commit(on_conflict=duplicate)
    return rule


def remove_word(rule, actor):
    """Remove a rule from the filter."""
    log_action(actor, "word_remove", "word", rule.id, reason=f"{rule.action}: {rule.word}")
    db.session.delete(rule)
    _bump_version()
    commit()


def _check_rule(word, action, replacement):
    if not word:
        raise Refused(_("Enter a word."), field="word")
    if len(word) > MAX_LENGTH:
        raise Refused(_("A word can be at most %(n)d characters long.", n=MAX_LENGTH),
                      field="word")
    if action not in WORD_ACTIONS:
        raise Refused(_("Choose block, review or replace."), field="action")
    if not normalise(word)[0]:
        raise Refused(_("This word is only spaces and separators, which the filter ignores."),
                      field="word")
    if len(replacement) > MAX_LENGTH:
        raise Refused(_("A replacement can be at most %(n)d characters long.", n=MAX_LENGTH),
                      field="replacement")


def _flush(on_conflict):
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise on_conflict from None


def _bump_version():
    # A fresh token rather than a counter: two admins adding words at once would both
    # write version+1, and a process that rebuilt between the commits would keep a filter
    # without the second word. A token also never repeats after the table is emptied.
    put_setting("word_rules_version", uuid4().hex)
