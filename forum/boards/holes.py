"""The board and thread pages' holes (forum/holes.py): what on them is the reader's own."""
from flask import render_template
from flask_babel import get_locale
from flask_login import current_user

from forum import hooks
from forum.access import Access
from forum.boards.registry import get_type
from forum.holes import kept, renderer


@renderer("board-start")
def start(board, access, **_ignored):
    """The new-thread button, or why the reader may not start one here."""
    board_type = get_type(board.type)

    def render():
        return render_template("boards/_start.html", board=board, board_type=board_type, access=access)
    if board_type.built and Access.START in access:  # most members: the same button for all
        return kept(("board-start", str(get_locale()), board.slug), render)
    return render()


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
