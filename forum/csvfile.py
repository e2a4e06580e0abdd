"""CSV downloads that a spreadsheet opens safely: UTF-8 with a BOM (Excel reads the
Chinese right) and no cell it would run as a formula."""
import csv
import io

from flask import Response

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SafeWriter:
    """A CSV writer that defuses cells a spreadsheet would run as formulas
    (a username such as =HYPERLINK(...) lands in the security log)."""

    def __init__(self, out):
        self.writer = csv.writer(out)

    def writerow(self, row):
        self.writer.writerow(["'" + c if isinstance(c, str) and c[:1] in _FORMULA_STARTS else c
                              for c in row])


def csv_download(filename, fill):
    """A CSV attachment called filename, whose rows fill(writer) writes."""
    out = io.StringIO()
    fill(SafeWriter(out))
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
