"""网络问政 (issue 25): petitions in the open boards, triaged by moderators and answered
in public by the units, on the mailboxes' states, deadlines and calendar."""
import click
from flask import Blueprint
from flask.cli import with_appcontext

bp = Blueprint("petitions", __name__)


def init_app(app):
    """Register the steps, the hooks (settings, validator, receivers, badges, page
    blocks), the notification kinds, the log labels and the overdue command."""
    from forum import labels
    from forum.cli import forum_cli
    from forum.petitions import listeners, notices, rules, sections, views  # noqa: F401
    from forum.petitions.logged import ACTIONS, TARGETS
    from forum.petitions.models import DeclineReason

    app.register_blueprint(bp)
    app.jinja_env.globals.update(DeclineReason=DeclineReason)
    forum_cli.add_command(overdue_command)
    labels.add_labels(actions=ACTIONS, targets=TARGETS)


@click.command("petitions-overdue")
@with_appcontext
def overdue_command():
    """Flag open petitions past their due date to their unit and moderators (run daily)."""
    from forum.petitions.services import flag_overdue_petitions

    click.echo(f"{flag_overdue_petitions()} petitions flagged")
