"""The one entry point from user text to HTML (DESIGN §7).

Markdown is rendered, then every tag, attribute and URL passes one bleach Cleaner with
an explicit allowlist. The result is stored at write time; templates mark nothing else safe.
"""
import re
import threading
from functools import partial
from urllib.parse import quote

import bleach
import markdown
from bleach.html5lib_shim import Filter
from bleach.linkifier import LinkifyFilter, build_url_re
from flask_babel import gettext as _
from markupsafe import Markup, escape

from forum.hooks import mention_targets
from forum.markdown_bounds import Bounds

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
MARKDOWN_EXTENSIONS = ["fenced_code", "tables", "nl2br", "sane_lists", "toc"]
# Column alignment as the allowlisted align attribute: the default style= is stripped.
# Headings start at h3 (# is h3, ## is h4 ...): the page's own h1 and h2 stay the page's;
# "toc" does only that here (no [TOC] marker; the ids it adds are not allowlisted).
MARKDOWN_EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True},
                              "toc": {"baselevel": 3, "marker": ""}}


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


# Linkify runs after the sanitiser, so it must only ever build links the allowlist
# would keep: its default pattern also turns ftp:, ssh:, irc:, data: ... text into links.
_LINKIFY_URL_RE = build_url_re(protocols=sorted(ALLOWED_PROTOCOLS))


# This forum's own uploads (forum.attachments: /a/<token>, /a/<token>/thumb), the only
# images a page may load: any other source tells its owner who read the page, and when.
UPLOADED_IMAGE = re.compile(r"/a/[A-Za-z0-9_-]+(?:/thumb)?")


class RemoteImagesAsLinks(Filter):
    """An image from anywhere but this forum's uploads becomes a link to it, "[image: alt]"."""

    def __iter__(self):
        in_link = 0
        for token in super().__iter__():
            if token.get("name") == "a" and token["type"] in ("StartTag", "EndTag"):
                in_link += 1 if token["type"] == "StartTag" else -1
            if token.get("name") != "img" or _is_upload(token):
                yield token
                continue
            src = token["data"].get((None, "src"), "")
            label = {"type": "Characters",
                     "data": _("[image: %(alt)s]", alt=token["data"].get((None, "alt"), ""))}
            if in_link or not src:  # no link inside a link
                yield label
                continue
            yield {"type": "StartTag", "name": "a", "namespace": token.get("namespace"),
                   "data": {(None, "href"): src}}
            yield label
            yield {"type": "EndTag", "name": "a", "namespace": token.get("namespace")}


# Usernames are word characters and hyphens; Chinese text often runs straight on after
# a name (@张三你好), so a mention names the longest prefix that is a username.
MENTION_RE = re.compile(r"(?<![\w@.\-])@([\w\-]{2,20})")


class MentionLinks(Filter):
    """"@name" in text (not in a link, code or pre) becomes a link to the profile of the
    account it names, as `hooks.mention_targets` resolves it for this render."""

    def __iter__(self):
        inside = 0
        targets = getattr(_local, "mentions", None) or {}
        for token in super().__iter__():
            if token.get("name") in ("a", "code", "pre") and token["type"] in ("StartTag", "EndTag"):
                inside += 1 if token["type"] == "StartTag" else -1
            if inside or not targets or token["type"] != "Characters" or "@" not in token["data"]:
                yield token
                continue
            yield from _linked_mentions(token["data"], targets)


def _linked_mentions(text, targets):
    last = 0
    for match in MENTION_RE.finditer(text):
        found = targets.get(match.group(1))
        if found is None:
            continue
        username, length = found
        yield {"type": "Characters", "data": text[last:match.start()]}
        yield {"type": "StartTag", "name": "a", "namespace": None,
               "data": {(None, "href"): "/u/" + quote(username), (None, "class"): "mention",
                        (None, "rel"): LINK_REL}}
        yield {"type": "Characters", "data": "@" + match.group(1)[:length]}
        yield {"type": "EndTag", "name": "a", "namespace": None}
        last = match.start() + 1 + length
    yield {"type": "Characters", "data": text[last:]}


def _is_upload(token):
    return bool(UPLOADED_IMAGE.fullmatch(token["data"].get((None, "src"), "")))


def _make_cleaner(linkify=True):
    # Remote images first, so that linkify gives their links rel like every other.
    linkifier = partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"},
                        url_re=_LINKIFY_URL_RE)
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=([RemoteImagesAsLinks, MentionLinks, linkifier] if linkify
                 else [RemoteImagesAsLinks, MentionLinks]),
    )


# Linkify only changes a link or an image (made a link) and text with a domain's dot;
# HTML without any of them skips its pass over every token (a fifth of bleach's time).
_LINKIFY_NEEDED = re.compile(r"\.|<(?:a|img)\b", re.IGNORECASE)

# One allowlist, one Cleaner per thread: bleach's Cleaner keeps parser state and is not
# thread-safe (the threaded dev server or a threaded worker would share it).
_local = threading.local()


def _cleaner(linkify=True):
    cleaners = getattr(_local, "cleaners", None)
    if cleaners is None:
        cleaners = _local.cleaners = {True: _make_cleaner(), False: _make_cleaner(linkify=False)}
    return cleaners[linkify]


