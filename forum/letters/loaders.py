"""Fetch a letter for a view, or abort: 404 for anyone who may not read it, exactly as
for no letter; 403 where they read it but lack what the view needs."""
from flask import abort
from flask_login import current_user

from forum.access import Access, require
from forum.letters.access import letter_access
from forum.letters.queries import get_letter


def load_letter(letter_id, need=Access.VIEW):
    """The letter, if the current user may read it (else 404) and holds `need` on it."""
    letter = get_letter(letter_id)
    if letter is None:
        abort(404)
    access = letter_access(current_user, letter)
    require(Access.VIEW, access, private=True)
    require(need, access)
    return letter


def load_letter_for_step(letter_id, step):
    """The letter, if the current user may take this step: the unit it was transferred
    to drafts an answer; handlers take every step."""
    letter = load_letter(letter_id)
    access = letter_access(current_user, letter)
    require(Access.REPLY if step == "draft" and Access.HANDLE not in access else Access.HANDLE,
            access)
    return letter
