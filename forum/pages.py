"""Page numbers from the query string."""
from flask import abort, request


def requested_page():
    """?page=N as a positive int; anything else is a 404, not a 500."""
    raw = request.args.get("page", "1")
    if not raw.isdigit() or len(raw) > 9 or int(raw) < 1:
        abort(404)
    return int(raw)


def page_count(items, per_page):
    """How many pages items fill; an empty list still has page 1."""
    return max(1, -(-items // per_page))


def check_in_range(page, pages):
    if page > pages:
        abort(404)
