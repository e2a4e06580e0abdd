import pytest

from forum import captcha
from tests.letters.helpers import CAPTCHA_TEXT


@pytest.fixture(autouse=True)
def known_captcha(monkeypatch):
    """The CAPTCHA draws a text the tests know; checking it is unchanged."""
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: CAPTCHA_TEXT)
