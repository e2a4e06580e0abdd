"""The ceiling: a minimal Flask app served exactly like the forum (bench/pages.py)."""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "hello"
