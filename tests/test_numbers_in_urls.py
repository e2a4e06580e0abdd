"""Numbers from a URL never reach the database out of range (issue 12): ids beyond the
columns (2^31 on PostgreSQL, 2^63 on SQLite), page numbers that are not ASCII digits
and extreme dates are a 404, an ignored parameter or a message, never a 500."""
import re

import pytest

from forum import create_app
from forum.extensions import db
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user

HUGE = {"2^31": str(2**31), "2^63": str(2**63), "5000 digits": "9" * 5000}


def _int_routes():
    """(method, rule) for every route of the URL map with an int converter."""
    from config import TestingConfig  # here: pytest would collect it as a test class

    rules = create_app(TestingConfig()).url_map.iter_rules()
    return sorted((("GET" if "GET" in rule.methods else "POST"), rule.rule) for rule in rules
                  if "<int:" in rule.rule)


def _path(rule, number):
    """The rule with every int argument set to number, an any() to its first choice."""
    def fill(match):
        converter = match.group(1) or ""
        if converter == "int":
            return str(number)
        return converter[4:].split(",")[0].strip(" )") if converter.startswith("any(") else "x"
    return re.sub(r"<(?:([^:>]+):)?[^>]+>", fill, rule)


INT_ROUTES = _int_routes()


def test_the_url_map_has_routes_with_ids():
    assert len(INT_ROUTES) > 30 and ("GET", "/t/<int:thread_id>") in INT_ROUTES


@pytest.mark.parametrize("number", HUGE.values(), ids=HUGE.keys())
@pytest.mark.parametrize("method, rule", INT_ROUTES)
def test_an_id_beyond_the_columns_matches_no_route(app, member_client, method, rule, number):
    response = member_client.open(_path(rule, number), method=method)
    # 405: the path's digits fit a route of the other method, whose converter refuses them too.
    assert response.status_code in (404, 405)


@pytest.mark.parametrize("page", ["²", "١", "-1", "0", str(2**63), "9" * 5000])
@pytest.mark.parametrize("path", ["/t/{thread}", "/b/{board}", "/notifications", "/messages",
                                  "/mod/log"])
def test_a_page_number_that_is_not_one_is_a_404(app, path, page):
    admin = make_user(admin_role="audit")
    thread = make_thread()
    client = login(app.test_client(), admin)
    url = path.format(thread=thread.id, board=thread.board.slug)
    assert client.get(url, query_string={"page": page}).status_code == 404


@pytest.mark.parametrize("quote", ["²", str(2**63), "9" * 5000])
def test_a_quote_of_a_huge_id_is_ignored(member_client, quote):
    thread = make_thread()
    response = member_client.get(f"/t/{thread.id}/reply", query_string={"quote": quote})
    assert response.status_code == 200


def test_a_quote_mark_with_a_huge_floor_in_a_reply_is_no_error(member_client):
    thread = make_thread()
    body = f"> **someone** #{2**63}\n\n回复"
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": body})
    assert response.status_code == 302
    db.session.refresh(thread)
    assert thread.reply_count == 1


@pytest.mark.parametrize("args", [
    {"thread": str(2**63)}, {"thread": "²"}, {"page": "²"}, {"page": str(2**63)},
    {"since": "0001-01-01", "until": "9999-12-31"}, {"since": "9999-12-31"},
    {"until": "0001-01-01"}])
def test_search_filters_out_of_range_are_a_message_or_ignored(client, args):
    response = client.get("/search", query_string={"q": "会议", **args})
    assert response.status_code == 200


@pytest.mark.parametrize("args", [{"since": "0001-01-01", "until": "9999-12-31"},
                                  {"since": "9999-12-31"}, {"until": "0001-01-01"}])
@pytest.mark.parametrize("output", ["html", "csv"])
def test_the_audit_log_takes_extreme_dates(app, args, output):
    client = login(app.test_client(), make_user(admin_role="audit"))
    query = {**args, **({"format": "csv"} if output == "csv" else {})}
    assert client.get("/mod/log", query_string=query).status_code == 200
    assert client.get("/mod/log", query_string={**query, "kind": "security"}).status_code == 200


def test_moving_a_thread_to_a_huge_board_id_is_refused_and_moves_nothing(app):
    board = make_board()
    thread = make_thread(board=board)
    client = login(app.test_client(), make_user(admin_role="system"))
    response = post_form(client, f"/t/{thread.id}/move", {"board": str(2**63), "reason": "归类"})
    assert response.status_code == 403
    db.session.refresh(thread)
    assert thread.board_id == board.id
