"""Each search test starts from an empty index (the tables are emptied between tests)."""
import pytest

from forum.search.adapter import backend


@pytest.fixture(autouse=True)
def _empty_index(_app_context):
    backend().clear()
    yield
