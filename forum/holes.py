"""Holes: the parts of a page that are the reader's own, rendered apart from the rest.

A template marks such a part with {{ hole("name") }}; the function registered here under
that name renders it for the current reader, from the values the view put in
`g.page_values`. A page built as a skeleton to share between members
(forum/shared_pages.py) keeps each hole as a marker and each CSRF token as a slot, and
`fill` renders them per request; anywhere else a hole is rendered where it stands. Either
way the part comes from the one renderer. A mark the reader may have on one of many
items (a board's new-post mark on the index) is a slot (`mark_slot`) filled by `fill`
from the page value `marks`, not a renderer called for each item.
"""
import re

from flask import g, render_template, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from forum import fragments, hooks
from forum.permissions import is_moderator

TOKEN = "csrf-token"
# A skeleton's places for the reader's own: a hole's marker, the CSRF token's slot or a
# mark's slot.
_PLACE = re.compile(rf"<!--(hole:[a-z-]+|{TOKEN}|mark:[a-z-]+:\d+)-->")

_renderers = {}
_NO_MARKS = ((), "")


def renderer(name):
    """Register render(**page_values) -> markup for the hole `name`."""
    def register(render):
        _renderers[name] = render
        return render
    return register


def hole(name):
    """The hole's markup for this reader, or its marker while a skeleton is built."""
    if name not in _renderers:
        raise LookupError(f"no renderer for the hole {name!r}")
    if g.get("building_skeleton"):
        return Markup(f"<!--hole:{name}-->")
    return _render(name)


def mark_slot(name, key):
    """The place of the reader's mark `name` on the item `key` (an int), filled by `fill`."""
    return Markup(f"<!--mark:{name}:{int(key)}-->")


def skeleton(html):
    """A page rendered while `g.building_skeleton`, with the reader's CSRF token made a
    slot, cut at its places once: markup at even indexes, a place's name at odd ones (so
    that filling it for each reader is a join, not a search through the page)."""
    html = str(html)  # not Markup, whose replace would escape the slot
    if current_user.is_authenticated:  # guests' pages carry no token (no session cookie)
        html = html.replace(generate_csrf(), f"<!--{TOKEN}-->")
    return tuple(_PLACE.split(html))


def fill(parts):
    """The skeleton with every hole rendered and every token slot filled for this reader,
    and each mark slot given its markup where the page value `marks` ({name: (item keys,
    markup)}) has the item, emptied elsewhere (a guest's, where it has no `marks`)."""
    parts, token, marks = list(parts), None, None
    for at in range(1, len(parts), 2):
        place = parts[at]
        if place == TOKEN:  # asked once: a thread page has a slot per post's report form
            parts[at] = token = token or generate_csrf()
        elif place.startswith("hole:"):
            parts[at] = _render(place[5:])
        else:  # the index has one per board: a look-up each, no call
            marks = marks if marks is not None else _marks()  # once, where a slot is met
            _, name, key = place.split(":")
            keys, markup = marks.get(name, _NO_MARKS)
            parts[at] = markup if key in keys else ""
    return Markup("".join(parts))


def _marks():
    """The page value `marks` with each name's item keys as the slots write them."""
    return {name: ({str(key) for key in keys}, markup)
            for name, (keys, markup) in g.get("page_values", {}).get("marks", {}).items()}


def building(render):
    """render()'s markup with the holes in it left as markers (see skeleton)."""
    outer = g.get("building_skeleton", False)
    g.building_skeleton = True
    try:
        return render()
    finally:
        g.building_skeleton = outer


def kept(key, render):
    """A hole's markup, kept (fragments.lasting) under `key`, which must name everything
    `render()` reads but the reader's CSRF token and the holes in it, which are filled in
    for each reader."""
    return fill(fragments.lasting(("hole",) + key, lambda: skeleton(building(render))))


def _render(name):
    return Markup(_renderers[name](**g.get("page_values", {})))


@renderer("account")
def _account(**_ignored):
    user = current_user._get_current_object()
    if not user.is_authenticated:
        return render_template("_account.html")
    sections = hooks.sections("header", user=user)
    moderates = is_moderator(user)  # asked here, not by a context processor for every template
    key = ("account", str(get_locale()), user.id, user.name, user.admin_role, moderates,
           tuple((template, tuple(sorted(values.items()))) for template, values in sections))
    return kept(key, lambda: render_template("_account.html", moderates=moderates, sections=sections))


@renderer("flashes")
def _flashes(**_ignored):
    if "_flashes" not in session:  # most pages: no template to render
        return ""
    return render_template("_flashes.html")
