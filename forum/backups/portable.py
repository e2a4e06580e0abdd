"""The forum's own export format, for moving between SQLite and PostgreSQL (`forum backup
--portable`): one gzipped JSON-lines file per table, `tables/<name>.jsonl.gz`, a row a line
as {column: value}; dates and times as ISO text, bytes as base64. The tables are read
from the database itself (reflection), so a backup of any migration can be read; restore
builds the schema of the backup's migration, loads the rows, then migrates forward.
The search columns are left out: restore rebuilds the index.
"""
import base64
import gzip
import json
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import MetaData, insert, select, text

FOLDER = "tables"
SKIPPED_TABLES = {"alembic_version"}  # restore's migrations write it
SKIPPED_COLUMNS = {"search_vector", "rank_vector"}
BATCH = 2000


def export_tables(connection, folder, advance=lambda n: None):
    """Write every table's rows under `folder`/tables; the paths written."""
    (folder / FOLDER).mkdir(parents=True, exist_ok=True)
    written = []
    for table in _tables(connection):
        path = folder / FOLDER / f"{table.name}.jsonl.gz"
        columns = [c for c in table.columns if c.name not in SKIPPED_COLUMNS]
        rows = connection.execution_options(yield_per=BATCH).execute(select(*columns))
        with gzip.open(path, "wt", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row._asdict(), default=_encode, ensure_ascii=False) + "\n")
                advance(1)
        written.append(path)
    return written


def import_tables(connection, folder, advance=lambda n: None):
    """Load the rows of `folder`/tables into the tables of the same migration, in place of
    the rows its migrations wrote (the export holds them as they were)."""
    tables = {table.name: table for table in _tables(connection)}
    for table in tables.values():
        connection.execute(table.delete())
    for path in sorted((folder / FOLDER).glob("*.jsonl.gz")):
        table = tables[path.name.removesuffix(".jsonl.gz")]
        decoders = {c.name: _decoder(c) for c in table.columns}
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            batch = []
            for line in lines:
                batch.append({k: decoders[k](v) for k, v in json.loads(line).items()})
                if len(batch) == BATCH:
                    connection.execute(insert(table), batch)
                    advance(len(batch))
                    batch = []
            if batch:
                connection.execute(insert(table), batch)
                advance(len(batch))
    if connection.dialect.name == "postgresql":
        _advance_sequences(connection, tables.values())


def _tables(connection):
    metadata = MetaData()
    metadata.reflect(connection)
    # By name: foreign keys are off while loading, and user and ban refer to each other.
    return [metadata.tables[name] for name in sorted(metadata.tables)
            if name not in SKIPPED_TABLES]


def _encode(value):
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot export {type(value).__name__}")


_DECODERS = {datetime: datetime.fromisoformat, date: date.fromisoformat,
             time: time.fromisoformat, bytes: base64.b64decode, Decimal: Decimal}


def _decoder(column):
    """Turn an exported value back into what the column's type takes."""
    try:
        decode = _DECODERS.get(column.type.python_type)
    except NotImplementedError:  # a type with no Python counterpart: taken as it is
        decode = None
    if decode is None:
        return lambda value: value
    return lambda value: None if value is None else decode(value)


def _advance_sequences(connection, tables):
    """Serial ids continue after the loaded rows (inserted ids do not move a sequence)."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                          {"t": f'"{table.name}"', "c": column.name}).scalar()
            if sequence:
                connection.execute(text(
                    f'SELECT setval(:s, coalesce((SELECT max("{column.name}") FROM '
                    f'"{table.name}"), 0) + 1, false)'), {"s": sequence})
