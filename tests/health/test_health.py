"""GET /healthz: JSON for load balancers, 503 when unhealthy, no session (issue 24)."""
import shutil

import pytest

from forum.extensions import db
from forum.models import Presence
from forum.stats import online
from tests.conftest import login
from tests.faults.conftest import second_app
from tests.factories import make_user


def get_health(app):
    with app.app_context():
        return app.test_client().get("/healthz")


def test_a_healthy_forum_answers_200_with_every_check_in_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "checks": {
        "database": "ok", "search": "ok", "instance": "ok", "redis": "not configured"}}
    assert response.headers["Cache-Control"] == "no-store"


def test_the_health_check_sets_no_cookie_even_for_a_logged_in_admin(client):
    assert "Set-Cookie" not in client.get("/healthz").headers
    login(client, make_user(admin_role="system"))
    assert "Set-Cookie" not in client.get("/healthz").headers


def test_the_health_check_is_not_a_visit(client):
    def visitors():
        online.flush()
        return db.session.execute(db.select(db.func.count(Presence.key))).scalar_one()

    client.get("/healthz", headers={"User-Agent": "load balancer"})
    assert visitors() == 0
    client.get("/login", headers={"User-Agent": "a browser"})
    assert visitors() == 1


def test_an_instance_folder_that_takes_no_write_answers_503(app, monkeypatch, tmp_path):
    broken = second_app(monkeypatch, tmp_path, app.config["SQLALCHEMY_DATABASE_URI"])
    shutil.rmtree(tmp_path / "instance")
    response = get_health(broken)
    assert response.status_code == 503
    assert response.get_json()["status"] == "unhealthy"
    assert response.get_json()["checks"]["instance"] == "failed"
    assert response.get_json()["checks"]["database"] == "ok"
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("url", ["sqlite:////nonexistent/folder/forum.db",
                                 "postgresql://nobody@127.0.0.1:9/none"])
def test_a_database_that_does_not_answer_gives_503_and_names_no_host(monkeypatch, tmp_path, url):
    response = get_health(second_app(monkeypatch, tmp_path, url))
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"] == "failed"
    assert "127.0.0.1" not in response.get_data(as_text=True)
