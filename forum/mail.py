"""Sending mail: through the SMTP server of the configuration, or, where none is set
(development and tests), into files in the instance folder."""
import uuid
from pathlib import Path

from flask import current_app
from flask_mail import Mail, Message

from forum.models.base import utcnow

mail = Mail()


def outbox():
    """Where mail goes when no SMTP server is configured."""
    return Path(current_app.config["INSTANCE_PATH"]) / "mail"


def send_mail(to, subject, body):
    message = Message(subject=subject, recipients=[to], body=body,
                      sender=current_app.config["MAIL_DEFAULT_SENDER"])
    if current_app.config.get("MAIL_SERVER"):
        mail.send(message)
        return
    folder = outbox()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
    (folder / name).write_text(message.as_string(), encoding="utf-8")
