"""Units picked by group, as the seed groups them: townships by kind (镇 / 乡 / 民族乡),
departments by their group (党群, 政府, 政法, 垂直管理…). Used wherever a form targets units
(notices' receipts, study campaigns, petitions' transfers)."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from forum.extensions import db
from forum.models import Unit, User
from forum.models.base import LabelledEnum
from forum.models.unit import TOWNSHIP_KINDS
from forum.urls import coerce_id


class UnitGroup(LabelledEnum):
    """The groups of units picked at once."""

    TOWNSHIPS = "townships", _l("All townships")
    DEPARTMENTS = "departments", _l("All departments")
    EVERYONE = "everyone", _l("Every unit")


class UnitGroupsField(SelectMultipleField):
    """Checkboxes for whole groups of units (unknown values are ignored, not refused)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label, **kwargs):
        super().__init__(label, validate_choice=False,
                         choices=[SelectChoice(g.value, g.label) for g in UnitGroup], **kwargs)


class UnitsField(SelectMultipleField):
    """Single units, offered as checkboxes grouped by kind (see unit_picker in
    templates/_macros/forms.html); the choices come from grouped_choices()."""

    def __init__(self, label, **kwargs):
        super().__init__(label, coerce=coerce_id, validate_choice=False, **kwargs)


def grouped_choices():
    """{kind: [choice, …]} for every unit, townships first, in the seed's order."""
    groups = {}
    rows = db.session.execute(db.select(Unit.id, Unit.name, Unit.kind)
                              .order_by(Unit.position, Unit.id))
    for unit_id, name, kind in rows:
        groups.setdefault(kind, []).append(SelectChoice(unit_id, name))
    return groups


def unit_ids_in(groups, unit_ids):
    """The ids of the units in these groups and of the units chosen one by one."""
    groups = set(groups or ())
    query = db.select(Unit.id)
    if UnitGroup.EVERYONE in groups:
        picked = set(db.session.execute(query).scalars())
    else:
        picked = set()
        if UnitGroup.TOWNSHIPS in groups:
            picked |= set(db.session.execute(query.where(Unit.kind.in_(TOWNSHIP_KINDS))).scalars())
        if UnitGroup.DEPARTMENTS in groups:
            departments = query.where(Unit.kind.not_in(TOWNSHIP_KINDS))
            picked |= set(db.session.execute(departments).scalars())
    chosen = {int(n) for n in unit_ids or () if str(n).isdigit()}
    known = set(db.session.execute(query.where(Unit.id.in_(chosen))).scalars()) if chosen else set()
    return picked | known


def units_without_account(unit_ids):
    """The target units no active unit account can sign for, in the seed's order."""
    with_account = db.select(User.unit_id).where(
        User.is_unit_account.is_(True), User.unit_id.is_not(None), User.deleted_at.is_(None))
    return db.session.execute(
        db.select(Unit).where(Unit.id.in_(unit_ids), Unit.id.not_in(with_account))
        .order_by(Unit.position)).scalars().all()
