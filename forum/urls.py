"""URL helpers."""
from flask import url_for


def safe_next(target, default_endpoint="boards.index"):
    """A local path to go to after a form, never another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for(default_endpoint)
