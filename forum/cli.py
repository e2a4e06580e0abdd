"""`flask --app wsgi forum ...`: drive the forum without the web interface (DESIGN §10)."""
import os
import time
from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_migrate import upgrade

from forum.extensions import db
from forum.models import AdminRole, Role

ADMIN_ROLES = [role.value for role in AdminRole]


@click.group("forum")
def forum_cli():
    """Operate the forum."""


@forum_cli.command("init")
@with_appcontext
def init():
    """Create or upgrade the schema and seed the Zhijin boards; safe to run again."""
    from forum.seed import seed

    upgrade()
    counts = seed()
    click.echo("schema up to date; seeded {units} units, {categories} categories, "
               "{boards} boards".format(**counts))


@forum_cli.group("user")
def user_cli():
    """Accounts."""


@user_cli.command("create")
@click.argument("name")
@click.option("--password", required=True)
@click.option("--admin", type=click.Choice(ADMIN_ROLES))
@click.option("--unit", help="Unit name or slug the account belongs to.")
@click.option("--unit-account", is_flag=True, help="A department account that manages its unit's boards.")
@click.option("--verified", is_flag=True)
@with_appcontext
def create_user(name, password, admin, unit, unit_account, verified):
    """Make an account."""
    from forum.auth.services import register_user
    from forum.models import Unit

    unit_row = None
    if unit:
        unit_row = db.session.execute(
            db.select(Unit).where((Unit.name == unit) | (Unit.slug == unit))).scalar_one_or_none()
        if unit_row is None:
            raise click.ClickException(f"no unit named {unit}")
    if unit_account and unit_row is None:
        raise click.ClickException("--unit-account needs --unit")
    user = _run(lambda: register_user(name, password, admin_role=admin, unit_id=unit_row and unit_row.id,
                                      is_unit_account=unit_account, is_verified=verified or unit_account))
    click.echo(f"created user {user.username} (id {user.id})")


# Acts on an admin account are made here, on the server, never from the web (三员分立);
# each service logs them as a SecurityEvent without an actor.

@user_cli.command("admin")
@click.argument("name")
@click.argument("role", type=click.Choice([*ADMIN_ROLES, "none"]))
@with_appcontext
def set_admin_command(name, role):
    """Make NAME the system, security or audit admin, or an ordinary account (none)."""
    from forum.admin.services import set_admin_role

    user = _account(name)
    _run(lambda: set_admin_role(user, None if role == "none" else role))
    click.echo(f"{user.username}: admin role {role}")


@user_cli.command("reset-code")
@click.argument("name")
@with_appcontext
def reset_code_command(name):
    """Issue a one-time password reset code for NAME, to hand over in person."""
    from forum.auth.reset import issue_reset_code

    click.echo(_run(lambda: issue_reset_code(_account(name), None)))


@user_cli.command("sign-out")
@click.argument("name")
@with_appcontext
def sign_out_command(name):
    """End every session of NAME."""
    from forum.auth.services import sign_out_everywhere

    user = _account(name)
    _run(lambda: sign_out_everywhere(user))
    click.echo(f"every session of {user.username} has ended")


@user_cli.command("title")
@click.argument("name")
@click.argument("title", default="")
@with_appcontext
def title_command(name, title):
    """Give NAME an official title (县委书记); no TITLE removes it."""
    from forum.admin.services import set_title

    user = _account(name)
    _run(lambda: set_title(user, None, title))
    click.echo(f"{user.username}: title {title or '(none)'}")


def _account(name):
    from forum.auth.services import find_user

    user = find_user(name)
    if user is None:
        raise click.ClickException("no such user")
    return user


def _run(act):
    """Run a service; its refusal becomes the command's error."""
    from forum.service import Refused

    try:
        return act()
    except Refused as refusal:
        raise click.ClickException(str(refusal.message)) from None


BOARD_ROLES = click.Choice([role.value for role in Role])


@forum_cli.group("role")
def role_cli():
    """Board roles."""


@role_cli.command("grant")
@click.argument("name")
@click.argument("role", type=BOARD_ROLES)
@click.option("--board", "slug", required=True)
@with_appcontext
def grant_role(name, role, slug):
    """Make NAME the ROLE of a board."""
    from forum.boards.roles import grant

    user, board = _account(name), _board(slug)
    _run(lambda: grant(user, board, role))
    click.echo(f"{user.username} is now {role} of {board.slug}")


@role_cli.command("revoke")
@click.argument("name")
@click.argument("role", type=BOARD_ROLES)
@click.option("--board", "slug", required=True)
@with_appcontext
def revoke_role(name, role, slug):
    """Take the ROLE of a board from NAME."""
    from forum.boards.roles import revoke

    user, board = _account(name), _board(slug)
    _run(lambda: revoke(user, board, role))
    click.echo(f"{user.username} is no longer {role} of {board.slug}")


def _board(slug):
    from forum.models import Board

    board = db.session.execute(db.select(Board).where(Board.slug == slug)).scalar_one_or_none()
    if board is None:
        raise click.ClickException("no such board")
    return board


@forum_cli.group("word")
def word_cli():
    """The word filter (敏感词)."""


@word_cli.command("add")
@click.argument("word")
@click.option("--action", type=click.Choice(["block", "review", "replace"]), required=True)
@click.option("--replacement", default="***", show_default=True)
@with_appcontext
def add_word_command(word, action, replacement):
    """Add WORD to the filter: block refuses posts, review queues them, replace masks it."""
    from forum.moderation.words import add_word

    rule = _run(lambda: add_word(word, action, replacement))
    click.echo(f"{rule.word}: {rule.action}")


