"""Backups that restore (issue 24, DESIGN §10 and §11).

A backup is a folder: `manifest.json` (forum version, migration head, row counts per
table, the size and SHA-256 of every file), the database (SQLite's online backup API
or `pg_dump -Fc`, both a consistent snapshot taken while the forum writes) and the
uploads. The instance keys go to a separate folder only when asked: with its keys a
backup opens every sealed letter. The search index is not backed up; restore rebuilds it.
"""


class BackupError(Exception):
    """A backup cannot be made, checked or restored; the message says why."""
