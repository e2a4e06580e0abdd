"""Sending feedback through HTTP, as a guest (with the CAPTCHA) or a member."""
import re

from forum.disclosure.models import DisclosureFeedback
from forum.extensions import db
from tests.conftest import csrf_token, fresh

CAPTCHA_TEXT = "ACDEF"
CODE_RE = re.compile(r'id="query-code">([A-Z2-7-]+)<')


def send(client, disclosure, guest=True, **fields):
    """Send feedback; returns the page the POST leads to (the one with the code)."""
    path = f"/disclosures/{disclosure.id}/feedback"
    data = {"csrf_token": csrf_token(client, path), "body": "张三同志群众基础好。", **fields}
    if guest:
        client.get("/letters/captcha.png")
        data.setdefault("captcha", CAPTCHA_TEXT)
    return client.post(path, data={k: v for k, v in data.items() if v is not None},
                       follow_redirects=True)


def code_of(response):
    match = CODE_RE.search(response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)[:3000]
    return match.group(1)


def stored():
    """Every feedback row, oldest first."""
    db.session.expire_all()
    return db.session.execute(db.select(DisclosureFeedback).order_by(DisclosureFeedback.id)).scalars().all()


def counts(disclosure):
    row = fresh(disclosure)
    return row.feedback_count, row.answered_count
