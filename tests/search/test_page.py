"""The /search page through HTTP: filters, order, pages, escaping and bad input."""
import pytest

from forum.search import adapter
from forum.search.adapter import PER_PAGE
from tests.checks import says
from tests.conftest import login
from tests.test_control_characters import REFUSAL as CONTROL_REFUSAL
from tests.factories import make_board, make_thread, make_user

SYNTAX = ['AND OR NOT', '*', '?', ':', '( )', '"', '\\', '~', '^', 'title:党建', '党建*',
          '"党建', 'OR', '&', '|', '!', "'", "<->", "党建 & | ! :*", "a:*", "''", "\\'"]


def _text(response):
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_search_finds_the_thread_and_highlights_the_word(client):
    thread = make_thread(title="基层党建工作推进会", body="全县基层党建工作推进会召开")
    page = _text(client.get("/search?q=党建"))
    assert f'href="/p/{thread.id}"' in page or "/p/" in page
    assert "<mark>党建</mark>" in page


def test_a_snippet_shows_the_text_as_readers_see_it_not_its_markdown(client):
    make_thread(title="学习安排", body="## 本周安排\n\n**党建**学习：周一、周三；| 地点 | 会议室 |")
    page = _text(client.get("/search?q=党建"))
    snippet = page.split('<mark>党建</mark>')[1][:40]
    assert "**" not in page.split("<main")[1] and "##" not in page.split("<main")[1]
    assert snippet.startswith("学习：周一、周三；")  # the writer's full-width punctuation


def test_markup_in_posts_and_queries_is_escaped_before_highlighting(client):
    make_thread(title="标题<b>党建</b>", body='<script>alert(1)</script> 党建 <img src=x onerror=alert(1)>')
    page = _text(client.get("/search", query_string={"q": "<b>党建</b>"}))
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>党建" not in page
    assert "&lt;b&gt;" in page
    assert "<mark>党建</mark>" in page


@pytest.mark.parametrize("query", SYNTAX)
def test_query_syntax_characters_are_plain_text(client, query):
    make_thread(title="党建工作", body="党建")
    page = _text(client.get("/search", query_string={"q": query}))
    assert "<script" not in page


@pytest.mark.parametrize("query_string", [
    {"q": ""}, {"q": "   "}, {"q": "党" * 1000}, {"q": "x" * 5000}, {"q": "党建", "page": "0"},
    {"q": "党建", "page": "-1"}, {"q": "党建", "page": "abc"}, {"q": "党建", "page": "99999999999"},
    {"q": "党建", "page": "999"}, {"q": "党建", "since": "not-a-date"}, {"q": "党建", "until": "2024-13-45"},
    {"q": "党建", "board": "no-such-board"}, {"q": "党建", "thread": "abc"},
    {"q": "党建", "thread": "99999999999999"}, {"q": "党建", "author": "<nobody>"},
    {"q": "党建", "sort": "<script>"}, {"q": "😀"}, {"q": "ＡＮＤ"},
])
def test_bad_input_gets_a_page_never_a_500(client, query_string):
    make_thread(title="党建工作", body="党建")
    page = _text(client.get("/search", query_string=query_string))
    assert "<nobody>" not in page


def test_a_query_with_control_characters_gets_the_refusal_page(client):
    response = client.get("/search", query_string={"q": "\x00\x01"})
    assert response.status_code == 400
    assert says(response.get_data(as_text=True), CONTROL_REFUSAL)


def test_a_long_query_is_cut_with_a_message(client):
    page = _text(client.get("/search", query_string={"q": "党建" * 200}))
    assert 'role="alert"' in page


def test_a_page_beyond_the_results_says_so(client):
    make_thread(title="党建工作", body="党建")
    page = _text(client.get("/search?q=党建&page=7"))
    assert 'role="alert"' in page and 'class="result"' not in page


def test_results_come_in_pages(client):
    board, author = make_board(), make_user()
    for n in range(PER_PAGE + 3):
        make_thread(board=board, author=author, title=f"第{n}次党建会议", body="内容")
    first = _text(client.get("/search?q=党建"))
    second = _text(client.get("/search?q=党建&page=2"))
    assert first.count('class="result"') == PER_PAGE and second.count('class="result"') == 3
    assert 'rel="next"' in first


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_more_results_than_can_be_paged_are_called_more(client, monkeypatch, sort):
    monkeypatch.setattr(adapter, "MAX_PAGES", 1)
    for n in range(PER_PAGE + 1):
        make_thread(title=f"第{n}次党建会议", body="内容")
    page = _text(client.get(f"/search?q=党建&sort={sort}"))
    assert f"超过 {PER_PAGE} 条" in page and page.count('class="result"') == PER_PAGE
    assert 'rel="next"' not in page


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_as_many_results_as_can_be_paged_are_counted_exactly(client, monkeypatch, sort):
    monkeypatch.setattr(adapter, "MAX_PAGES", 1)
    for n in range(PER_PAGE):
        make_thread(title=f"第{n}次党建会议", body="内容")
    page = _text(client.get(f"/search?q=党建&sort={sort}"))
    assert f"共 {PER_PAGE} 条" in page and "超过" not in page


def test_board_author_and_date_filters_narrow_the_results(client):
    board, other = make_board(slug="maochang"), make_board()
    author = make_user(username="writer")
    make_thread(board=board, author=author, title="猫场镇党建", body="甲")
    make_thread(board=other, title="别处党建", body="乙")
    assert _text(client.get("/search?q=党建&board=maochang")).count('class="result"') == 1
    assert _text(client.get("/search?q=党建&author=writer")).count('class="result"') == 1
    assert _text(client.get("/search?q=党建&since=2000-01-01")).count('class="result"') == 2
    assert _text(client.get("/search?q=党建&until=2000-01-01")).count('class="result"') == 0


def test_search_within_a_thread_finds_only_that_threads_posts(client):
    inside, outside = make_thread(title="甲", body="党建一"), make_thread(title="乙", body="党建二")
    page = _text(client.get(f"/search?q=党建&thread={inside.id}"))
    assert page.count('class="result"') == 1 and f"/p/{outside.id}\"" not in page


def test_a_private_board_filter_is_answered_as_unknown(client):
    make_board(type="mailbox", slug="secretbox")
    page = _text(client.get("/search?q=党建&board=secretbox"))
    assert 'role="alert"' in page and 'class="results"' not in page


def test_the_board_and_thread_pages_offer_a_search_inside_them(client):
    thread = make_thread()
    assert f'name="board" value="{thread.board.slug}"' in _text(client.get(f"/b/{thread.board.slug}"))
    assert f'name="thread" value="{thread.id}"' in _text(client.get(f"/t/{thread.id}"))


def test_every_page_has_the_search_box(client):
    assert 'id="site-search"' in _text(client.get("/"))


def test_a_guest_search_sets_no_cookie(client):
    make_thread(title="党建工作", body="党建")
    response = client.get("/search?q=党建")
    assert "Set-Cookie" not in response.headers


def test_a_member_can_search_too(client):
    make_thread(title="党建工作", body="党建")
    login(client, make_user())
    assert 'class="result"' in _text(client.get("/search?q=党建"))


def test_the_search_page_runs_a_bounded_number_of_queries(client, count_queries):
    board = make_board()
    for n in range(10):
        make_thread(board=board, title=f"党建{n}", body="内容")
    client.get("/search?q=其他")  # what a worker reads once (the nav bar's boards, the banner)
    with count_queries() as queries:
        _text(client.get("/search?q=党建"))
    assert len(queries) <= 7, queries.statements  # PostgreSQL: the search's SET LOCAL work_mem
