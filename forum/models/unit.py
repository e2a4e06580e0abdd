"""Units: the townships and county departments that own boards."""
from forum.extensions import db

TOWNSHIP_KINDS = ("镇", "乡", "民族乡")


class Unit(db.Model):
    """A township (镇/乡/民族乡) or a county-level department."""

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(60), nullable=False, unique=True)
    kind = db.Column(db.String(20), nullable=False)  # 镇, 乡, 民族乡, or a department group
    slug = db.Column(db.String(40), nullable=False, unique=True)
    position = db.Column(db.Integer, nullable=False, default=0)

    @property
    def is_township(self):
        return self.kind in TOWNSHIP_KINDS

    def __repr__(self):
        return f"<Unit {self.name}>"
