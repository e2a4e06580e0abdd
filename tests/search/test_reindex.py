"""`flask forum reindex` rebuilds the index from the database alone."""
import pytest

from forum.access import Guest
from forum.moderation.actions import hide_thread
from forum.search.adapter import backend, search
from tests.factories import make_board, make_thread, make_user


def test_reindex_rebuilds_public_content_and_leaves_out_the_rest(app):
    kept = make_thread(body="zzrebuilt 内容")
    make_thread(board=make_board(type="mailbox"), body="zzrebuilt 信件")
    hide_thread(make_thread(body="zzrebuilt 隐藏"), make_user(admin_role="system"), "违规")
    backend().clear()
    assert search("zzrebuilt", Guest()).hits == []

    result = app.test_cli_runner().invoke(args=["forum", "reindex"])

    assert result.exit_code == 0, result.output
    assert "indexed 1 posts" in result.output
    assert [hit.thread.id for hit in search("zzrebuilt", Guest()).hits] == [kept.id]


def test_the_old_whoosh_index_answers_until_the_new_one_is_ready(app):
    if backend().name != "whoosh":
        pytest.skip("PostgreSQL recomputes the vectors in place")
    make_thread(body="zzbefore 内容")
    during = []

    def batches():
        during.append(len(search("zzbefore", Guest()).hits))
        yield []

    backend().rebuild(batches())
    assert during == [1] and search("zzbefore", Guest()).hits == []


def test_a_post_written_while_reindex_runs_is_indexed_when_it_ends(app, monkeypatch):
    rebuild, written = backend().rebuild, []

    def rebuild_while_someone_posts(batches):
        def then_a_post():
            yield from batches
            written.append(make_thread(body="zzduring 内容"))  # too late for the batches
        return rebuild(then_a_post())

    monkeypatch.setattr(backend(), "rebuild", rebuild_while_someone_posts)
    assert app.test_cli_runner().invoke(args=["forum", "reindex"]).exit_code == 0
    assert [hit.thread.id for hit in search("zzduring", Guest()).hits] == [written[0].id]
