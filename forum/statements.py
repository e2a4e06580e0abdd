"""Statements built once, run through SQLAlchemy Core: the board index's path to its rows
(and the read marks' on members' pages).

Building a select and its cache key costs SQLAlchemy more than SQLite takes to run it, so
the statements the index runs on every build are module constants with bound parameters
(forum/boards/queries.py, the board types' index figures, forum/boards/reading.py). Even
so, `Session.execute` sets each one up through the ORM (its compile state, its result's
loading) on every call: 0.05 ms for a one-row select on this machine, 0.25 ms for the index's 150 boards,
about what SQLite takes to run them. These statements select columns, never mapped
objects, so they go through the session's connection, in its transaction, and skip it.
"""
from forum.extensions import db


def run(statement, params=None):
    """The result of a select of columns built once, run on the session's connection
    after the autoflush `Session.execute` would do (a service may read its own writes)."""
    session = db.session
    if session.autoflush:
        session.flush()
    return session.connection().execute(statement, params)
