"""For random sequences of donations, disbursements and reversals (a seeded loop: there
is no hypothesis in the venv), the totals the pages show equal the sum of the ledger's
lines, on the appeal, the fund and the CSV file; and `forum fund-check` agrees."""
import csv
import io
import random
import re

import pytest
from flask_babel import gettext

from forum.fund import queries
from forum.fund.check import differences
from forum.fund.money import money
from forum.fund.services import approve_disbursement, reverse_entry
from forum.service import Refused
from tests.fund.conftest import disburse, donate

TOTALS_RE = re.compile(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>")


def _random_books(rng, appeal, treasurer, second):
    """25 random writes; refused ones (a disbursement above the balance) store nothing."""
    entries = []
    for _ in range(25):
        move = rng.choice(["give", "give", "give", "pay", "reverse"])
        try:
            if move == "give":
                entries.append(donate(appeal, treasurer, _yuan(rng, 99999),
                                      donor_kind=rng.choice(["person", "unit", "anonymous"])))
            elif move == "pay":
                entry = disburse(appeal, treasurer, _yuan(rng, 3000))
                if rng.random() < .7:
                    approve_disbursement(entry, second)
                entries.append(entry)
            elif entries:
                target = rng.choice(entries)
                reverse_entry(appeal, treasurer, entry_id=target.id, reason="冲正")
        except Refused:
            pass


def _yuan(rng, most):
    return f"{rng.randint(1, most)}.{rng.randint(0, 99):02d}"


def _shown_totals(html):
    """The first totals block of a page: {label: text}."""
    return dict(TOTALS_RE.findall(html)[:4])


def _csv_sum(client, board):
    text = client.get(f"/fund/{board.slug}/ledger.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    signs = {gettext("Money in"): 1, gettext("Money out"): -1}
    return sum(signs[r[4]] * int(r[5].replace(".", "")) for r in rows), len(rows)


@pytest.mark.parametrize("seed", range(6))
def test_the_shown_totals_equal_the_sum_of_the_ledger(client, appeal, fund_board, treasurer,
                                                      second_treasurer, seed):
    _random_books(random.Random(seed), appeal, treasurer, second_treasurer)
    lines = queries.all_shown(fund_board)
    given = sum(e.amount_fen for e in lines if e.flow == "in")
    spent = sum(e.amount_fen for e in lines if e.flow == "out")
    expected = {gettext("Total given"): money(given), gettext("Total spent"): money(spent),
                gettext("Balance"): money(given - spent)}
    for path in (f"/t/{appeal.thread_id}", f"/b/{fund_board.slug}",
                 f"/fund/{fund_board.slug}/ledger"):
        shown = _shown_totals(client.get(path).get_data(as_text=True))
        assert {k: shown[k] for k in expected} == expected, path
    balance, count = _csv_sum(client, fund_board)
    assert balance == given - spent and count == len(lines)
    assert differences() == []
