"""Writing a letter: what is stored, what is refused, what the writer is shown."""
import re
import types
from datetime import datetime, timezone

import pytest

from forum import ratelimit
from forum.extensions import db
from forum.letters import writing
from forum.letters.codes import hash_code, normalise
from forum.seal import unseal
from forum.models import Board, Letter, Post, RateCounter, SecurityEvent, Thread, User
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_user
from tests.letters.helpers import code_of, letter_form, make_box, write
from tests.test_ratelimit import limited_workers


def _letters():
    db.session.expire_all()
    return db.session.execute(db.select(Letter)).scalars().all()


def test_the_query_code_is_shown_once_and_stored_only_as_a_hash(client):
    box = make_box()
    response = write(client, box)
    code = code_of(response)
    assert len(normalise(code)) * 5 >= 80
    assert response.headers["Cache-Control"] == "no-store"
    (letter,) = _letters()
    assert letter.code_hash == hash_code(code) and normalise(code) not in letter.code_hash


def test_reloading_the_page_after_sending_neither_resends_nor_shows_the_code_again(client):
    box = make_box()
    code = code_of(write(client, box))
    again = client.get("/letters/sent")
    assert again.status_code == 302 and again.headers["Location"] == "/letters/track"
    assert code not in client.get("/letters/track").get_data(as_text=True)
    assert len(_letters()) == 1


def test_a_letter_has_no_author_and_counts_nowhere(app):
    box = make_box()
    writer = make_user()
    write(login(app.test_client(), writer), box, guest=False)
    thread = db.session.execute(db.select(Thread)).scalar_one()
    post = db.session.execute(db.select(Post)).scalar_one()
    assert thread.author_id is None and post.author_id is None
    box, writer = db.session.get(Board, box.id), db.session.get(User, writer.id)
    assert (box.thread_count, box.post_count, box.last_post_id) == (0, 0, None)
    assert writer.post_count == 0
    assert _letters()[0].writer_id == writer.id


def test_a_whistleblower_letter_keeps_its_writer_only_sealed(app):
    box = make_box(whistleblower=True, anonymous=True)
    writer = make_user()
    client = login(app.test_client(), writer)
    write(client, box, guest=False, kind="report", title="举报某干部")
    (letter,) = _letters()
    assert letter.writer_id is None and str(writer.id) != letter.writer_sealed
    assert unseal(letter.writer_sealed) == str(writer.id)
    assert "举报某干部" in client.get("/letters/mine").get_data(as_text=True)


def test_an_anonymous_letter_stores_no_link_no_phone_no_address(app):
    box = make_box(whistleblower=True, anonymous=True)
    writer = make_user(username="whistle")
    client = login(app.test_client(), writer)
    code_of(write(client, box, guest=False, kind="report", anonymous="y",
                  phone="13912345678"))
    (letter,) = _letters()
    assert letter.anonymous
    assert (letter.writer_id, letter.writer_sealed, letter.contact_sealed) == (None, None, None)
    row = db.session.execute(db.select(Letter.__table__)).one()
    assert not any(str(value) in ("127.0.0.1", str(writer.id)) for value in row._mapping.values()
                   if isinstance(value, str))
    events = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.at >= letter.created_at)).scalars().all()
    assert events == []
    assert '<table class="letters">' not in client.get("/letters/mine").get_data(as_text=True)


def test_an_anonymous_letters_rate_counters_hold_no_address_no_account_and_no_time_near_it(
        app, monkeypatch):
    sent = 1_700_012_345.5  # well inside every window length the limits use
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: sent))
    monkeypatch.setattr(writing, "utcnow", lambda: datetime.fromtimestamp(
        sent, timezone.utc).replace(tzinfo=None))
    box = make_box(whistleblower=True, anonymous=True)
    writer = make_user(username="whistle", id=4_242_424)  # an id no hash holds by chance
    with limited_workers(1) as (worker,):
        client = worker.test_client()
        client.environ_base["REMOTE_ADDR"] = "10.20.30.40"
        code_of(write(login(client, writer), box, guest=False, kind="report", anonymous="y"))
    (letter,) = _letters()
    created = letter.created_at.replace(tzinfo=timezone.utc).timestamp()
    counters = db.session.execute(db.select(RateCounter)).scalars().all()
    assert counters  # the letter and the login were counted
    for counter in counters:
        assert not re.search(rf"10\.20\.30\.40|whistle|(?<!\d){writer.id}(?!\d)", counter.key)
        for window in (0, 60, 900, 3600, 86400):
            assert abs(counter.expires_at - window - created) >= 1, (counter.key, window)


def test_the_phone_is_sealed_and_shown_only_to_handlers(app):
    box = make_box()
    write(app.test_client(), box, phone="13811112222")
    (letter,) = _letters()
    assert "13811112222" not in letter.contact_sealed
    assert unseal(letter.contact_sealed) == "13811112222"


@pytest.mark.parametrize("fields,message", [
    ({"title": ""}, "Enter a title."),
    ({"body": ""}, "Write your letter first."),
    ({"body": "长" * 5001}, "A letter has at most 5,000 characters."),
    ({"captcha": "WRONG"}, "The characters do not match the picture; try the new one."),
    ({"phone": "call me"}, "Enter a phone number of digits only."),
])
def test_bad_letters_are_refused_with_a_message_and_nothing_is_stored(client, fields, message):
    box = make_box()
    response = write(client, box, **fields)
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), message)
    assert _letters() == []


def test_a_report_is_refused_outside_the_whistleblower_box(client):
    response = write(client, make_box(), kind="report")
    assert 'class="field has-error"' in response.get_data(as_text=True)
    assert _letters() == []


def test_a_guest_cannot_write_to_a_box_that_wants_a_login(client):
    box = make_box(guests=False)
    assert client.get(f"/b/{box.slug}/new").status_code == 302
    assert post_form(client, f"/b/{box.slug}/new", letter_form()).status_code == 302
    assert _letters() == []


def test_anonymity_is_offered_only_where_the_box_allows_it(app):
    box = make_box()
    client = login(app.test_client(), make_user())
    assert 'name="anonymous"' not in client.get(f"/b/{box.slug}/new").get_data(as_text=True)
    write(client, box, guest=False, anonymous="y")
    assert _letters()[0].anonymous is False


def test_a_letter_about_the_box_itself_goes_to_the_superior_box(app):
    superior = make_box(slug="discipline")
    box = make_box(superior="discipline")
    write(app.test_client(), box, to_superior="y")
    assert _letters()[0].board_id == superior.id


def test_the_sealing_key_lives_in_the_instance_folder_readable_by_the_owner_only(app):
    from pathlib import Path

    from forum.seal import KEY_FILE, seal

    seal("1")
    key = Path(app.instance_path) / KEY_FILE
    assert key.exists() and oct(key.stat().st_mode & 0o777) == "0o600"


def test_recounting_from_scratch_still_counts_no_letter(app):
    from forum.boards.recount import recount

    box = make_box()
    writer = make_user()
    write(login(app.test_client(), writer), box, guest=False)
    recount()
    db.session.expire_all()
    box, thread = db.session.get(Board, box.id), db.session.execute(db.select(Thread)).scalar_one()
    assert (box.thread_count, box.post_count, box.last_post_id) == (0, 0, None)
    assert thread.last_post_id is None and db.session.get(User, writer.id).post_count == 0
