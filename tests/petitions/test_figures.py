"""The figures: per unit and month on /stats, /stats.json, the CSV tables and the unit's
board agree; the 问政 ranking orders units by answers on time, then satisfaction."""
from datetime import date

from forum.stats import figures
from tests.factories import make_board, make_unit, make_user
from tests.petitions.conftest import as_user, step
from tests.petitions.helpers import answered, petition_in, transferred


def _answered_and_rated(app, board, moderator, petitioner, unit, account, rating):
    petition = answered(transferred(petition_in(board, petitioner), moderator, unit), account)
    step(as_user(app, petitioner), petition, "rate", rating=rating)
    return petition


def test_stats_json_csv_and_the_units_board_agree(app, today, township_board, moderator, petitioner,
                                                  transport, transport_account):
    figures.clear()
    transport_board = make_board(slug="jiaotongju", name="县交通局", unit=transport)
    _answered_and_rated(app, township_board, moderator, petitioner, transport, transport_account, "satisfied")
    _answered_and_rated(app, township_board, moderator, petitioner, transport, transport_account, "unsatisfied")
    transferred(petition_in(township_board, petitioner), moderator, transport)
    client = app.test_client()
    section = client.get("/stats.json").get_json()["sections"]["petitions"]
    row = {"unit": "县交通局", "month": "2024-06", "received": 3, "answered": 2, "on_time": 2,
           "on_time_rate": 100, "days_total": 0, "average_days": 0.0, "rated": 2, "satisfied": 1,
           "satisfaction": 50}
    assert section["months"] == [row]
    assert section["ranking"][0] == {"rank": 1, "unit": "县交通局", "received": 3, "answered": 2,
                                     "on_time_rate": 100, "average_days": 0.0, "satisfaction": 50}
    csv = client.get("/stats/petitions.csv").get_data(as_text=True)
    assert '"县交通局","2024-06","3","2","2","100","0","0.0","2","1","50"' in csv
    board_page = client.get(f"/b/{transport_board.slug}").get_data(as_text=True)
    stats_page = client.get("/stats").get_data(as_text=True)
    for page in (board_page, stats_page):
        assert "<td>2024-06</td><td>3</td><td>2</td>" in page and "<td>50%</td>" in page


def test_the_ranking_puts_answers_on_time_first(app, today, township_board, moderator, petitioner,
                                                transport, transport_account):
    figures.clear()
    late = make_unit(name="县住建局", kind="政府部门", slug="zhujianju")
    late_account = make_user(username="zhujianju", unit_id=late.id, is_unit_account=True, is_verified=True)
    slow = transferred(petition_in(township_board, petitioner), moderator, late)
    _answered_and_rated(app, township_board, moderator, petitioner, transport, transport_account, "fair")
    today.set(date(2024, 7, 1))
    answered(slow, late_account)
    ranking = app.test_client().get("/stats.json").get_json()["sections"]["petitions"]["ranking"]
    assert [(r["unit"], r["on_time_rate"]) for r in ranking] == [("县交通局", 100), ("县住建局", 0)]
