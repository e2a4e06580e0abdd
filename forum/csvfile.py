"""CSV downloads that a spreadsheet opens safely: UTF-8 with a BOM (Excel reads the
Chinese right) and no cell it would run as a formula."""
import csv
import io

from flask import Response

# OWASP's list of cell starts a spreadsheet runs as a formula (=, +, -, @, tab, carriage
# return), a line feed, and the full-width forms, which some spreadsheets take for them.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")


def defuse(cell):
    """A cell a spreadsheet shows as text and never runs: a quote before a formula start,
    also one behind spaces (some spreadsheets trim them first). Numbers stay numbers."""
    if cell is None or isinstance(cell, (int, float)):
        return cell
    text = str(cell)
    if text[:1] in FORMULA_STARTS or text.lstrip()[:1] in FORMULA_STARTS:
        return "'" + text
    return text


class SafeWriter:
    """A CSV writer that defuses cells a spreadsheet would run as formulas (a username
    such as =HYPERLINK(...) lands in the security log) and quotes every cell, so a
    separator inside one (a comma, or the semicolon of some locales) never starts a new
    cell that could begin with a formula."""

    def __init__(self, out):
        self.writer = csv.writer(out, quoting=csv.QUOTE_ALL)

    def writerow(self, row):
        self.writer.writerow([defuse(cell) for cell in row])


def csv_download(filename, fill):
    """A CSV attachment called filename, whose rows fill(writer) writes."""
    out = io.StringIO()
    fill(SafeWriter(out))
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
