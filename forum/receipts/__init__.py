"""工作通知 receipts, deadlines and the urgent banner (issue 18), on the notice board type."""
import click
from flask import Blueprint
from flask.cli import with_appcontext

bp = Blueprint("receipts", __name__)


def init_app(app):
    """Register the pages, the board type, the notification kinds, the header's count,
    the banner, the log labels and the daily reminder command."""
    from flask_login import current_user

    from forum import labels
    from forum.cli import forum_cli
    from forum.receipts import boardtype, notices, views  # noqa: F401
    from forum.receipts.access import has_inbox
    from forum.receipts.banners import current_banner
    from forum.receipts.logged import ACTIONS, TARGETS
    from forum.receipts.models import ReceiptMode, ReceiptStatus
    from forum.receipts.queries import unsigned_count

    app.register_blueprint(bp)
    forum_cli.add_command(remind_command)
    app.jinja_env.globals.update(ReceiptMode=ReceiptMode, ReceiptStatus=ReceiptStatus)
    labels.add_labels(actions=ACTIONS, targets=TARGETS)
    # Only a unit account's pages ask for the count; every page shows the banner, read
    # from the worker's cache (forum/receipts/banners.py).
    app.context_processor(lambda: {
        "unsigned_receipts": (lambda: unsigned_count(current_user))
        if current_user and has_inbox(current_user) else None,
        "urgent_banner": current_banner})


@click.command("receipts-remind")
@with_appcontext
def remind_command():
    """Remind units of receipts due within a day (run daily, before `forum digest`)."""
    from forum.receipts.services import remind_before_deadlines

    click.echo(f"{remind_before_deadlines()} units reminded")
