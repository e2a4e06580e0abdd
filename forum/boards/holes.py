"""The board and thread pages' holes (forum/holes.py): what on them is the reader's own."""
from flask import render_template
from flask_login import current_user

from forum import hooks
from forum.boards.registry import get_type
from forum.holes import renderer


@renderer("board-start")
def start(board, access, **_ignored):
    """The new-thread button, or why the reader may not start one here."""
    return render_template("boards/_start.html", board=board, board_type=get_type(board.type),
                           access=access)


@renderer("thread-rows")
def thread_rows(listed, **_ignored):
    """The board page's rows, with the reader's new-post marks."""
    return listed.rows(current_user)


@renderer("thread-sections")
def thread_sections(thread, access, **_ignored):
    """Features' blocks on a thread (a petition's card with the reader's own steps)."""
    blocks = hooks.sections("thread", thread=thread, access=access,
                            user=current_user._get_current_object())
    if not blocks:  # most threads: no template to render
        return ""
    return render_template("boards/_thread_sections.html", blocks=blocks, thread=thread, access=access)
