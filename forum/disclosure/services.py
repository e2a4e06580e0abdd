"""Writes to disclosures: publish, correct, withdraw, close. Each commits once and is
logged with forum.audit (no private text: the reasons logged are shown publicly anyway).

A disclosure is a Thread whose first post is its text, written as the issuing unit's
account, plus its Disclosure row; the core's validators and `post_created` receivers
run as for any thread, so the word filter, attachments and followers' notices apply.
"""
from flask_babel import gettext as _

from forum.audit import log_action
from forum.boards.services import count_post, validated_announcement
from forum.disclosure import period
from forum.disclosure.models import (Disclosure, DisclosureKind, DisclosureOutcome,
                                     DisclosurePerson, DisclosureRevision, DisclosureState)
from forum.disclosure.queries import first_post
from forum.disclosure.rules import cells, check_people, check_period
from forum.extensions import db
from forum.hooks import post_created, post_edited
from forum.models import ContentStatus, Post, Thread
from forum.models.base import utcnow
from forum.service import Refused, commit

DOC_NUMBER_MAX = 60
REASON_MAX = 500


def publish_disclosure(board, issuer, *, kind, title, body, doc_number="", starts_on=None,
                       ends_on=None, people=(), attachments=()):
    """Publish a disclosure of the issuer's unit on the board; returns the Disclosure."""
    kind = _checked_kind(kind)
    starts_on, ends_on = check_period(kind, starts_on, ends_on)
    rows = check_people(kind, people)
    doc_number = _checked_doc_number(doc_number)
    draft = validated_announcement(board, issuer, title, body, _disclosure_text_required)
    now = utcnow()
    thread = Thread(board_id=board.id, author_id=issuer.id, title=draft.title,
                    status=ContentStatus.PUBLISHED, last_number=1, last_post_at=now, created_at=now)
    post = Post(thread=thread, author_id=issuer.id, number=1, body=draft.body,
                body_html=draft.body_html, status=ContentStatus.PUBLISHED, created_at=now)
    disclosure = Disclosure(thread=thread, board_id=board.id, unit_id=issuer.unit_id, kind=kind,
                            doc_number=doc_number, starts_on=starts_on, ends_on=ends_on,
                            state=DisclosureState.PUBLISHED, created_at=now,
                            people=_people(rows))
    db.session.add_all([thread, post, disclosure])
    db.session.flush()
    thread.last_post_id = post.id
    count_post(board, issuer, post, new_thread=True)
    post_created.send(post, draft=draft, attachments=attachments)
    log_action(issuer, "disclosure_publish", "disclosure", disclosure.id, board.id)
    commit()
    return disclosure


def correct_disclosure(disclosure, issuer, *, title, body, doc_number="", people=(), reason,
                       attachments=()):
    """Replace the text, document number and people, keeping the replaced version."""
    _check_published(disclosure, _("A withdrawn or closed disclosure is no longer corrected."))
    reason = _checked_reason(reason)
    rows = check_people(disclosure.kind, people)
    doc_number = _checked_doc_number(doc_number)
    post = first_post(disclosure)
    draft = validated_announcement(disclosure.thread.board, issuer, title, body,
                                   _disclosure_text_required, editing=post)
    disclosure.revisions.append(DisclosureRevision(
        version=disclosure.version, title=disclosure.thread.title, body=post.body,
        body_html=post.body_html, doc_number=disclosure.doc_number, reason=reason,
        people=[cells(person) for person in disclosure.people]))
    disclosure.version += 1
    disclosure.doc_number = doc_number
    disclosure.people = _people(rows)
    disclosure.thread.title = draft.title
    post.body, post.body_html = draft.body, draft.body_html
    post.edited_at, post.edited_by_id, post.edit_reason = utcnow(), issuer.id, reason[:200]
    db.session.flush()
    post_edited.send(post, draft=draft, attachments=attachments, remove=())
    log_action(issuer, "disclosure_correct", "disclosure", disclosure.id, disclosure.board_id,
               reason)
    commit()
    return disclosure


def withdraw_disclosure(disclosure, issuer, reason):
    """Withdraw a disclosure: it stays listed, shown 已撤回 with the reason."""
    _check_published(disclosure, _("This disclosure is already withdrawn or closed."))
    disclosure.withdrawn_reason = _checked_reason(reason)
    disclosure.state, disclosure.withdrawn_at = DisclosureState.WITHDRAWN, utcnow()
    log_action(issuer, "disclosure_withdraw", "disclosure", disclosure.id, disclosure.board_id,
               disclosure.withdrawn_reason)
    commit()
    return disclosure


def close_disclosure(disclosure, issuer, outcome):
    """Close a disclosure with a public outcome, once its period has ended."""
    _check_published(disclosure, _("This disclosure is already withdrawn or closed."))
    if outcome not in tuple(DisclosureOutcome):
        raise Refused(_("Choose an outcome."), field="outcome")
    if disclosure.ends_on is not None and period.today() <= disclosure.ends_on:
        raise Refused(_("A disclosure is closed only after its period has ended."), field="outcome")
    disclosure.state, disclosure.outcome = DisclosureState.CLOSED, outcome
    disclosure.closed_at = utcnow()
    log_action(issuer, "disclosure_close", "disclosure", disclosure.id, disclosure.board_id,
               outcome)
    commit()
    return disclosure


def _checked_kind(kind):
    if kind not in tuple(DisclosureKind):
        raise Refused(_("Choose what kind of disclosure this is."), field="kind")
    return DisclosureKind(kind)


def _checked_doc_number(doc_number):
    doc_number = (doc_number or "").strip()
    if len(doc_number) > DOC_NUMBER_MAX:
        raise Refused(_("A document number has at most %(n)d characters.", n=DOC_NUMBER_MAX),
                      field="doc_number")
    return doc_number or None


def _checked_reason(reason):
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_MAX:
        raise Refused(_("Give a reason of at most %(n)d characters.", n=REASON_MAX),
                      field="reason")
    return reason


def _check_published(disclosure, message):
    if disclosure.state != DisclosureState.PUBLISHED:
        raise Refused(message)


def _people(rows):
    return [DisclosurePerson(position=n, **row) for n, row in enumerate(rows, 1)]


def _disclosure_text_required(most):
    return _("The text of the disclosure is required, at most %(n)d characters.", n=most)
