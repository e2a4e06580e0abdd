"""A thread page's posts, rendered when the page prints them.

A board type whose own template lists posts its own way (disclosures) then costs nothing
for them. Members who see a page alike share it whole (forum/shared_pages.py).
"""
from flask import render_template
from markupsafe import Markup


class PostList:
    """The posts of one thread page ({{ posts_html }} in the template)."""

    def __init__(self, posts, values):
        self.posts = posts
        self.values = values  # the thread page's template values (shows, can_edit, mod, …)

    def __html__(self):
        return Markup(render_template("boards/_posts.html", posts=self.posts, **self.values))
