"""Site-wide figures kept by the writes that change them, so no page counts rows.

`add` joins the caller's unit of work (it commits nothing); `forum recount` sets every
figure again from the rows with `set_to`.
"""
from sqlalchemy import bindparam, select

from forum.extensions import db
from forum.reads import read
from forum.models.base import insert_for
from forum.models.site import SiteCounter

MEMBERS = "members"

_table = SiteCounter.__table__
_VALUE = select(_table.c.value).where(_table.c.name == bindparam("name"))  # the index reads it


def add(name, amount=1):
    """Add to a figure, starting it at `amount` if it has no row yet."""
    _upsert(name, amount, _table.c.value + amount)


def set_to(name, value):
    """Set a figure outright (a recount)."""
    _upsert(name, value, value)


def value(name):
    """A figure; 0 before anything counted it."""
    return read(_VALUE, {"name": name}).scalar() or 0


def values(names):
    """{name: figure} of several figures in one statement; 0 for those not counted yet."""
    found = dict(db.session.execute(select(_table.c.name, _table.c.value).where(_table.c.name.in_(names))).all())
    return {name: found.get(name, 0) for name in names}


def _upsert(name, value, on_conflict):
    insert = insert_for(db.session.get_bind().dialect.name)(_table).values(name=name, value=value)
    db.session.execute(insert.on_conflict_do_update(index_elements=[_table.c.name],
                                                    set_={"value": on_conflict}))
