"""The public figures page, its CSV tables and its JSON (docs/stats.md)."""
from flask import Blueprint, abort, jsonify, render_template
from flask_babel import gettext as _

from forum import shared_pages
from forum.csvfile import csv_download
from forum.stats.charts import bar_chart, line_chart
from forum.stats.figures import as_json, page_figures, tables

bp = Blueprint("stats", __name__)


@bp.get("/stats")
def index():
    def build():
        figures = page_figures()
        return render_template("stats/index.html", figures=figures, charts=_charts(figures),
                               tables=tables(figures)), {}
    return shared_pages.page(build).html


@bp.get("/stats.json")
def figures_json():
    return jsonify(as_json(page_figures()))


@bp.get("/stats/<name>.csv")
def table_csv(name):
    rows = tables(page_figures()).get(name)
    if rows is None:
        abort(404)
    return csv_download(f"stats-{name}.csv", lambda writer: _fill(writer, rows))


def _fill(writer, rows):
    """A header of the rows' keys (the names docs/stats.md gives), then the rows."""
    if rows:
        writer.writerow(list(rows[0]))
    for row in rows:
        writer.writerow(list(row.values()))


def _charts(figures):
    days = figures["days"]
    labels = [day["day"][5:] for day in days]  # MM-DD
    return {
        "hits": line_chart(labels, [(_("Page views"), [d["hits"] for d in days]),
                                    (_("Visitors"), [d["uniques"] for d in days])]),
        "activity": line_chart(labels, [(_("Posts"), [d["posts"] for d in days]),
                                        (_("New members"), [d["members"] for d in days])]),
        "units": bar_chart([(u["unit"], u["posts"]) for u in figures["units"]]),
    }
