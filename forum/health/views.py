"""The health answer: JSON, 200 or 503. A probe: no session is read or written, no
visit is counted, no rate limit applies and no page cache keeps it."""
from flask import jsonify

from forum.extensions import limiter
from forum.health import bp
from forum.health.checks import run_checks
from forum.inbound import probe


@bp.get("/healthz")
@limiter.exempt
@probe
def healthz():
    checks = run_checks()
    healthy = "failed" not in checks.values()
    response = jsonify(status="ok" if healthy else "unhealthy", checks=checks)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response
