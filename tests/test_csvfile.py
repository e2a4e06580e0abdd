"""CSV downloads never hand a spreadsheet a formula (issue 12: tab- and CR-prefixed cells
passed the filter; OWASP's list, the full-width forms and leading spaces are covered)."""
import csv
import io

import pytest

from forum.csvfile import SafeWriter
from forum.extensions import db
from forum.audit import log_action
from tests.conftest import login
from tests.factories import make_user

FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "\n=1+1",
            "＝1+1", "＋1+1", "－1+1", "＠SUM(A1:A2)", " =1+1", "\u3000=1+1", "\t\r=1+1",
            '=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0"]


def _written(row):
    out = io.StringIO()
    SafeWriter(out).writerow(row)
    return out.getvalue()


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(cell):
    assert next(csv.reader(io.StringIO(_written([cell])))) == ["'" + cell]


@pytest.mark.parametrize("cell", ["a;=1+1", "a,=1+1", 'a"=1+1', "a\t=1+1"])
def test_a_separator_inside_a_cell_cannot_start_a_new_one(cell):
    line = _written(["x", cell])
    assert line.startswith('"x","') and next(csv.reader(io.StringIO(line))) == ["x", cell]


def test_ordinary_cells_and_numbers_are_kept(cell="组织生活会 2024", number=-5):
    assert next(csv.reader(io.StringIO(_written([cell, number, None])))) == [cell, "-5", ""]


def test_the_audit_log_download_defuses_every_formula_in_reasons(app):
    actor = make_user(username="banzhu")
    for reason in FORMULAS:
        log_action(actor, "lock", "thread", 1, None, reason)
    db.session.commit()
    audit = login(app.test_client(), make_user(username="shenji", admin_role="audit"))
    body = audit.get("/mod/log?format=csv").get_data(as_text=True)[1:]
    reasons = [row[6] for row in list(csv.reader(io.StringIO(body)))[1:]]
    assert sorted(reasons) == sorted("'" + reason for reason in FORMULAS)
