"""One way to do each common thing in a view (issue 13): load through a `load_*`
function, run writes through `forum.feedback`, guard admin views with `admin_required`,
read the control panel's lists through `forum/admin/queries.py`. Read from the code."""
import ast
from pathlib import Path

import pytest

import forum

FORUM = Path(forum.__file__).parent
MODULES = sorted(FORUM.rglob("*.py"))
# Where a check on Access flags may abort: the loaders, and the ground floor that defines it.
MAY_REQUIRE = {"loaders.py", "access.py"}


def _tree(path):
    return ast.parse(path.read_text(encoding="utf-8"))


def _name(path):
    return str(path.relative_to(FORUM.parent))


def _calls(node, name):
    """Calls in node of a function called `name` (plain or as an attribute)."""
    return [call for call in ast.walk(node) if isinstance(call, ast.Call)
            and getattr(call.func, "id", getattr(call.func, "attr", None)) == name]


def _is_view_module(tree):
    """Does the module define routes (a function decorated by @bp.get/post/route)?"""
    return any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
               and d.func.attr in {"get", "post", "route"}
               for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) for d in f.decorator_list)


def test_access_is_required_only_inside_loaders():
    offenders = [f"{_name(path)}:{call.lineno}" for path in MODULES if path.name not in MAY_REQUIRE
                 for call in _calls(_tree(path), "require")]
    assert offenders == []


@pytest.mark.parametrize("path", [p for p in MODULES if _is_view_module(_tree(p))], ids=_name)
def test_no_view_catches_a_refusal_by_hand(path):
    handlers = [node for node in ast.walk(_tree(path)) if isinstance(node, ast.ExceptHandler)
                and "Refused" in ast.unparse(node.type or ast.Name("BaseException"))]
    assert [h.lineno for h in handlers] == []


def test_every_admin_view_declares_its_admin_roles(app):
    views = {rule.endpoint: app.view_functions[rule.endpoint] for rule in app.url_map.iter_rules()
             if rule.endpoint.startswith("admin.")}
    assert views, "the control panel has routes"
    unguarded = sorted(name for name, view in views.items() if not getattr(view, "admin_roles", None))
    assert unguarded == []


@pytest.mark.parametrize("path", [p for p in sorted((FORUM / "admin").glob("*.py"))
                                  if _is_view_module(_tree(p))], ids=_name)
def test_admin_views_run_no_queries_of_their_own(path):
    queries = [f"line {call.lineno}" for name in ("execute", "select", "require_admin")
               for call in _calls(_tree(path), name)]
    assert queries == []
