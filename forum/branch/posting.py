"""Start a thread in a branch: a forum Thread of the branch board whose BranchThread row
ties it to the branch; replies, edits and files then go through the core, which asks the
board type (and so this package's access rules) at every step."""
from flask_babel import gettext as _

from forum.boards.services import count_post, validated
from forum.branch.access import reads
from forum.branch.models import BranchThread
from forum.extensions import db
from forum.hooks import Draft, post_created
from forum.models import ContentStatus, Post, Thread
from forum.models.base import utcnow
from forum.service import Refused, commit


def start_branch_thread(branch, author, title, body):
    """A member or the secretary starts a thread that only the branch reads."""
    if not reads(author, branch):
        raise Refused(_("Only this branch's members and secretary write here."))
    draft = validated(Draft(branch.board, author, (body or "").strip(),
                            title=(title or "").strip()))
    now = utcnow()
    thread = Thread(board_id=branch.board_id, author_id=author.id, title=draft.title,
                    status=ContentStatus.PUBLISHED, last_number=1, last_post_at=now,
                    created_at=now)
    post = Post(thread=thread, author_id=author.id, number=1, body=draft.body,
                body_html=draft.body_html, status=ContentStatus.PUBLISHED, created_at=now)
    db.session.add_all([thread, post, BranchThread(thread=thread, branch_id=branch.id)])
    db.session.flush()
    thread.last_post_id = post.id
    count_post(branch.board, author, post, new_thread=True)
    post_created.send(post, draft=draft, attachments=())
    commit()
    return thread
