"""Notifications: the bell in the header and the page that lists them."""
from flask import Blueprint

bp = Blueprint("notifications", __name__)
