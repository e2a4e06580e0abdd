"""Attachments and avatars add no statement per post to a thread page."""
import pytest

from forum.attachments.avatars import set_avatar
from forum.attachments.services import prepare_attachments
from forum.boards.services import reply
from tests.attachments import samples
from tests.boards.test_query_counts import statements_for
from tests.conftest import login
from tests.factories import make_thread, make_user


@pytest.fixture(params=["guest", "member"])
def reader(request, client, member):
    return login(client, member) if request.param == "member" else client


def thread_with_files(posts):
    authors = [make_user() for _ in range(3)]
    for author in authors:
        set_avatar(author, samples.upload(samples.image_bytes(), "a.png"))
    thread = make_thread(author=authors[0])
    for n in range(posts - 1):
        author = authors[n % 3]
        files = [samples.upload(samples.image_bytes(), "图.png"), samples.upload(samples.PDF, "文.pdf")]
        reply(thread, author, f"第{n}条", attachments=prepare_attachments(author, thread.board, files))
    return thread


def test_a_thread_page_full_of_files_and_avatars_costs_what_a_bare_one_does(reader, count_queries):
    bare = make_thread(author=make_user(), replies=2)
    busy = thread_with_files(20)
    cost = statements_for(reader, count_queries, f"/t/{busy.id}")
    assert cost <= 12
    assert cost == statements_for(reader, count_queries, f"/t/{bare.id}")
