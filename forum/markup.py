"""The one entry point from user text to HTML (DESIGN §7).

Markdown is rendered, then every tag, attribute and URL passes one bleach Cleaner with
an explicit allowlist. The result is stored at write time; templates mark nothing else safe.
"""
from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter
from markupsafe import Markup

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "abbr": ["title"],
    "img": ["src", "alt", "title"],
    "td": ["align"],
    "th": ["align"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
MARKDOWN_EXTENSIONS = ["fenced_code", "tables", "nl2br", "sane_lists"]


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
)


def render(text):
    """Render user Markdown to sanitised HTML, ready to store and show."""
    # Raw HTML inside Markdown is escaped by the cleaner's strip, never trusted.
    html = markdown.markdown(text or "", extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return Markup(_cleaner.clean(html))


def quote_source(author_name, number, body, limit=300):
    """Markdown that quotes a post: the author, the floor and the start of the text."""
    excerpt = body if len(body) <= limit else body[:limit] + "…"
    lines = "\n".join("> " + line for line in excerpt.splitlines())
    return f"> **{author_name}** #{number}\n>\n{lines}\n\n"
