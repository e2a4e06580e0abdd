"""File and date inputs go through the form macros (templates/_macros/forms.html): file
inputs are file_pickers (选择文件), date inputs say their format by aria-describedby."""
import re
from pathlib import Path

from forum.boards.roles import grant
from tests.conftest import login
from tests.factories import make_board, make_user

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_no_template_but_the_macro_writes_a_file_input():
    writers = [str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")
               if re.search(r'type="?file\b', path.read_text(encoding="utf-8"))]
    assert writers == ["_macros/forms.html"]


def test_a_wtforms_file_field_renders_as_a_file_picker(app):
    admin = login(app.test_client(), make_user(admin_role="security"))
    page = admin.get("/admin/users/import").get_data(as_text=True)
    assert 'class="file-picker"' in page and 'class="button secondary file-button"' in page


def test_a_date_field_says_its_format_and_points_to_it(app):
    moderator = make_user(username="banzhu", is_verified=True)
    grant(moderator, make_board(), "moderator")
    page = login(app.test_client(), moderator).get("/mod/log").get_data(as_text=True)
    assert re.search(r'<input[^>]*aria-describedby="since-format"[^>]*type="date"|'
                     r'<input[^>]*type="date"[^>]*aria-describedby="since-format"', page)
    assert 'id="since-format"' in page and "2026-12-05" in page


def test_the_search_forms_dates_say_their_format(client):
    page = client.get("/search").get_data(as_text=True)
    assert 'aria-describedby="since-format"' in page and 'id="until-format"' in page
