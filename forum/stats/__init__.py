"""Hit counters and figures."""


def init_app(app):
    """Buffered view counts and who is online, flushed in batches."""
    from forum.stats import online, view_counts

    view_counts.register(app)
    online.register(app)
