"""Signatures: edited on /account, sanitised once at save, shown under posts without extra queries."""
from forum.boards.services import reply
from forum.profiles.services import save_signature
from tests.boards.test_query_counts import statements_for
from tests.checks import says
from tests.conftest import fresh, post_form
from tests.factories import make_thread, make_user


def test_a_member_saves_a_signature_on_the_account_page_and_it_shows_under_posts(member_client, member):
    assert "signature-heading" in member_client.get("/account").get_data(as_text=True)
    response = post_form(member_client, "/account/signature", {"signature": "**为人民服务**"})
    assert response.status_code == 302
    assert fresh(member).signature_html == "<p><strong>为人民服务</strong></p>"
    thread = make_thread(author=member)
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert '<div class="signature"><p><strong>为人民服务</strong></p></div>' in page


def test_a_signature_is_sanitised_like_a_post(member_client, member):
    post_form(member_client, "/account/signature",
              {"signature": '<script>alert(1)</script><img src=x onerror=alert(1)>[a](javascript:alert(1))'})
    html = fresh(member).signature_html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_a_signature_that_is_too_long_or_has_too_many_lines_is_refused(member_client, member):
    response = post_form(member_client, "/account/signature", {"signature": "长" * 301}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "A signature has at most %(n)d characters.", n=300)
    response = post_form(member_client, "/account/signature", {"signature": "行\n" * 6}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "A signature has at most %(n)d lines.", n=5)
    assert fresh(member).signature == ""


def test_an_empty_signature_removes_it(member_client, member):
    save_signature(member, "旧的")
    post_form(member_client, "/account/signature", {"signature": ""})
    assert (fresh(member).signature, fresh(member).signature_html) == ("", "")


def test_signatures_cost_the_thread_page_no_extra_statements(client, count_queries):
    authors = [make_user() for _ in range(4)]
    thread = make_thread(author=authors[0])
    for n in range(8):
        reply(thread, authors[n % 4], f"第{n}条")
    before = statements_for(client, count_queries, f"/t/{thread.id}")
    for author in authors:
        save_signature(author, f"{author.username}的签名")
    assert statements_for(client, count_queries, f"/t/{thread.id}") == before
    assert "的签名" in client.get(f"/t/{thread.id}").get_data(as_text=True)
