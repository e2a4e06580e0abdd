"""How often logins may be tried: per account and per address-and-account, with a far
higher ceiling per address, the wait said in minutes, and keys that name no one."""
import re

from forum.auth import limits
from forum.extensions import db
from forum.models import RateCounter
from tests.checks import says_the_wait
from tests.conftest import post_form
from tests.factories import PASSWORD, make_user
from tests.test_ratelimit import limited_workers


def try_login(client, username, password="wrong password", address="10.1.1.1"):
    return post_form(client, "/login", {"username": username, "password": password},
                     environ_base={"REMOTE_ADDR": address})


def test_forty_colleagues_behind_one_address_all_log_in(app):
    colleagues = [make_user(username=f"township{n}") for n in range(40)]
    with limited_workers(1) as (worker,):
        statuses = [try_login(worker.test_client(), user.username, PASSWORD).status_code
                    for user in colleagues]
    assert statuses == [302] * 40


def test_one_account_is_limited_from_every_address(app, member):
    with limited_workers(1) as (worker,):
        client = worker.test_client()
        statuses = [try_login(client, "member", address=f"10.2.{n // 250}.{n % 250}").status_code
                    for n in range(31)]
    assert statuses == [200] * 30 + [429]


def test_the_accounts_own_device_is_not_kept_out_by_a_strangers_tries(app, member):
    with limited_workers(1) as (worker,):
        own = worker.test_client()
        assert try_login(own, "member", PASSWORD, address="10.3.0.1").status_code == 302  # now known
        stranger = worker.test_client()
        for n in range(30):
            try_login(stranger, "member", address=f"10.4.0.{n}")
        assert try_login(stranger, "member", address="10.4.1.1").status_code == 429
        assert try_login(own, "member", PASSWORD, address="10.3.0.1").status_code == 302


def test_a_refused_login_says_how_many_minutes_to_wait(app, member):
    with limited_workers(1) as (worker,):
        client = worker.test_client()
        for _ in range(10):
            try_login(client, "member")
        page = try_login(client, "member")
    assert page.status_code == 429 and says_the_wait(page.get_data(as_text=True))



def test_login_limit_keys_name_no_address_or_account(app, member):
    with app.test_request_context("/login", method="POST", data={"username": "member"},
                                  environ_base={"REMOTE_ADDR": "10.9.9.9"}):
        keys = [limits.account_key(), limits.address_and_account_key()]
    for key in keys:
        assert re.fullmatch(r"[0-9a-f]{64}", key) and "member" not in key and "10.9.9.9" not in key
    with limited_workers(1) as (worker,):
        try_login(worker.test_client(), "member", address="10.9.9.9")
    for key in db.session.execute(db.select(RateCounter.key)).scalars():
        assert re.fullmatch(r"[0-9a-f]{64}", key)
