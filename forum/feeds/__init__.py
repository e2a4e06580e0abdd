"""Atom feeds of the public boards (the site's notices included)."""
from flask import Blueprint

bp = Blueprint("feeds", __name__)
