"""Attachments on posts, and avatars: upload, check, keep, serve to those who may read."""
from flask import Blueprint

bp = Blueprint("attachments", __name__)
