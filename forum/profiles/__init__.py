"""Profile extras: signatures and the 人才风采 talent flag with its talent list (人才库)."""
from flask import Blueprint

bp = Blueprint("profiles", __name__)
