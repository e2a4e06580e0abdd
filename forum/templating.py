"""The templates' environment: Flask's, with each template's globals one plain dict and
its outputs escaped to plain strings."""
from flask.templating import Environment
from jinja2.compiler import CodeGenerator
from markupsafe import escape

try:
    from markupsafe import _escape_inner  # MarkupSafe's C escaping of a str, as `escape` uses
except ImportError:  # a MarkupSafe that names it otherwise: the same text, slower
    def _escape_inner(text):
        return str(escape(text))


def escape_output(value):
    """What `{{ value }}` writes in an autoescaped template: markupsafe's `escape` as text.
    Jinja joins a template's outputs into one string (a macro's or a `{% set %}` block's into
    one Markup), so wrapping each output in a Markup of its own, as `escape` does (0.4 µs
    of Python each), changed nothing but the time: a board index writes 1,400 of them."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is int:
        return str(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return html()
    return _escape_inner(str(value))


class _OutputEscaping(CodeGenerator):
    """Jinja's code generator writing `escape_output(...)` where it writes `escape(...)` for
    an output of an autoescaped template (and leaving templates that switch autoescaping
    at run time as they were)."""

    def visit_Template(self, node, frame=None):
        self.writeline("from forum.templating import escape_output")
        super().visit_Template(node, frame)

    def _output_child_pre(self, node, frame, finalize):
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("escape_output(")
            if finalize.src is not None:
                self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)


class TemplateEnvironment(Environment):
    """Jinja hands each template its globals as a ChainMap over the environment's and
    copies that into a dict on every render: with the forum's 55 globals, 20-25 µs of
    Python per render. Here a template takes a dict of the globals when it is loaded.
    Jinja asks that globals not change once templates are loaded; the app sets every one
    while it is built, before any template is loaded (tests/test_templating.py)."""

    code_generator_class = _OutputEscaping

    def make_globals(self, d):
        return {**self.globals, **(d or {})}
