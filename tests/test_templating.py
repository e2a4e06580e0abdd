"""Templates take the environment's globals when they are loaded (forum/templating.py),
so every global must be set before the first template is."""
from flask import render_template_string

import config
from forum import create_app


def test_no_template_is_loaded_while_the_app_is_built(compiled_catalogs):
    app = create_app(config.TestingConfig())
    assert len(app.jinja_env.cache) == 0


def test_a_template_sees_the_globals_set_while_the_app_was_built(app):
    with app.test_request_context("/"):
        page = render_template_string(
            "{{ Access.MODERATE.value }}|{{ file_size(2048) }}|{{ get_type is callable }}")
    assert page == "8|2 KB|True"
