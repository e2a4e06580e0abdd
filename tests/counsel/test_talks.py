"""Talks through HTTP: opening under a pseudonym, who reads, messages and notifications,
the queue, hand-over with consent, closing, revealing, and bad input storing nothing."""
import pytest

from forum.boards.roles import grant
from forum.counsel.models import TalkState
from forum.extensions import db
from forum.models import Notification, SecurityEvent
from tests.checks import says
from tests.conftest import post_form
from tests.counsel.helpers import messages, open_talk, talk_id_of, talks
from tests.factories import make_user


def _notes(user):
    db.session.expire_all()
    return db.session.execute(db.select(Notification).where(Notification.user_id == user.id)).scalars().all()


def test_a_member_opens_a_talk_with_the_room_under_a_pseudonym(room, counsellor, minister, member,
                                                               as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    (talk,) = talks()
    assert (talk.id, talk.pseudonym, talk.member_id, talk.counsellor_ids) == (
        talk_id, "零度", member.id, set())
    for staff in (counsellor, minister):
        page = as_user(staff).get(f"/counsel/talks/{talk_id}").get_data(as_text=True)
        assert "零度" in page and "最近工作压力很大" in page and "ganbu" not in page
        assert "李干部" not in page
        assert [n.url for n in _notes(staff)] == [f"/counsel/talks/{talk_id}"]


def test_the_counsellor_notification_carries_neither_words_nor_name(room, counsellor, member,
                                                                    as_user):
    open_talk(as_user(member), room)
    (note,) = _notes(counsellor)
    assert note.actor_id is None and note.data == {} and note.thread_id is None
    page = as_user(counsellor).get("/notifications").get_data(as_text=True)
    assert says(page, "There is a new message in the counselling room.")
    assert "零度" not in page and "压力" not in page


def test_a_talk_with_a_chosen_counsellor_is_read_by_that_counsellor_alone(
        room, counsellor, minister, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room, counsellor=minister.id))
    assert as_user(minister).get(f"/counsel/talks/{talk_id}").status_code == 200
    assert as_user(counsellor).get(f"/counsel/talks/{talk_id}").status_code == 404


@pytest.mark.parametrize("who", ["other_member", "system", "security", "audit", "unit_account",
                                 "moderator"])
def test_nobody_else_reads_a_talk(room, counsellor, member, as_user, who):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    fields = {"system": {"admin_role": "system"}, "security": {"admin_role": "security"},
              "audit": {"admin_role": "audit"}, "unit_account": {"is_unit_account": True},
              "moderator": {}, "other_member": {}}[who]
    other = make_user(username=f"x{who}"[:20], **fields)
    if who == "moderator":
        grant(other, room, "moderator")
        db.session.commit()
    client = as_user(other)
    assert client.get(f"/counsel/talks/{talk_id}").status_code == 404
    assert post_form(client, f"/counsel/talks/{talk_id}/messages", {"body": "我来看看"}).status_code == 404
    assert len(messages()) == 1


def test_each_counsellor_read_is_logged_without_words(room, counsellor, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    client = as_user(counsellor)
    client.get(f"/counsel/talks/{talk_id}")
    client.get(f"/counsel/talks/{talk_id}")
    as_user(member).get(f"/counsel/talks/{talk_id}")
    rows = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "counsel_talk_read")).scalars().all()
    assert [(r.actor_id, r.detail) for r in rows] == [(counsellor.id, f"talk {talk_id}")] * 2


