"""`flask forum reindex` rebuilds the index from the database alone."""
from forum.extensions import Guest
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
