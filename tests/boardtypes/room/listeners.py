"""The room's validator, receiver and page part: the plugin seam of forum/hooks.py."""
from forum.hooks import page_part, post_created, validator
from forum.service import Refused
from tests.boardtypes.room.boardtype import KEY

HEARD = []  # ids of the room's posts its receiver was told about


@validator
def no_id_numbers(draft):
    if draft.board.type == KEY and "身份证" in draft.body:
        raise Refused("密室里不要写身份证号。", field="body")


@post_created.connect
def hear(post, draft, **_ignored):
    if draft.board.type == KEY:
        HEARD.append(post.id)


@page_part("thread")
def door(thread, **_ignored):
    return {"door": "门已关好"} if thread.board.type == KEY else {}
