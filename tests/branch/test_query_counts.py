"""The statements each branch page costs, whatever the number of branches, members,
meetings and threads (the budgets of tests/boards)."""

import pytest

from forum.branch.branches import add_member, create_branch
from forum.branch.meetings import sign_in
from forum.branch.posting import start_branch_thread
from tests.boards.test_query_counts import statements_for
from tests.factories import make_user

COUNTS = [2, 12]


def _fill(branch_board, branch, unit, unit_account, secretary, make_meeting, count):
    """count more branches, members (each signed in to a meeting), meetings and threads."""
    for n in range(count):
        create_branch(branch_board, unit_account, name=f"支部{n}", unit_id=unit.id)
        user = make_user(username=f"dy{n}")
        add_member(branch, secretary, user.username)
        meeting = make_meeting(title=f"会议{n}")
        sign_in(meeting, user)
        start_branch_thread(branch, user, f"主题{n}", "内容")
    return meeting, user


@pytest.mark.parametrize("count", COUNTS)
def test_each_branch_page_takes_a_fixed_number_of_statements(app, as_user, count_queries, count,
                                                             branch_board, branch, unit,
                                                             unit_account, secretary,
                                                             make_meeting):
    meeting, member = _fill(branch_board, branch, unit, unit_account, secretary, make_meeting,
                            count)
    pages = [
        (app.test_client(), "/b/branch", 12),
        (as_user(member), "/b/branch", 12),
        (as_user(member), f"/branch/{branch.id}", 12),
        (as_user(member), "/branch/mine", 8),
        (as_user(member), f"/branch/meetings/{meeting.id}", 9),
        (as_user(secretary), f"/branch/meetings/{meeting.id}", 9),
        (as_user(secretary), f"/branch/{branch.id}/members", 7),
        (as_user(secretary), f"/branch/{branch.id}/attendance", 8),
        (as_user(secretary), f"/branch/{branch.id}/attendance.csv", 6),
    ]
    found = [(path, statements_for(reader, count_queries, path), budget)
             for reader, path, budget in pages]
    assert [f for f in found if f[1] > f[2]] == [], found
