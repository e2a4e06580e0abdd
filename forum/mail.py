"""Sending mail: through the SMTP server of the site settings (set on the web, else the
environment's), or, where none is set (development and tests), into files in the
instance folder."""
import uuid
from email.utils import parseaddr
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from flask_mail import Mail, Message

from forum.models.base import utcnow
from forum.seal import unseal
from forum.settings import get_setting, site_name

mail = Mail()


def outbox():
    """Where mail goes when no SMTP server is configured."""
    return Path(current_app.config["INSTANCE_PATH"]) / "mail"


def send_mail(to, subject, body):
    """Send a mail from the site, under its name, the subject marked with it too."""
    message = Message(subject=_("[%(site)s] %(subject)s", site=site_name(), subject=subject),
                      recipients=[to], body=body, sender=_sender())
    server = smtp_server()
    if server is not None:
        server.send(message)
        return
    folder = outbox()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
    (folder / name).write_text(message.as_string(), encoding="utf-8")


def _sender():
    return site_name(), parseaddr(current_app.config["MAIL_DEFAULT_SENDER"])[1]


def sender_text():
    """The sender as a reader sees it: the site's name and the address."""
    return "%s <%s>" % _sender()


def smtp_server():
    """Flask-Mail's sender for the server of the site settings, or None where none is set."""
    config = current_app.config
    if not get_setting("mail_server"):
        return None
    sealed = get_setting("mail_password")
    return mail.init_mail({
        **config, "MAIL_SERVER": get_setting("mail_server"), "MAIL_PORT": get_setting("mail_port"),
        "MAIL_USE_TLS": get_setting("mail_use_tls"), "MAIL_USERNAME": get_setting("mail_username"),
        "MAIL_PASSWORD": unseal(sealed) if sealed else config.get("MAIL_PASSWORD")},
        config.get("DEBUG"), config.get("TESTING"))