def test_a_counsellor_reply_takes_a_room_talk_and_notifies_the_member(
        room, counsellor, minister, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    post_form(as_user(counsellor), f"/counsel/talks/{talk_id}/messages", {"body": "你好，慢慢说。"})
    (talk,) = talks()
    assert talk.counsellor_ids == {counsellor.id} and not talk.awaiting
    assert as_user(minister).get(f"/counsel/talks/{talk_id}").status_code == 404
    assert [n.url for n in _notes(member)] == [f"/counsel/talks/{talk_id}"]


def test_the_queue_lists_urgent_talks_first_then_the_oldest(room, counsellor, as_user):
    first, second, third = (make_user(username=f"ganbu{n}") for n in range(3))
    open_talk(as_user(first), room, pseudonym="甲")
    open_talk(as_user(second), room, pseudonym="乙")
    open_talk(as_user(third), room, pseudonym="丙", body="我有时候觉得不想活了。")
    page = as_user(counsellor).get("/counsel/counsel/queue").get_data(as_text=True)
    assert page.index("丙") < page.index("甲") < page.index("乙")


def test_a_word_of_danger_marks_the_talk_urgent_and_shows_the_help_text(room, counsellor, member,
                                                                         as_user):
    client = as_user(member)
    response = open_talk(client, room, body="最近总想着轻生。")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    (talk,) = talks()
    assert talk.urgent and "请拨打心理援助热线 12356。" in page


def test_a_later_message_with_a_word_of_danger_marks_the_talk_urgent(room, counsellor, member,
                                                                      as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    post_form(as_user(member), f"/counsel/talks/{talk_id}/messages", {"body": "真的不想活了"})
    assert talks()[0].urgent


def test_hand_over_waits_for_the_member_consent(room, counsellor, minister, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room, counsellor=counsellor.id))
    staff = as_user(counsellor)
    post_form(staff, f"/counsel/talks/{talk_id}/handover", {"counsellor": str(minister.id)})
    assert as_user(minister).get(f"/counsel/talks/{talk_id}").status_code == 404
    page = as_user(member).get(f"/counsel/talks/{talk_id}").get_data(as_text=True)
    assert says(page, "Your counsellor asks to hand this talk over to another counsellor of the "
                      "room, who would then read it. Do you agree?")
    post_form(as_user(member), f"/counsel/talks/{talk_id}/consent", {"accept": "y"})
    assert talks()[0].counsellor_ids == {minister.id}
    assert as_user(minister).get(f"/counsel/talks/{talk_id}").status_code == 200
    assert staff.get(f"/counsel/talks/{talk_id}").status_code == 404


def test_a_declined_hand_over_changes_nothing(room, counsellor, minister, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room, counsellor=counsellor.id))
    post_form(as_user(counsellor), f"/counsel/talks/{talk_id}/handover", {"counsellor": str(minister.id)})
    post_form(as_user(member), f"/counsel/talks/{talk_id}/consent", {"decline": "y"})
    (talk,) = talks()
    assert talk.counsellor_ids == {counsellor.id} and talk.handover_to_id is None


def test_hand_over_to_someone_who_is_not_a_counsellor_is_refused(room, counsellor, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room, counsellor=counsellor.id))
    response = post_form(as_user(counsellor), f"/counsel/talks/{talk_id}/handover",
                         {"counsellor": str(member.id)}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "Choose another of this room's counsellors.")
    assert talks()[0].handover_to_id is None


def test_the_member_closes_as_helped_and_the_figures_count_it(app, room, counsellor, member,
                                                              as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    post_form(as_user(member), f"/counsel/talks/{talk_id}/close", {"outcome": "helped"})
    assert talks()[0].state == TalkState.HELPED
    page = app.test_client().get("/stats").get_data(as_text=True)
    assert says(page, "People helped")


def test_a_counsellor_closes_as_ended(room, counsellor, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    post_form(as_user(counsellor), f"/counsel/talks/{talk_id}/close", {"outcome": "ended"})
    assert talks()[0].state == TalkState.ENDED


def test_a_message_to_a_closed_talk_is_refused_and_not_stored(room, counsellor, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    client = as_user(member)
    post_form(client, f"/counsel/talks/{talk_id}/close", {"outcome": "ended"})
    response = post_form(client, f"/counsel/talks/{talk_id}/messages", {"body": "还在吗"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "This talk is closed; it takes no more messages.")
    assert len(messages()) == 1


def test_the_member_reveals_the_account_to_the_counsellors(room, counsellor, member, as_user):
    talk_id = talk_id_of(open_talk(as_user(member), room))
    post_form(as_user(member), f"/counsel/talks/{talk_id}/reveal", {})
    assert "ganbu" in as_user(counsellor).get(f"/counsel/talks/{talk_id}").get_data(as_text=True)


@pytest.mark.parametrize("pseudonym,message", [
    ("", "Choose a pseudonym."),
    ("ganbu2", "This is a member's name; choose another pseudonym."),
    ("李干部", "This is a member's name; choose another pseudonym."),
    ("王书记", "A pseudonym may not carry an official title."),
    ("组织部领导", "A pseudonym may not carry an official title."),
])
def test_a_bad_pseudonym_is_refused_and_nothing_is_stored(room, counsellor, member, as_user,
                                                          pseudonym, message):
    make_user(username="ganbu2")
    response = open_talk(as_user(member), room, pseudonym=pseudonym)
    assert response.status_code == 200 and says(response.get_data(as_text=True), message)
    assert talks() == [] and messages() == []


def test_a_talk_to_someone_who_is_not_a_counsellor_is_refused(room, counsellor, member, as_user):
    other = make_user(username="feitanxin")
    response = open_talk(as_user(member), room, counsellor=other.id)
    assert says(response.get_data(as_text=True), "Choose one of this room's counsellors.")
    assert talks() == []


def test_a_counsellor_choice_that_is_no_id_opens_a_talk_with_the_room(room, counsellor, member, as_user):
    response = open_talk(as_user(member), room, counsellor="abc")
    assert response.status_code == 302
    assert talks()[0].counsellor_ids == set()


def test_a_guest_is_sent_to_log_in_to_open_a_talk(client, room):
    assert client.get("/b/counsel/new").status_code == 302
