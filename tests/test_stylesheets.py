"""Every stylesheet parses cleanly: one lost `}` once put half the site's desktop rules
inside a phone-only @media block while every other test passed."""
from pathlib import Path

import pytest
import tinycss2

STATIC = Path(__file__).resolve().parent.parent / "static"
STYLESHEETS = sorted(STATIC.glob("**/*.css"))


def test_there_are_stylesheets_to_check():
    assert STYLESHEETS


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheet_has_no_parse_errors(path):
    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"))
    errors = [f"line {r.source_line}: {r.message}" for r in rules if r.type == "error"]
    assert not errors, f"{path.name}: {errors}"


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheet_closes_every_block_it_opens(path):
    # tinycss2 closes a block left open at the end of the file, as browsers do; the
    # serialised tokens then end with the brackets the file forgot.
    source = path.read_text(encoding="utf-8")
    tokens = tinycss2.parse_component_value_list(source)
    assert tinycss2.serialize(tokens) == source, f"{path.name} leaves a block open"


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_media_blocks_hold_only_style_rules(path):
    # A media block that swallowed the rest of the file holds comments of new sections
    # and far more rules than any real breakpoint needs.
    for rule in tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"),
                                          skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "media":
            assert not [t for t in rule.content if t.type == "comment"], (
                f"{path.name} line {rule.source_line}: a section comment inside @media "
                "(is a closing brace missing before it?)")
