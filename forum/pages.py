"""Page numbers: from the query string, and the ones a page links to."""
from flask import abort, request

from forum.urls import parse_int


def requested_page():
    """?page=N as a positive int; anything else is a 404, not a 500."""
    page = parse_int(request.args.get("page", "1"), low=1)
    if page is None:
        abort(404)
    return page


def page_count(items, per_page):
    """How many pages items fill; an empty list still has page 1."""
    return max(1, -(-items // per_page))


def check_in_range(page, pages):
    if page > pages:
        abort(404)


def page_links(page, pages, around=2):
    """The page numbers a pagination bar shows: the first, the last and those within
    `around` of `page`, with None where numbers are left out (a few, however many pages)."""
    shown = sorted({1, pages} | set(range(max(1, page - around), min(pages, page + around) + 1)))
    links = []
    for n in shown:
        if links and n - links[-1] > 1:
            links.append(None)
        links.append(n)
    return links
