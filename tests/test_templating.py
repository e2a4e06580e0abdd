"""Templates take the environment's globals when they are loaded (forum/templating.py),
so every global must be set before the first template is, and none changed after; their
outputs are escaped by escape_output, which writes what markupsafe's escape writes."""
import pytest
from flask import render_template_string
from markupsafe import Markup, escape

import config
from forum import create_app
from forum.extensions import db
from forum.templating import TemplateEnvironment, escape_output
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


class _Html:
    def __html__(self):
        return "<i>safe</i>"


class _Text:
    def __str__(self):
        return "a < b & 'c'"


@pytest.mark.parametrize("value", ["", "plain", "<script>alert('x') & \"y\"</script>", "织金 <b>",
                                   Markup("<b>kept</b>"), 42, -7, True, None, 1.5, _Html(),
                                   _Text()])
def test_an_output_is_escaped_as_markupsafe_escapes_it(value):
    assert escape_output(value) == str(escape(value))


def test_templates_escape_their_outputs_once_and_keep_markup(app):
    source = ("{{ text }}|{{ safe }}|{{ number }}|{% set kept %}<p>{{ text }}</p>{% endset %}{{ kept }}"
              "|{% macro m(x) %}<em>{{ x }}</em>{% endmacro %}{{ m(text) }}|{{ text|e }}"
              "|{% autoescape false %}{{ text }}{% endautoescape %}|{{ missing }}")
    with app.test_request_context("/"):
        page = render_template_string(source, text="<a&b>", safe=Markup("<b>ok</b>"), number=3)
    assert page == ("&lt;a&amp;b&gt;|<b>ok</b>|3|<p>&lt;a&amp;b&gt;</p>|<em>&lt;a&amp;b&gt;</em>"
                    "|&lt;a&amp;b&gt;|<a&b>|")
    assert "escape_output(" in app.jinja_env.compile(source, raw=True)
