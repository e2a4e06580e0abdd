"""Each attachment test starts with an empty upload folder, as its database is empty."""
import shutil

import pytest


@pytest.fixture(autouse=True)
def _empty_upload_folder(app):
    shutil.rmtree(app.config["UPLOAD_FOLDER"], ignore_errors=True)
    yield
    shutil.rmtree(app.config["UPLOAD_FOLDER"], ignore_errors=True)
