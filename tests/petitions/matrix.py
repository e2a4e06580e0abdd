"""The access matrix's world for petitions (tests/test_access_matrix.py): in the unit
account's unit board (which takes petitions), a pending petition of the verified
account, one transferred to the unit and answered, and one closed for its petitioner."""
from forum.extensions import db
from forum.models import Board, User
from forum.petitions import services
from tests.factories import make_thread


def build_petitions_world(people, board_slug):
    board = db.session.execute(db.select(Board).where(Board.slug == board_slug)).scalar_one()
    petitioner, unit_account = people["verified"], people["unit_account"]
    system = db.session.get(User, people["system"].id)

    def petition(title):
        thread = make_thread(board=board, author=petitioner, title=title)
        return services.make_petition(thread, system, "help", None)

    pending = petition("待受理的诉求")
    transferred = petition("已转交的诉求")
    services.transfer_petition(transferred, system, unit_account.unit_id)
    closed = petition("已办结的诉求")
    services.transfer_petition(closed, system, unit_account.unit_id)
    services.answer_petition(closed, unit_account, "已办理。")
    services.close_petition(closed, unit_account)
    return {"pending_petition": pending.id, "transferred_petition": transferred.id,
            "closed_petition": closed.id}
