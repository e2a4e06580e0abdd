"""Money in fen: parsing what a treasurer types, and the one way an amount is shown.

Amounts are integers of fen everywhere below the form (never floats): "1,234.56" is
read with Decimal, and an amount is shown as ¥1,234.56 by the `money` filter alone.
"""
import re
from decimal import Decimal

from flask_babel import gettext as _

from forum.service import Refused

MAX_FEN = 100_000_000_00  # one hundred million yuan: no single entry comes near it
# Digits with optional thousands commas in the right places, and optional decimals
# (how many is checked apart, to say so).
_AMOUNT_RE = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def parse_fen(text, field="amount"):
    """The fen in a positive amount of yuan such as "1,234.56" or "12.5"; else Refused."""
    cleaned = (text or "").strip().lstrip("¥￥").strip()
    if cleaned.startswith("-"):
        raise Refused(_("An amount must be more than zero."), field=field)
    if not _AMOUNT_RE.match(cleaned):
        raise Refused(_("Give the amount in yuan, e.g. 1,234.56."), field=field)
    whole, _dot, decimals = cleaned.replace(",", "").partition(".")
    if len(decimals) > 2:
        raise Refused(_("An amount has at most two decimals (fen)."), field=field)
    fen = int(Decimal(whole + "." + (decimals or "0")) * 100)
    if fen <= 0:
        raise Refused(_("An amount must be more than zero."), field=field)
    if fen > MAX_FEN:
        raise Refused(_("An amount is at most ¥100,000,000.00."), field=field)
    return fen


def plain_yuan(fen):
    """Fen as yuan with two decimals and no separators ("-1234.56"), for CSV files."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def money(fen):
    """Fen as people read it: ¥1,234.56 (the Jinja filter `money`)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) // 100:,}.{abs(fen) % 100:02d}"