# Every element costs Markdown and bleach's pure-Python parser 20-40 µs, so a text dense
# with them (thousands of lines, code spans, tags or entities) is shown as plain text with
# its line breaks instead: no ordinary post comes near these (bench/markup.py).
PLAIN_AFTER_LINES = 1_000
PLAIN_AFTER_MARKS = 2_000  # backticks and `<` in the text
PLAIN_AFTER_NODES = 3_000  # tags and entities in Markdown's HTML


def render(text):
    """Render user Markdown to sanitised HTML, ready to store and show."""
    text = text or ""
    html = None if dense_text(text) else markdown_html(text)
    if html is None or dense_html(html):
        return _plain(text)
    tokens = set(MENTION_RE.findall(html))
    _local.mentions = mention_targets(tokens) if tokens else None
    try:
        return Markup(_cleaner(bool(_LINKIFY_NEEDED.search(html))).clean(html))
    finally:
        _local.mentions = None


def markdown_html(text):
    """Markdown's HTML for the text, not yet sanitised."""
    converter = _markdown()
    try:
        return converter.convert(text)
    finally:
        converter.reset()  # nothing of this text (references, stash, headings) carries over


def _markdown():
    """This thread's Markdown converter: building one (its extensions, patterns and
    processors) cost more CPU than converting an ordinary post, and one instance must not
    convert two texts at once."""
    converter = getattr(_local, "markdown", None)
    if converter is None:
        # Raw HTML inside Markdown is never trusted: the Cleaner strips tags off the allowlist.
        # Bounds: Markdown's own scans are quadratic on some inputs (forum.markdown_bounds).
        converter = _local.markdown = markdown.Markdown(
            extensions=[*MARKDOWN_EXTENSIONS, Bounds()],
            extension_configs=MARKDOWN_EXTENSION_CONFIGS, output_format="html")
    return converter


def dense_text(text):
    """Too many lines, code spans or tags for Markdown to be worth its time."""
    return (text.count("\n") > PLAIN_AFTER_LINES
            or text.count("`") + text.count("<") > PLAIN_AFTER_MARKS)


def dense_html(html):
    """Too many tags and entities for the sanitiser to be worth its time."""
    return html.count("<") + html.count("&") > PLAIN_AFTER_NODES


def _plain(text):
    """The text as written, escaped: a paragraph per blank-line block, a <br> per line."""
    blocks = (block.strip("\n") for block in re.split(r"\n\s*\n", text.replace("\r", "")))
    return Markup("\n").join(Markup("<p>%s</p>") % Markup("<br>\n").join(block.split("\n"))
                             for block in blocks if block.strip())


def plain_lines(text):
    """Plain text (not Markdown) as HTML: escaped, its line breaks kept, its web addresses
    made links."""
    return Markup(_cleaner().clean(_plain(text or "")))


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!"})


_FENCE = re.compile(r"(`{3,}|~{3,})")


def quote_source(author_name, number, body, limit=300):
    """Markdown that quotes a post: the author, the floor and its first whole blocks
    (paragraphs, lists, tables, code) up to about `limit` characters, then "…"."""
    blocks = _blocks(body)
    kept, size = [], 0
    for block in blocks:
        size += sum(map(len, block))
        if size > limit and kept:
            break
        kept.append(block if size <= limit else _shortened(block, limit))
    if len(kept) < len(blocks):
        kept.append(["…"])
    lines = "\n>\n".join("\n".join(f"> {line}".rstrip() for line in block) for block in kept)
    name = author_name.translate(_MARKDOWN_SPECIALS)
    return f"> **{name}** #{number}\n>\n{lines}\n\n"


def _blocks(body):
    """The body's blocks as lines of Markdown: the runs between blank lines, and each
    fenced code block whole, as indented code (a fence does not work inside a quote)."""
    blocks, lines, fence = [], [], None

    def close(block):
        if block:
            blocks.append(block)
        return []

    for line in body.replace("\r", "").split("\n"):
        bare = line.strip()
        if fence is not None:
            if bare.startswith(fence) and not bare.strip(fence[0]):  # the closing fence
                lines, fence = close(["    " + code for code in lines] or ["    "]), None
            else:
                lines.append(line)
        elif opening := _FENCE.match(bare):
            lines, fence = close(lines), opening.group(1)
        elif not bare:
            lines = close(lines)
        else:
            lines.append(line)
    close(["    " + code for code in lines] if fence is not None else lines)  # an unclosed fence runs to the end
    return blocks


def _shortened(block, limit):
    """The first block of a quote, too long for it: whole lines while they fit, else
    the first line cut; then "…" (after code, as a line of its own)."""
    kept, size = [], 0
    for line in block:
        size += len(line)
        if size > limit:
            break
        kept.append(line)
    if not kept:
        return [block[0][:limit] + "…"]
    return kept + [""] * block[0].startswith("    ") + ["…"]


def highlight(text, pattern):
    """Plain text with the matches of `pattern` in <mark>: every piece of the text is
    escaped first, so no markup from a post or a query gets through (search snippets)."""
    pieces, last = [], 0
    for match in pattern.finditer(text):
        if match.end() == match.start():
            continue
        pieces += (escape(text[last:match.start()]), "<mark>", escape(match.group()), "</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return Markup("".join(pieces))  # each piece escaped above: joined as str, not again
