"""Seed the Zhijin units, categories and boards from forum/data/zhijin.yaml; idempotent."""
from pathlib import Path

import yaml

from forum.extensions import db
from forum.models import Board, BoardTypeKey, Category, Unit
from forum.service import commit

SEED_FILE = Path(__file__).resolve().parent / "data" / "zhijin.yaml"


def load_seed(path=SEED_FILE):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def seed(data=None):
    """Create what is missing and update names and order; never delete. Returns counts."""
    data = data or load_seed()
    units = _seed_units(data["units"])
    boards = 0
    for position, spec in enumerate(data["categories"]):
        category = _upsert(Category, {"name": spec["name"]}, position=position)
        db.session.flush()
        for board_position, board_spec in enumerate(_board_specs(spec, data, units)):
            _upsert(Board, {"slug": board_spec.pop("slug")}, category_id=category.id,
                    position=board_position, **board_spec)
            boards += 1
    commit()
    return {"units": len(units), "categories": len(data["categories"]), "boards": boards}


def _seed_units(spec):
    units = {}
    rows = [(u, u["kind"]) for u in spec["townships"]] + [(u, u["group"]) for u in spec["departments"]]
    for position, (entry, kind) in enumerate(rows):
        units[entry["name"]] = _upsert(Unit, {"name": entry["name"]}, slug=entry["slug"],
                                       kind=kind, position=position)
    db.session.flush()
    return units


def _board_specs(category, data, units):
    if "unit_boards" in category:
        for entry in data["units"][category["unit_boards"]]:
            unit = units[entry["name"]]
            # Township and department boards take posts from verified accounts only
            # (the 跟帖评论 rules); an operator may change that per board.
            yield {"slug": entry["slug"], "name": entry["name"], "type": BoardTypeKey(category["board_type"]),
                   "description": category["description_template"].format(name=entry["name"]),
                   "unit_id": unit.id, "settings": {"verified_only": True}}
        return
    for entry in category["boards"]:
        owner = units[entry["owner"]].id if entry.get("owner") else None
        yield {"slug": entry["slug"], "name": entry["name"], "type": BoardTypeKey(entry["type"]),
               "description": entry.get("description", ""), "unit_id": owner,
               "settings": entry.get("settings", {})}


def _upsert(model, key, **values):
    row = db.session.execute(db.select(model).filter_by(**key)).scalar_one_or_none()
    if row is None:
        row = model(**key, **values)
        db.session.add(row)
    else:
        for name, value in values.items():
            if name == "settings":  # keep settings an operator changed; add new keys only
                value = {**value, **(row.settings or {})}
            setattr(row, name, value)
    return row
