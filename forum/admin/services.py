"""Control-panel writes: boards, units, site settings and accounts' titles and admin roles;
each logged, one commit."""
from smtplib import SMTPException

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from forum.admin.separation import check_account_act, check_admin_role
from forum.extensions import db
from forum.mail import send_mail
from forum.markup import plain_lines
from forum.seal import seal
from forum.models import Unit, User
from forum.audit import describe_changes, log_action, log_security
from forum.service import Refused, commit
from forum.settings import get_setting, put_setting


def update_board(board, actor, **fields):
    """Change a board's name, description, category, owner or position."""
    before = {name: getattr(board, name) for name in fields}
    if before == fields:
        raise Refused(_("Nothing was changed."))
    for name, value in fields.items():
        setattr(board, name, value)
    log_action(actor, "board_edit", "board", board.id, board.id, describe_changes(before, fields))
    commit()


def checked_slug(slug):
    """The slug in lower case (XinZhen and xinzhen are one slug), if it is one."""
    slug = slug.lower()
    if not slug.isascii() or not slug.replace("-", "").isalnum():
        raise Refused(_("A slug has only ASCII letters, digits and -."), field="slug")
    return slug


def add_unit(actor, name, kind, slug):
    """Add a unit; its slug is stored in lower case, so XinZhen and xinzhen are one slug."""
    slug = checked_slug(slug)
    taken = Refused(_("A unit with that name or slug exists already."), field="name")
    if db.session.execute(db.select(Unit.id).where((Unit.name == name) | (Unit.slug == slug))).first():
        raise taken
    position = (db.session.execute(db.select(db.func.max(Unit.position))).scalar() or 0) + 1
    unit = Unit(name=name, kind=kind, slug=slug, position=position)
    db.session.add(unit)
    try:
        db.session.flush()  # for unit.id in the log; a unit added meanwhile collides here
    except IntegrityError:
        db.session.rollback()
        raise taken from None
    log_action(actor, "unit_add", "unit", unit.id, None, name)
    commit(on_conflict=taken)
    return unit


FOOTER_LINES = 8


def save_settings(actor, values, mail_password=None):
    """Change site settings; logged with each value before and after, but a new mail
    server password (kept sealed) only as changed."""
    before = {key: get_setting(key) for key in values}
    changed = {key: value for key, value in values.items() if before[key] != value}
    if not changed and not mail_password:
        raise Refused(_("Nothing was changed."))
    footer = changed.get("site_footer")
    if footer and len(footer.splitlines()) > FOOTER_LINES:
        raise Refused(_("The footer has at most %(num)d lines.", num=FOOTER_LINES), field="site_footer")
    for key, value in changed.items():
        put_setting(key, value)
    if "site_footer" in changed:  # rendered once here, as posts are, not on every page
        put_setting("site_footer_html", str(plain_lines(footer)) if footer else None)
    described = describe_changes(before, changed)
    if mail_password:
        put_setting("mail_password", seal(mail_password))
        described = "; ".join(filter(None, [described, "mail_password: changed"]))
    log_action(actor, "settings", "site", None, None, described)
    commit()


def send_test_mail(actor, to):
    """A mail through the configured server (or into instance/mail without one); logged
    without the address."""
    try:
        send_mail(to, _("Test mail"),
                  _("This mail was sent from the control panel to check that mail leaves the forum."))
    except (OSError, SMTPException) as error:
        raise Refused(_("The mail could not be sent: %(error)s", error=error.__class__.__name__)) from None
    log_action(actor, "test_mail", "site")
    commit()


def set_title(user, actor, title):
    """Give an account an official title shown beside its name (县委书记, 组织部长)."""
    check_account_act(actor, user)
    user.title = title or None
    log_action(actor, "title", "user", user.id, None, title or "")
    log_security("title", user=user, actor=actor, detail=title or "")
    commit()


def set_admin_role(user, role):
    """Make an account one of the three admins, or an ordinary account again (role None);
    a command-line act only. Its sessions end, so no session keeps the old powers."""
    if role:
        check_admin_role(user)
    user.admin_role = role
    user.session_version = User.session_version + 1
    log_security("admin_role", user=user, detail=role or "none")
    commit()
    db.session.refresh(user)


def record_reports_read(actor, reports):
    """Log that the security admin read these reported messages (if any were shown)."""
    if not reports:
        return
    log_security("message_reports_read", actor=actor,
                 detail="reports " + ",".join(str(r.id) for r in reports))
    commit()
