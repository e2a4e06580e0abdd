"""Steps of a petition through the services, for tests that start further along."""
from forum.extensions import db
from forum.petitions import services
from forum.petitions.models import Petition
from tests.factories import make_thread


def petition_in(board, petitioner, kind="help", title="请城建局领导为民找个说法"):
    """A thread of the board made a petition (as a moderator would), pending."""
    thread = make_thread(board=board, author=petitioner, title=title)
    petition = services.add_petition(thread, petitioner, kind, None)
    db.session.commit()
    return petition


def transferred(petition, moderator, unit):
    services.transfer_petition(petition, moderator, unit.id)
    return db.session.get(Petition, petition.id)


def answered(petition, account, text="已处理完毕。"):
    services.answer_petition(petition, account, text)
    return db.session.get(Petition, petition.id)
