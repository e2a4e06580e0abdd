"""工作通知 receipts, deadlines and the urgent banner (issue 18), on the notice board type."""
import click
from flask import Blueprint
from flask.cli import with_appcontext

bp = Blueprint("receipts", __name__)


def init_app(app):
    """Register the pages, the board type, the notification kinds, the header's link
    (a section of views.py), the banner, the log labels and the daily reminder command."""
    from forum import labels
    from forum.cli import forum_cli
    from forum.receipts import boardtype, notices, views  # noqa: F401
    from forum.receipts.banners import current_banner
    from forum.receipts.logged import ACTIONS, TARGETS
    from forum.receipts.models import ReceiptMode, ReceiptStatus

    app.register_blueprint(bp)
    forum_cli.add_command(remind_command)
    app.jinja_env.globals.update(ReceiptMode=ReceiptMode, ReceiptStatus=ReceiptStatus)
    labels.add_labels(actions=ACTIONS, targets=TARGETS)
    # Every page shows the banner, read from the worker's cache (forum/receipts/banners.py).
    app.context_processor(lambda: {"urgent_banner": current_banner})


@click.command("receipts-remind")
@with_appcontext
def remind_command():
    """Remind units of receipts due within a day (run daily, before `forum digest`)."""
    from forum.receipts.services import remind_before_deadlines

    click.echo(f"{remind_before_deadlines()} units reminded")
