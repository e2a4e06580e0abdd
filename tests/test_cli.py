"""The operator's command line (DESIGN §10)."""
from forum.extensions import db
from forum.models import Board, BoardRole, Category, Unit, User
from tests.factories import make_thread


def run(app, *args):
    result = app.test_cli_runner().invoke(args=["forum", *args], catch_exceptions=False)
    return result


def counts():
    return tuple(db.session.execute(db.select(db.func.count()).select_from(m)).scalar_one()
                 for m in (Unit, Category, Board))


def test_init_seeds_every_zhijin_board_and_is_safe_to_run_again(app):
    first = run(app, "init")
    assert first.exit_code == 0, first.output
    assert counts() == (134, 7, 150)
    board = db.session.execute(db.select(Board).where(Board.slug == "report")).scalar_one()
    board.settings = {**board.settings, "deadline_days": 10}
    db.session.commit()
    again = run(app, "init")
    assert again.exit_code == 0
    assert counts() == (134, 7, 150)
    db.session.expire_all()
    assert db.session.execute(db.select(Board.settings).where(Board.slug == "report")).scalar_one()["deadline_days"] == 10


def test_seed_gives_each_unit_a_board_it_owns(seeded):
    rows = db.session.execute(db.select(Board.slug, Unit.slug).join(Unit, Board.unit_id == Unit.id)
                              .where(Board.slug == Unit.slug)).all()
    assert len(rows) == 134
    assert all(slug.isascii() for slug, _ in rows)


def test_user_create_makes_an_admin_and_a_unit_account(app, seeded):
    assert run(app, "user", "create", "sysadmin", "--password", "long pass 123", "--admin", "system").exit_code == 0
    result = run(app, "user", "create", "城关镇党委", "--password", "long pass 123", "--unit", "城关镇", "--unit-account")
    assert result.exit_code == 0, result.output
    unit_account = db.session.execute(db.select(User).where(User.username == "城关镇党委")).scalar_one()
    assert unit_account.is_unit_account and unit_account.is_verified and unit_account.unit.name == "城关镇"
    assert db.session.execute(db.select(User.admin_role).where(User.username == "sysadmin")).scalar_one() == "system"


def test_user_create_refuses_a_taken_name_and_an_unknown_unit(app, seeded):
    run(app, "user", "create", "someone", "--password", "long pass 123")
    assert run(app, "user", "create", "SOMEONE", "--password", "long pass 123").exit_code != 0
    assert run(app, "user", "create", "other", "--password", "long pass 123", "--unit", "火星镇").exit_code != 0


def test_role_grant_stores_the_role_once(app, seeded):
    run(app, "user", "create", "banzhu", "--password", "long pass 123")
    for _ in range(2):
        assert run(app, "role", "grant", "banzhu", "moderator", "--board", "papers").exit_code == 0
    assert db.session.execute(db.select(db.func.count(BoardRole.id))).scalar_one() == 1
    assert run(app, "role", "grant", "banzhu", "moderator", "--board", "nope").exit_code != 0


def test_recount_command_rebuilds_counters(app):
    thread = make_thread(replies=2)
    db.session.execute(db.update(Board).values(post_count=0))
    db.session.commit()
    assert run(app, "recount").exit_code == 0
    db.session.expire_all()
    assert db.session.get(Board, thread.board_id).post_count == 3


def test_word_add_puts_a_rule_in_the_filter_and_refuses_a_duplicate(app):
    from forum.models import WordRule

    assert run(app, "word", "add", "法轮", "--action", "block").exit_code == 0
    assert run(app, "word", "add", "法 轮", "--action", "review").exit_code != 0
    rules = db.session.execute(db.select(WordRule.word, WordRule.action)).all()
    assert rules == [("法轮", "block")]
