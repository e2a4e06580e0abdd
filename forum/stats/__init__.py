"""Hit counters and figures."""


def init_app(app):
    """Buffered view counts, hits and who is online, flushed in batches; the /stats page."""
    from forum.stats import hits, online, view_counts
    from forum.stats.numbers import figure
    from forum.stats.views import bp

    view_counts.register(app)
    online.register(app)
    hits.register(app)
    app.jinja_env.filters["figure"] = figure
    app.register_blueprint(bp)
