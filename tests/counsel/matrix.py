"""The room the access matrix (tests/test_access_matrix.py) acts on: a counsel board whose
counsellor, member and session host are none of the matrix's roles."""
from forum.boards.roles import grant
from forum.counsel.cards import save_card
from forum.counsel.sessions import ask_question, schedule_session
from forum.counsel.talks import open_talk
from forum.extensions import db
from forum.models.base import utcnow
from tests.factories import make_board, make_user


def build_counsel_world(people):
    board = make_board(type="counsel", slug="counsel")
    counsellor = make_user(username="matrix_tanxin", is_verified=True)
    grant(counsellor, board, "counsellor")
    db.session.commit()
    save_card(board, counsellor, name="王老师", kind="psychologist")
    talk = open_talk(board, make_user(username="matrix_ganbu"), pseudonym="零度", body="想聊聊")
    now = utcnow()
    session = schedule_session(board, counsellor, title="做客谈心室", host_id=counsellor.id,
                               starts_at=now, ends_at=now.replace(year=now.year + 1))
    question = ask_question(session, make_user(username="matrix_asker"), "怎么减压")
    return {"counsel": board.slug, "talk": talk.id, "counsel_session": session.id,
            "question": question.id}