@forum_cli.command("recount")
@with_appcontext
def recount_command():
    """Rebuild every counter from the rows."""
    from forum.boards.recount import recount
    from forum.progress import progress
    from forum.training.figures import recount_centre

    recount_centre()
    with progress("recount", 5, "steps") as advance:
        recount(advance)  # commits both
    click.echo("counters rebuilt")


@forum_cli.command("letters-overdue")
@with_appcontext
def letters_overdue():
    """Notify handlers of letters past their due date (run daily, e.g. from cron)."""
    from forum.letters.triage import flag_overdue_letters

    click.echo(f"{flag_overdue_letters()} overdue letters flagged")


@forum_cli.command("digest")
@with_appcontext
def digest_command():
    """Mail unread notifications to members who asked for a digest (run daily from cron)."""
    from forum.notifications.digest import send_digests

    click.echo(f"{send_digests()} digests sent")


@forum_cli.command("reindex")
@click.option("--limit", type=int, help="Index only posts with ids up to this (benchmarks).")
@with_appcontext
def reindex_command(limit):
    """Rebuild the search index from the database."""
    from forum.search.adapter import backend, reindex_all

    started = time.monotonic()
    count = reindex_all(limit=limit)
    click.echo(f"indexed {count} posts with {backend().name} "
               f"in {time.monotonic() - started:.1f} s")


@forum_cli.command("bench-data")
@click.option("--posts", default=1_000_000, show_default=True)
@click.option("--users", default=50_000, show_default=True)
@click.option("--long-thread", default=20_000, show_default=True)
@with_appcontext
def bench_data(posts, users, long_thread):
    """Fill the instance with realistic Chinese data for benchmarks."""
    from forum.benchdata import generate

    for line in generate(posts=posts, users=users, long_thread=long_thread):
        click.echo(line)


@forum_cli.command("prune-uploads")
@click.option("--days", default=2, show_default=True, help="Age of the uploads to delete.")
@with_appcontext
def prune_uploads_command(days):
    """Delete uploads that never became part of a post (files and rows)."""
    from forum.attachments.services import prune_pending

    click.echo(f"{prune_pending(days)} pending uploads deleted")


PASSPHRASE_ENV = "FORUM_BACKUP_PASSPHRASE"
passphrase_file = click.option(
    "--passphrase-file", type=click.Path(exists=True, dir_okay=False),
    help=f"Read the passphrase from this file (else ${PASSPHRASE_ENV}, else it is asked).")


@forum_cli.command("backup")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--verify", is_flag=True, help="Check an existing backup against its manifest.")
@click.option("--keys", is_flag=True, help="Also copy the instance keys, to FOLDER.instance-keys.")
@click.option("--encrypt", is_flag=True, help="Encrypt the backup with a passphrase.")
@click.option("--portable", is_flag=True,
              help="The forum's export format, which restores into SQLite or PostgreSQL.")
@passphrase_file
@with_appcontext
def backup_command(folder, verify, keys, encrypt, portable, passphrase_file):
    """Back up the database and uploads into FOLDER, online (or --verify one)."""
    from forum.backups.create import back_up_keys, create_backup
    from forum.backups.restore import check_backup

    if verify:
        made = _backups(lambda: check_backup(folder))
        click.echo(f"{folder}: sound, {len(made['files']):,} files, {made['size']:,} bytes, "
                   f"made {made['created_at']} at migration {made['migration']}")
        return
    passphrase = _passphrase(passphrase_file, confirm=True) if encrypt else None
    started = time.monotonic()
    made = _backups(lambda: create_backup(folder, passphrase, portable))
    click.echo(f"backed up {sum(made['row_counts'].values()):,} rows and {made['uploads']:,} "
               f"uploads into {folder}{' (encrypted)' if passphrase else ''}: "
               f"{made['size']:,} bytes in {time.monotonic() - started:.1f} s")
    if keys:
        target = _backups(lambda: back_up_keys(folder, passphrase))
        click.echo(f"instance keys copied to {target}: keep them apart from the backup, "
                   "since with them it opens every sealed letter")


@forum_cli.command("restore")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace everything in a non-empty instance.")
@click.option("--keys", "keys_folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Also put back the instance keys from this FOLDER.instance-keys.")
@passphrase_file
@with_appcontext
def restore_command(folder, force, keys_folder, passphrase_file):
    """Restore the backup in FOLDER into this (empty) instance."""
    from forum.backups import manifest
    from forum.backups.restore import restore_backup, restore_keys

    started = time.monotonic()
    made = _backups(lambda: manifest.read(folder))
    passphrase = _passphrase(passphrase_file) if made.get("encryption") else None
    for line in _backups(lambda: restore_backup(folder, passphrase, force)):
        click.echo(line)
    if keys_folder:
        names = _backups(lambda: restore_keys(keys_folder, passphrase))
        click.echo(f"put back the instance keys: {', '.join(names)}")
    click.echo(f"restored in {time.monotonic() - started:.1f} s")


def _passphrase(path, confirm=False):
    """From the file given, else the environment, else asked; never stored."""
    if path:
        return Path(path).read_text().splitlines()[0]
    return os.environ.get(PASSPHRASE_ENV) or click.prompt(
        "Passphrase", hide_input=True, confirmation_prompt=confirm)


def _backups(act):
    """Run a backup step; its BackupError becomes the command's error."""
    from forum.backups import BackupError

    try:
        return act()
    except BackupError as error:
        raise click.ClickException(str(error)) from None
