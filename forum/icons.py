"""Inline SVG icons (issue 23): no icon font, nothing from a CDN.

24-unit outlines drawn in currentColor, hidden from screen readers, as the text beside
each says what it means. Made once into Markup: a page shows dozens, and a Jinja macro
per icon cost the navigation bar a third of a millisecond."""
from markupsafe import Markup

_PATHS = {
    "board": '<path d="M4 5h16v10H9l-5 4z"/>',
    "board-new": '<path d="M4 5h16v10H9l-5 4z"/><circle cx="19" cy="5" r="3" fill="currentColor"/>',
    "home": '<path d="M3 11l9-7 9 7M5 10v10h14V10"/>',
    "notice": '<path d="M4 10v4h3l7 4V6L7 10zM18 9a4 4 0 0 1 0 6"/>',
    "mail": '<path d="M3 6h18v12H3zM3 6l9 7 9-7"/>',
    "doc": '<path d="M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7"/>',
    "study": '<path d="M2 8l10-5 10 5-10 5zM6 10v5c3 3 9 3 12 0v-5"/>',
    "talk": '<path d="M3 5h13v9H8l-5 4zM19 9h2v9l-3-2h-7v-2"/>',
    "search": '<circle cx="10" cy="10" r="6"/><path d="M15 15l6 6"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21c1-5 15-5 16 0"/>',
    "menu": '<path d="M3 6h18M3 12h18M3 18h18"/>',
    "pin": '<path d="M9 3h6l-1 6 4 4H6l4-4zM12 13v8"/>',
    "lock": '<rect x="5" y="11" width="14" height="10"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>',
    "bold": '<path d="M7 4h6a4 4 0 0 1 0 8H7zM7 12h7a4 4 0 0 1 0 8H7z"/>',
    "italic": '<path d="M10 4h8M6 20h8M15 4L9 20"/>',
    "quote": '<path d="M4 7h6v6H6v4M14 7h6v6h-4v4"/>',
    "list": '<path d="M9 6h12M9 12h12M9 18h12M4 6h1M4 12h1M4 18h1"/>',
    "link": '<path d="M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1"/>',
    "image": '<rect x="3" y="4" width="18" height="16"/><circle cx="9" cy="10" r="2"/><path d="M3 18l6-5 4 3 3-2 5 4"/>',
    "table": '<path d="M3 4h18v16H3zM3 10h18M3 15h18M9 4v16M15 4v16"/>',
    "code": '<path d="M8 7l-5 5 5 5M16 7l5 5-5 5"/>',
    "at": '<circle cx="12" cy="12" r="4"/><path d="M16 8v5a3 3 0 0 0 6 0v-1a10 10 0 1 0-4 8"/>',
    "print": '<path d="M6 9V3h12v6M6 18H3v-8h18v8h-3M6 14h12v7H6z"/>',
}
_ICONS = {name: Markup(
    f'<svg class="icon icon-{name}" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" '
    'focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
    f'stroke-linejoin="round">{paths}</svg>') for name, paths in _PATHS.items()}


def icon(name):
    """The inline SVG of the icon `name`."""
    return _ICONS[name]
