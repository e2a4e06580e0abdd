"""Column reads that every member's page and the board index make, run on the
session's connection.

Through the ORM session, a statement that selects columns (no mapped objects) costs
100-200 µs of Python around the 20-50 µs SQLite takes to run it: the session's execute
sets up ORM loading for a result that has nothing to load (bench/RESULTS.md, session 8).
`read` runs such a statement on the session's own connection and transaction, so it sees
what the request has written, with the engine's events and errors as any statement;
objects are still loaded through the session, which keeps them in its identity map.
"""
from forum.extensions import db


def read(statement, params=None):
    """The result of a column-selecting statement (prebuilt, with bound parameters)."""
    session = db.session()
    if session.autoflush:
        session.flush()  # as the session's own execute would: pending writes are seen
    return session.connection().execute(statement, params or {})
