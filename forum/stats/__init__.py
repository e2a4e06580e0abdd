"""Hit counters and figures."""


def init_app(app):
    """Buffered view counts and who is online, flushed in batches; the /stats page."""
    from forum.stats import online, view_counts
    from forum.stats.views import bp

    view_counts.register(app)
    online.register(app)
    app.register_blueprint(bp)
