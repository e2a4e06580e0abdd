"""Each attachment test starts with an empty upload folder, as its database is empty."""
import pytest


@pytest.fixture(autouse=True)
def _empty_uploads(empty_upload_folder):
    yield
