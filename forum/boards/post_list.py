"""A thread page's posts, rendered once for the members who see them alike.

Rendering twenty posts (author cards, bodies, files, the report form under each) was most
of what a member's thread page cost. A member who moderates nothing here and wrote none of
the page's posts sees exactly what any other such member sees, so for them the posts are
kept a few seconds per worker (forum/fragments.py), under the posts' own versions (each
post's id, status, last edit and its author's post count); anything else (a new avatar or
signature) shows within those seconds, as it does for guests. The report forms' CSRF
token, the one thing of the reader's own, is filled in per request.
"""
from flask import render_template
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from forum import fragments

TOKEN_SLOT = "<!--csrf-token-->"


class PostList:
    """The posts of one thread page, rendered when the page prints them ({{ posts_html }}):
    a board type whose template lists posts its own way (disclosures) costs nothing."""

    def __init__(self, thread, page, posts, access, values):
        self.thread, self.page, self.posts, self.access = thread, page, posts, access
        self.values = values  # the thread page's template values (shows, can_edit, mod, …)

    def __html__(self):
        if not current_user.is_authenticated:
            return self._render()  # guests: their whole page is cached (forum/pagecache.py)
        html = fragments.kept(self._key(), self._render) if self._shared() else self._render()
        return html.replace(TOKEN_SLOT, generate_csrf())

    def _shared(self):
        return not self.values.get("mod") and all(p.author_id != current_user.id for p in self.posts)

    def _key(self):
        return ("posts", str(get_locale()), self.thread.id, self.page,
                tuple(sorted(a.name for a in self.access)),
                tuple((p.id, p.status, p.edited_at, p.author.post_count if p.author else None)
                      for p in self.posts))

    def _render(self):
        return Markup(render_template("boards/_posts.html", posts=self.posts, token_slot=Markup(TOKEN_SLOT),
                                      **self.values))
