"""Talks through HTTP: open one, send, read what is stored."""
import re

from forum.counsel.models import Talk, TalkMessage
from forum.extensions import db
from tests.conftest import csrf_token

TALK_RE = re.compile(r"/counsel/talks/(\d+)$")


def open_talk(client, room, *, pseudonym="零度", body="最近工作压力很大，想找人聊聊。",
              counsellor=""):
    """Open a talk on the form; returns the response (a redirect to the talk when opened)."""
    path = f"/b/{room.slug}/new"
    return client.post(path, data={"csrf_token": csrf_token(client, path), "pseudonym": pseudonym,
                                   "body": body, "counsellor": str(counsellor)})


def talk_id_of(response):
    match = TALK_RE.search(response.headers.get("Location", ""))
    assert match, response.get_data(as_text=True)[:2000]
    return int(match.group(1))


def talks():
    db.session.expire_all()
    return db.session.execute(db.select(Talk).order_by(Talk.id)).scalars().all()


def messages():
    db.session.expire_all()
    return db.session.execute(db.select(TalkMessage).order_by(TalkMessage.id)).scalars().all()
