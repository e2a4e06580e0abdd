"""Figures of the mailboxes on /stats and each box page."""
from forum.letters import triage
from forum.letters.queries import figures
from forum.letters.writing import write_letter
from tests.letters.helpers import make_box, make_handler


def _answered(box, handler, kind, rating=None):
    letter = write_letter(box, None, kind=kind, title="来信", body="内容")[0]
    triage.accept_letter(letter, handler)
    triage.send_answer(letter, handler, "答复")
    if rating:
        triage.rate_letter(letter, rating, "")
    return letter


def test_figures_count_received_answered_on_time_and_satisfaction_by_month_and_kind():
    box = make_box()
    handler = make_handler(box)
    _answered(box, handler, "consult", "satisfied")
    _answered(box, handler, "complain", "unsatisfied")
    write_letter(box, None, kind="consult", title="未办", body="内容")
    rows = {(row["month"], row["kind"]): row for row in figures([box])[box.id]}
    (month,) = {m for m, _kind in rows}
    total, consult = rows[(month, "")], rows[(month, "consult")]
    assert (total["received"], total["accepted"], total["answered"]) == (3, 2, 2)
    assert (total["on_time_rate"], total["satisfaction"]) == (100, 50)
    assert (consult["received"], consult["answered"], consult["satisfaction"]) == (2, 1, 100)


def test_the_whistleblower_box_gives_monthly_totals_only(client):
    box = make_box(whistleblower=True)
    handler = make_handler(box)
    _answered(box, handler, "report")
    _answered(box, handler, "complain")
    assert [row["kind"] for row in figures([box])[box.id]] == [""]


def test_stats_and_the_box_page_show_the_figures_to_guests(client):
    box = make_box(slug="organization")
    _answered(box, make_handler(box), "consult", "fair")
    for page in (client.get("/stats"), client.get("/b/organization")):
        assert page.status_code == 200
        assert "100%" in page.get_data(as_text=True)


def test_the_figures_columns_are_counts_and_not_times(client):
    box = make_box(slug="organization")
    _answered(box, make_handler(box), "consult", "fair")
    page = client.get("/stats").get_data(as_text=True)
    table = page[page.index('class="letter-figures"'):]
    heads = table[table.index("<thead>"):table.index("</thead>")]
    assert all(f">{head}<" in heads for head in ("收信数", "受理数", "答复数"))
    assert "收信时间" not in heads and "已受理" not in heads


def test_the_box_page_costs_the_same_queries_with_more_published_letters(client, count_queries):
    from forum.letters.triage import publish_letter

    box = make_box(slug="secretary")
    handler = make_handler(box)

    def publish_one():
        letter = write_letter(box, None, kind="consult", title="来信", body="内容", consent=True)[0]
        triage.accept_letter(letter, handler)
        triage.send_answer(letter, handler, "答复")
        publish_letter(letter, handler)

    publish_one()
    client.get("/b/secretary")
    with count_queries() as few:
        client.get("/b/secretary")
    for _ in range(5):
        publish_one()
    with count_queries() as more:
        page = client.get("/b/secretary").get_data(as_text=True)
    assert page.count('class="published-letter"') == 6
    assert len(more) == len(few) <= 8
