"""The navigation bar links only the places whose board exists, at no query per page."""
from tests.conftest import login
from tests.factories import make_board, make_user


def nav_of(page):
    return page.get_data(as_text=True).split('<nav class="site-nav"')[1].split("</nav>")[0]


def test_the_bar_links_the_seeded_places(client, seeded):
    nav = nav_of(client.get("/"))
    for slug in ("notices", "secretary", "disclosure", "training", "counsel"):
        assert f'href="/b/{slug}"' in nav
    assert 'href="/search"' in nav and "/letters/mine" not in nav


def test_the_bar_leaves_out_places_whose_board_does_not_exist(client):
    make_board(slug="notices")
    nav = nav_of(client.get("/"))
    assert 'href="/b/notices"' in nav and 'href="/b/counsel"' not in nav


def test_a_board_added_later_joins_the_bar_on_the_next_page(client):
    client.get("/")
    make_board(slug="counsel", type="counsel")
    assert 'href="/b/counsel"' in nav_of(client.get("/"))


def test_a_member_has_their_own_menu(client):
    nav = nav_of(login(client, make_user()).get("/"))
    assert "/letters/mine" in nav and "/training/mine" in nav


def test_the_bar_costs_no_statement_once_read(client, count_queries):
    make_board(slug="notices")
    client.get("/search")
    with count_queries() as queries:
        client.get("/search")
    assert not any("board.slug IN" in q for q in queries.statements)
