"""Questions the fund's tests ask, in the language the forum answers in."""
from contextlib import contextmanager

import pytest
from flask_babel import gettext

from forum.service import Refused


@contextmanager
def refused(message, **params):
    """Expect the block to be refused with this message (a msgid, translated here)."""
    with pytest.raises(Refused) as caught:
        yield caught
    assert str(caught.value.message) == gettext(message, **params)
