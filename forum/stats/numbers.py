"""Counts written the way readers of each language write them (docs/stats.md).

Chinese groups large numbers by 万 (10⁴) and 亿 (10⁸): 72,350 reads 7.24万. English
keeps the whole number with thousands separators: 72,350.
"""
from flask_babel import format_decimal, get_locale

CHINESE_UNITS = ((10 ** 8, "亿"), (10 ** 4, "万"))


def figure(number):
    """A count for a figure tile or a chart's axis, in the reader's language."""
    if number is None:
        return "—"
    if get_locale().language == "zh":
        for size, unit in CHINESE_UNITS:
            if abs(number) >= size:
                return format_decimal(number / size, "#,##0.##") + unit
    return format_decimal(number)
