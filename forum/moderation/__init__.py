"""Moderation: the queue, reports, actions on threads and posts, bans, the word filter, the logs."""
from flask import Blueprint

bp = Blueprint("mod", __name__)
