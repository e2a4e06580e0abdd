"""/stats, /stats.json and the CSV tables: figures equal to a recount from the rows, a fixed
number of statements whatever the data, charts that are valid SVG with text alternatives."""
import csv
import io
import re
import xml.etree.ElementTree as ET

from flask_babel import force_locale

from forum.boards.services import reply
from forum.dates import local_today
from forum.extensions import db
from forum.models import BoardDay, SiteDay, UnitMonth
from forum.stats import figures as stats_figures
from forum.stats.charts import nice_top
from forum.stats.daily import recount_days
from forum.stats.numbers import figure
from tests.factories import make_board, make_category, make_thread, make_unit, make_user

SVG = "{http://www.w3.org/2000/svg}"


def _forum(size):
    """size units, each with a member who wrote a thread and a reply on one of size boards."""
    category = make_category()
    for _ in range(size):
        member = make_user(unit_id=make_unit().id)
        thread = make_thread(board=make_board(category=category), author=member)
        reply(thread, member, "回复")
    make_board(type="counsel", category=category)


def _rows():
    def of(model, *keys):
        return {tuple(getattr(r, k) for k in keys): (r.posts, r.threads, getattr(r, "active", None))
                for r in db.session.execute(db.select(model)).scalars()}
    site = {r.day: (r.posts, r.threads, r.members) for r in db.session.execute(db.select(SiteDay)).scalars()}
    return site, of(BoardDay, "day", "board_id"), of(UnitMonth, "month", "unit_id")


def test_the_figures_the_writes_keep_equal_a_recount_from_the_rows():
    _forum(3)
    kept = _rows()
    recount_days()
    db.session.commit()
    assert _rows() == kept
    site = kept[0][local_today()]
    assert site == (6, 3, 3)


def test_a_post_on_a_private_board_counts_for_nothing():
    make_thread(board=make_board(type="counsel"), replies=1)
    assert db.session.get(SiteDay, local_today()).posts == 0


def test_the_units_are_ranked_by_this_months_posts_and_active_members(client):
    make_unit(name="安静镇")
    busy = make_unit(name="热闹镇")
    writer = make_user(unit_id=busy.id)
    make_thread(author=writer, replies=2)
    make_thread(author=make_user(unit_id=busy.id))
    units = client.get("/stats.json").get_json()["units"]
    assert [(u["rank"], u["unit"], u["threads"], u["posts"], u["active_members"]) for u in units] == [
        (1, "热闹镇", 2, 4, 2), (2, "安静镇", 0, 0, 0)]


def test_each_category_counts_the_members_who_wrote_in_it_this_month_once(client):
    talk, units = make_category(name="交流"), make_category(name="乡镇")
    both, once = make_user(), make_user()
    make_thread(board=make_board(category=talk), author=both, replies=2)
    make_thread(board=make_board(category=units), author=both)
    make_thread(board=make_board(category=talk), author=once)
    kept = _active_by_category(client)
    assert kept == {"交流": 2, "乡镇": 1}
    recount_days()
    db.session.commit()
    stats_figures.clear()
    assert _active_by_category(client) == kept


def _active_by_category(client):
    return {row["category"]: row["active_members_this_month"]
            for row in client.get("/stats.json").get_json()["categories"]}


def test_stats_sends_the_same_statements_whatever_the_size(client, count_queries):
    counts = []
    for size in (2, 18):  # 2 units, boards and threads, then 20
        _forum(size)
        client.get("/stats")  # the first request of a worker loads what every later one has
        with count_queries() as counted:
            assert client.get("/stats").status_code == 200
        counts.append(len(counted))
    assert counts[0] == counts[1] <= 16, counted.statements  # 16 with petitions' section


def test_the_figures_are_computed_once_a_minute_at_most(app, client, count_queries, monkeypatch):
    monkeypatch.setitem(app.config, "STATS_CACHE_SECONDS", 60)
    stats_figures.clear()
    client.get("/stats")
    make_thread()
    with count_queries() as counted:
        page = client.get("/stats.json").get_json()
    stats_figures.clear()
    assert len(counted) == 0 and page["totals"]["posts"] == 0


def test_every_chart_is_valid_svg_with_a_title_a_description_and_a_table(client):
    _forum(2)
    html = client.get("/stats").get_data(as_text=True)
    charts = re.findall(r"<svg class=\"chart .*?</svg>", html, re.S)  # not the icons
    assert len(charts) == 3
    for chart in charts:
        svg = ET.fromstring(chart)
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert svg.get("role") == "img" and title.text and desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert svg.get("viewBox") and svg.get("width") == "100%"
    assert html.count("<table") >= 3


def test_the_json_gives_every_figure_and_each_features_section(client):
    _forum(2)
    make_board(type="mailbox")
    data = client.get("/stats.json").get_json()
    assert set(data) == {"as_of", "days", "totals", "categories", "units", "sections"}
    assert len(data["days"]) == 90 and data["days"][-1]["day"] == local_today().isoformat()
    assert data["days"][-1] | {"hits": 0, "uniques": 0} == {
        "day": local_today().isoformat(), "hits": 0, "uniques": 0, "posts": 4, "threads": 2, "members": 2}
    assert data["totals"]["posts"] == 4 and data["totals"]["members"] == 2
    assert {"letters", "counsel"} <= set(data["sections"])
    assert "letters" in data["sections"]["letters"]["tables"]


def test_every_table_downloads_as_csv_that_a_spreadsheet_opens_safely(client):
    make_thread(author=make_user(unit_id=make_unit(name="=HYPERLINK(1)").id))
    response = client.get("/stats/units.csv")
    text = response.get_data(as_text=True)
    assert response.mimetype == "text/csv" and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows == [["rank", "unit", "kind", "threads", "posts", "active_members"],
                    ["1", "'=HYPERLINK(1)", "镇", "1", "1", "1"]]
    for name in ("days", "categories", "letters"):
        assert client.get(f"/stats/{name}.csv").status_code == 200
    assert client.get("/stats/nothing.csv").status_code == 404


def test_large_totals_read_in_wan_in_chinese_and_in_full_in_english(app):
    with app.test_request_context():
        with force_locale("zh_CN"):
            assert [figure(n) for n in (9999, 72350, 410000, 123456789)] == [
                "9,999", "7.24万", "41万", "1.23亿"]
        with force_locale("en"):
            assert figure(72350) == "72,350"


def test_a_charts_axis_ends_on_a_round_number():
    assert [nice_top(n) for n in (0, 1, 3, 7, 10, 11, 72350)] == [1, 1, 5, 10, 10, 20, 100000]
