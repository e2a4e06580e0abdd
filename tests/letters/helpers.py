"""Writing letters through HTTP, as a guest (with the CAPTCHA) or a member."""
import re

from forum.boards.roles import grant
from tests.conftest import csrf_token
from tests.factories import make_board, make_user

CAPTCHA_TEXT = "ACDEF"
CODE_RE = re.compile(r'id="query-code">([A-Z2-7-]+)<')


def make_box(*, slug=None, **settings):
    """A mailbox that takes guests' letters unless told otherwise."""
    return make_board(type="mailbox", slug=slug, settings={"guests": True, **settings})


def make_handler(box, username=None):
    handler = make_user(username=username, is_verified=True)
    grant(handler, box, "handler")
    return handler


def letter_form(**fields):
    return {"kind": "complain", "title": "出租车收费标准谁来管", "body": "织金出租车不打表。",
            "phone": "13800000000", **fields}


def write(client, box, guest=True, **fields):
    """Send a letter; returns the page the POST leads to (the one with the code)."""
    token = csrf_token(client, f"/b/{box.slug}/new")
    data = {"csrf_token": token, **letter_form(**fields)}
    if guest:
        client.get("/letters/captcha.png")
        data.setdefault("captcha", CAPTCHA_TEXT)
    return client.post(f"/b/{box.slug}/new", data={k: v for k, v in data.items() if v is not None},
                       follow_redirects=True)


def code_of(response):
    match = CODE_RE.search(response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)[:3000]
    return match.group(1)
