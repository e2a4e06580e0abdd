"""How far back the next window of the newest matches reaches, on both backends: each
window reads every match in it (Whoosh scores them in Python, PostgreSQL checks a
phrase's positions in every vector), so a window should hold about what is still
needed, and each window costs a lookup of every query word, so there should be few."""
MARGIN = 1.25  # a window spans this much more than the density so far says is needed
GROWTH = 4  # while nothing has matched, each window spans this many times the last


def next_span(span, scanned, found, count, least):
    """The next window's span: what the density of the `found` matches in the `scanned`
    ids or documents so far needs to reach `count`, at least `least` (a sparse word's
    next window reaches far back at once: its matches are few); GROWTH times `span`
    while nothing has matched or every match is wanted."""
    if count is None or not found:
        return span * GROWTH
    return max(least, int((count - found) * scanned / found * MARGIN))
