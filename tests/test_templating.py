"""Templates take the environment's globals when they are loaded (forum/templating.py),
so every global must be set before the first template is, and none changed after."""
from flask import render_template_string

import config
from forum import create_app
from forum.extensions import db
from forum.templating import TemplateEnvironment
from tests.conftest import login
from tests.factories import make_thread


def test_no_template_is_loaded_while_the_app_is_built(compiled_catalogs):
    app = create_app(config.TestingConfig())
    assert isinstance(app.jinja_env, TemplateEnvironment)
    assert len(app.jinja_env.cache) == 0
    with app.app_context():
        db.engine.dispose()


def test_pages_leave_the_globals_as_the_app_set_them(app, client, member):
    thread = make_thread()
    before = dict(app.jinja_env.globals)
    for path in ("/", "/login", "/search?q=x", f"/b/{thread.board.slug}", f"/t/{thread.id}"):
        assert client.get(path).status_code == 200
    login(client, member)
    for path in ("/", f"/t/{thread.id}", "/account", "/notifications"):
        assert client.get(path).status_code == 200
    assert app.jinja_env.globals == before
    loaded = list(app.jinja_env.cache.values())
    assert len(loaded) > 10
    for template in loaded:
        assert type(template.globals) is dict
        assert {name: template.globals[name] for name in before} == before


def test_a_template_sees_the_globals_set_while_the_app_was_built(app):
    with app.test_request_context("/"):
        page = render_template_string(
            "{{ Access.MODERATE.value }}|{{ file_size(2048) }}|{{ get_type is callable }}")
    assert page == "8|2 KB|True"
