"""Amounts typed in yuan become integer fen (Decimal, never float), and show as ¥1,234.56."""
import pytest

from forum.fund.money import money, parse_fen, plain_yuan
from tests.fund.helpers import refused


@pytest.mark.parametrize("typed,fen", [
    ("1,234.56", 123456), ("12.5", 1250), ("0.01", 1), ("100", 10000), ("¥ 8", 800),
    ("1,000,000", 100000000), ("0.29", 29), ("  3.10 ", 310)])
def test_an_amount_in_yuan_is_read_as_fen(typed, fen):
    assert parse_fen(typed) == fen


DECIMALS = "An amount has at most two decimals (fen)."
ZERO = "An amount must be more than zero."
SHAPE = "Give the amount in yuan, e.g. 1,234.56."


@pytest.mark.parametrize("typed,message", [
    ("1.234", DECIMALS), ("0", ZERO), ("0.00", ZERO), ("-5", ZERO), ("", SHAPE), ("abc", SHAPE),
    ("1,23.4", SHAPE), ("1e3", SHAPE), ("100000001", "An amount is at most ¥100,000,000.00.")])
def test_a_bad_amount_is_refused_with_a_reason(typed, message):
    with refused(message):
        parse_fen(typed)


@pytest.mark.parametrize("fen,shown,plain", [
    (123456, "¥1,234.56", "1234.56"), (5, "¥0.05", "0.05"), (0, "¥0.00", "0.00"),
    (-1250, "-¥12.50", "-12.50"), (41023456, "¥410,234.56", "410234.56")])
def test_fen_are_shown_as_yuan(fen, shown, plain):
    assert (money(fen), plain_yuan(fen)) == (shown, plain)
