"""Fetch a notice or a receipt for a view, or abort: 404 for a notice the user may not
see (as for none) and for a notice that asked no receipts; 403 for the issuer's table
in anyone else's hands."""
from flask import abort
from flask_login import current_user

from forum.boards.loaders import load_thread
from forum.extensions import db
from forum.models import BoardTypeKey
from forum.receipts.access import reads_receipts
from forum.receipts.models import Receipt
from forum.receipts.queries import issue_of_thread


def load_notice(thread_id):
    """A thread of a notice board the current user may see."""
    thread = load_thread(thread_id)
    if thread.board.type != BoardTypeKey.NOTICE:
        abort(404)
    return thread


def load_issue(thread_id):
    """The notice's issue row, if it asked receipts and the current user reads them."""
    issue = issue_of_thread(load_notice(thread_id).id)
    if issue is None or issue.mode is None:
        abort(404)
    if not reads_receipts(current_user, issue):
        abort(403)
    return issue


def load_receipt(receipt_id):
    """A receipt of a notice the current user may see; the service checks who signs."""
    receipt = db.session.get(Receipt, receipt_id)
    if receipt is None:
        abort(404)
    load_notice(receipt.issue.thread_id)
    return receipt
