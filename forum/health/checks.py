"""What a health check asks, each cheaply: the database answers, the search index opens,
the instance folder takes a write, Redis answers where it is configured."""
import os
import tempfile

from flask import current_app
from sqlalchemy import text

from forum.extensions import db


def database():
    with db.engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def search_index():
    from forum.search.adapter import backend

    backend().check()


def instance_folder():
    with tempfile.TemporaryFile(dir=current_app.instance_path) as probe:
        probe.write(b"ok")
        probe.flush()
        os.fsync(probe.fileno())


def redis():
    url = current_app.config["REDIS_URL"]
    if not url:
        return "not configured"
    import redis as client

    client.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2).ping()


CHECKS = {"database": database, "search": search_index, "instance": instance_folder,
          "redis": redis}


def run_checks():
    """{check: "ok" | "failed" | "not configured"}; a failure's cause goes to the log only
    (an error text can name hosts and paths)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check() or "ok"
        except Exception as error:  # any failure is an unhealthy answer, never a 500
            current_app.logger.warning("health check %s failed: %r", name, error)
            results[name] = "failed"
    return results
