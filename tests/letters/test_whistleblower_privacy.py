"""Nothing stored or mailed names the writer of a whistleblower letter (issue 12, item 2).

A named 举报 letter goes through every step; then every table and every mail is searched
for a row that holds both the writer (id, username or email) and the letter (its id, its
thread's or its post's). The ids are made distinctive (seven digits, which no timestamp's
microseconds can hold) so that a plain search for them finds nothing by chance.
"""
import email
import io
import re
import shutil
from datetime import timedelta
from email import policy

import pytest
from sqlalchemy import text

from forum.extensions import db
from forum.cases import today
from forum.mail import outbox
from forum.models import Letter, Post, Thread
from forum.models.base import utcnow
from tests.attachments import samples
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_unit, make_user
from tests.letters.helpers import code_of, letter_form, make_box, make_handler

WRITER_ID, THREAD_ID, POST_ID, LETTER_ID = 4_242_424, 7_373_737, 9_191_919, 8_686_868
WRITER = "举报人甲"
WRITER_EMAIL = "jubao@example.cn"

pytestmark = pytest.mark.usefixtures("empty_upload_folder")


def _number(value):
    return rf"(?<!\d){value}(?!\d)"


def _pattern(*parts):
    return re.compile("|".join(parts))


def _next_ids_from(board):
    """The next thread, post and letter get the distinctive ids (a placeholder row just
    below each, as SQLite counts on from the highest id; PostgreSQL's sequences are set)."""
    day = today()
    thread = Thread(id=THREAD_ID - 1, board_id=board.id, title="占位", status="letter")
    db.session.add_all([thread, Post(id=POST_ID - 1, thread=thread, number=1, body="占位",
                                     body_html="占位", status="letter"),
                        Letter(id=LETTER_ID - 1, thread=thread, board_id=board.id, kind="consult",
                               state="closed", code_hash="0" * 64, code_expires_at=utcnow(),
                               accept_due=day, answer_due=day)])
    db.session.flush()
    if db.engine.dialect.name == "postgresql":
        for table, last in (("thread", THREAD_ID - 1), ("post", POST_ID - 1),
                            ("letter", LETTER_ID - 1)):
            db.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                    f"{last})"))
    db.session.commit()


def _write(client, box, title):
    data = {"csrf_token": csrf_token(client, f"/b/{box.slug}/new"),
            **letter_form(kind="report", title=title, consent="y"),
            "files": [(io.BytesIO(samples.image_bytes()), "现场.png")]}
    response = client.post(f"/b/{box.slug}/new", data=data, content_type="multipart/form-data",
                           follow_redirects=True)
    return code_of(response)


def _step(client, letter_id, step, **data):
    response = post_form(client, f"/letters/{letter_id}/{step}", data)
    assert response.status_code == 302, (step, response.get_data(as_text=True)[:2000])


def _rows_joining(writer, letters):
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(db.select(table)).all():
            values = " ".join(str(value) for value in row)
            if writer.search(values) and letters.search(values):
                found.append(f"{table.name}: {values[:300]}")
    return found


def _mails_joining(writer, letters):
    found = []
    for path in sorted(outbox().glob("*.eml")) if outbox().exists() else []:
        message = email.message_from_string(path.read_text(encoding="utf-8"),
                                            policy=policy.default)
        whole = f"{message['To']}\n{message.get_body().get_content()}"
        if writer.search(whole) and letters.search(whole):
            found.append(f"{path.name}: {whole[:300]}")
    return found


