"""Sending mail: through the SMTP server of the configuration, or, where none is set
(development and tests), into files in the instance folder."""
import uuid
from email.utils import parseaddr
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from flask_mail import Mail, Message

from forum.models.base import utcnow
from forum.settings import site_name

mail = Mail()


def outbox():
    """Where mail goes when no SMTP server is configured."""
    return Path(current_app.config["INSTANCE_PATH"]) / "mail"


def send_mail(to, subject, body):
    """Send a mail from the site, under its name, the subject marked with it too."""
    address = parseaddr(current_app.config["MAIL_DEFAULT_SENDER"])[1]
    message = Message(subject=_("[%(site)s] %(subject)s", site=site_name(), subject=subject),
                      recipients=[to], body=body, sender=(site_name(), address))
    if current_app.config.get("MAIL_SERVER"):
        mail.send(message)
        return
    folder = outbox()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
    (folder / name).write_text(message.as_string(), encoding="utf-8")
