"""The organisation department's figures: per unit and in all, counts only (no name, no
word of a branch's content)."""
from dataclasses import dataclass


@dataclass
class Figures:
    """Branches, members, 流动党员, meetings held and signatures expected and made."""

    branches: int = 0
    members: int = 0
    mobile: int = 0
    held: int = 0
    signed: int = 0
    expected: int = 0  # held meetings × the branch's members now

    def add(self, members, mobile, held, signed):
        self.branches += 1
        self.members += members
        self.mobile += mobile
        self.held += held
        self.signed += signed
        self.expected += held * members

    @property
    def attendance(self):
        """Average attendance of held meetings, in per cent (None before any)."""
        return round(100 * self.signed / self.expected) if self.expected else None


def by_unit(rows):
    """({unit name: Figures}, Figures in all) from queries.figures_by_branch()."""
    units, total = {}, Figures()
    for unit, members, mobile, held, signed in rows.values():
        units.setdefault(unit, Figures()).add(members, mobile, held, signed)
        total.add(members, mobile, held, signed)
    return dict(sorted(units.items())), total
