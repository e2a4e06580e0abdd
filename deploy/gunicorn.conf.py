"""gunicorn's settings for the forum: `make serve`, the systemd units in deploy/systemd
and tests/deploy all start it with `--config deploy/gunicorn.conf.py`.

Threaded workers (gthread): a worker's main loop accepts and polls connections, and a
connection goes to one of its threads only once it sends something; one that sends
slowly holds one thread, not a whole worker, so a few slow clients cannot starve the
forum even without nginx in front (docs/deploy.md: nginx in front removes the problem).

Beside the workers, one process writes the search index (forum/search/indexer.py).
"""
import os

bind = os.environ.get("FORUM_BIND", "127.0.0.1:5000")
workers = int(os.environ.get("FORUM_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("FORUM_THREADS", "8"))
timeout = 30            # a worker silent this long is restarted
graceful_timeout = 20   # a stopping worker finishes its requests and flushes its counts
keepalive = 5
preload_app = True      # jieba's dictionary is loaded once, shared by the workers
accesslog = os.environ.get("FORUM_ACCESS_LOG", "-") or None  # "": no access log


def when_ready(server):
    """Fork the search index's own process from the loaded app, before the workers: they
    leave the index writes to it (forum/search/indexer.py). First, what the loaded app
    holds is frozen out of the collector's sight (forum/safe_gc.py): a full collection in
    a worker, with every thread waiting, took 80 ms."""
    from forum import safe_gc
    from forum.search import indexer

    app = server.app.wsgi()  # loaded already (preload_app), else loaded here: then frozen
    safe_gc.freeze()
    server.search_indexer = indexer.start(app, inherited=server.LISTENERS)


def on_exit(server):
    from forum.search import indexer

    if started := getattr(server, "search_indexer", None):
        indexer.stop(started)