def test_nothing_stored_or_mailed_joins_a_whistleblower_to_their_letter(app):
    shutil.rmtree(outbox(), ignore_errors=True)
    box = make_box(slug="report", whistleblower=True, anonymous=True)
    handler = make_handler(box, "经办人")
    unit = make_unit(name="八步镇")
    unit_account = make_user(username="八步镇党委", unit_id=unit.id, is_unit_account=True,
                             is_verified=True)
    writer = make_user(username=WRITER, id=WRITER_ID, email=WRITER_EMAIL, wants_digest=True)
    handler.email, handler.wants_digest = "handler@example.cn", True
    _next_ids_from(box)

    mine = login(app.test_client(), writer)
    code = _write(mine, box, "举报某站所长")
    _write(mine, box, "举报某村干部")
    letters = db.session.execute(db.select(Letter).where(Letter.id >= LETTER_ID)
                                 .order_by(Letter.id)).scalars().all()
    assert [(letter.id, letter.thread_id) for letter in letters] == [
        (LETTER_ID, THREAD_ID), (LETTER_ID + 1, THREAD_ID + 1)]

    staff = login(app.test_client(), handler)
    unit_client = login(app.test_client(), unit_account)
    page = staff.get(f"/letters/{LETTER_ID}")
    assert page.status_code == 200
    tokens = re.findall(r'href="/a/([\w-]+)"', page.get_data(as_text=True))
    assert tokens  # the picture sent with the letter
    for token in tokens:
        staff.get(f"/a/{token}")
        staff.get(f"/a/{token}/thumb")
    _step(staff, LETTER_ID, "accept")
    _step(staff, LETTER_ID, "extend", days=5, reason="需实地调查")
    _step(staff, LETTER_ID, "transfer", unit=unit.id)
    _step(unit_client, LETTER_ID, "draft", body="已责成镇纪委核查。")
    _step(staff, LETTER_ID, "answer", body="经核查，情况属实，已立案。")
    assert mine.get("/letters/mine").status_code == 200
    assert mine.get(f"/letters/{LETTER_ID}").status_code == 200
    assert post_form(mine, "/letters/track", {"code": code}).status_code == 200
    assert post_form(mine, f"/letters/{LETTER_ID}/rate", {"rating": "satisfied"}).status_code == 302
    _step(staff, LETTER_ID, "close")
    _step(staff, LETTER_ID, "publish")
    _step(staff, LETTER_ID + 1, "refuse", reason="不属于本信箱受理范围")
    db.session.execute(db.update(Letter).values(accept_due=today() - timedelta(days=30),
                                                answer_due=today() - timedelta(days=1)))
    db.session.commit()
    runner = app.test_cli_runner()
    for command in (["forum", "letters-overdue"], ["forum", "digest"]):
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output

    db.session.expire_all()
    assert db.session.get(Letter, LETTER_ID).state == "closed"
    names_writer = _pattern(_number(WRITER_ID), re.escape(WRITER), re.escape(WRITER_EMAIL))
    names_letter = _pattern(*(_number(number + n) for number in (LETTER_ID, THREAD_ID, POST_ID)
                              for n in (0, 1)))
    assert _rows_joining(names_writer, names_letter) == []
    assert list(outbox().glob("*.eml"))  # the digests went out: the handler had news
    assert _mails_joining(names_writer, names_letter) == []


def test_the_writer_of_a_whistleblower_letter_sees_its_news_on_my_letters(app):
    box = make_box(whistleblower=True)
    handler = make_handler(box)
    writer = make_user()
    client = login(app.test_client(), writer)
    _write(client, box, "举报某站所长")
    letter_id = db.session.execute(db.select(Letter.id)).scalar_one()
    page = client.get("/letters/mine").get_data(as_text=True)
    assert "举报某站所长" in page and 'class="badge"' not in page

    _step(login(app.test_client(), handler), letter_id, "accept")
    assert 'class="badge"' in client.get("/letters/mine").get_data(as_text=True)
    assert 'class="badge"' not in client.get("/letters/mine").get_data(as_text=True)  # seen
    notifications = client.get("/notifications").get_data(as_text=True)
    main = notifications[notifications.index("<main"):notifications.index("</main>")]
    assert main.count("/letters/") == 0  # (the nav bar's 我的 links to /letters/mine)
