"""党内关怀基金: appeals and a public ledger of donations and disbursements in fen."""
from flask import Blueprint

bp = Blueprint("fund", __name__)


def init_app(app):
    """Register the fund's pages, log labels, money filter, CLI command and board type."""
    from forum import labels
    from forum.cli import forum_cli
    from forum.fund import boardtype, tools, views  # noqa: F401
    from forum.fund.check import fund_check
    from forum.fund.logged import ACTIONS, TARGETS
    from forum.fund.models import Channel, DonorKind, EntryKind, Flow
    from forum.fund.money import money

    app.register_blueprint(bp)
    app.jinja_env.filters["money"] = money
    app.jinja_env.globals.update(FundEntryKind=EntryKind, FundFlow=Flow, FundChannel=Channel,
                                 FundDonorKind=DonorKind)
    labels.add_labels(actions=ACTIONS, targets=TARGETS)
    forum_cli.add_command(fund_check)
