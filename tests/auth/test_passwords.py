"""Password rules (等级保护 2.0 level 2): each rule refuses with its own message."""
import pytest
from flask_babel import gettext as _

from forum.auth.passwords import (CHINESE_COMMON, character_classes, check_password,
                                  common_passwords, password_rules_text)
from forum.service import Refused
from tests.factories import PASSWORD

TOO_SHORT = "A password has at least 8 characters."
TOO_LONG = "A password has at most 128 characters."
LIKE_NAME = "A password must not contain your user name, nor be part of it."
COMMON = "This password is one of the most common ones; choose another."
FEW_CLASSES = ("Use at least three of: lower-case letters, upper-case letters, "
               "digits and symbols.")


def refusal(password, username=None):
    with pytest.raises(Refused) as caught:
        check_password(password, username)
    assert caught.value.field == "password"
    return caught.value.message


@pytest.mark.parametrize("password,username,message", [
    ("shrt1A!", None, TOO_SHORT),
    ("", None, TOO_SHORT),
    ("Aa1!" * 32 + "x", None, TOO_LONG),
    ("alllowercase", None, FEW_CLASSES),
    ("ALLUPPER123", None, FEW_CLASSES),
    ("党建党建党建党建", None, FEW_CLASSES),
    ("password1", None, COMMON),
    ("PassWord1", None, COMMON),
    ("Woaini1314", None, COMMON),
    ("Zhangsan2024!", "zhangsan", LIKE_NAME),
    ("ZHANGSAN", "zhangsan", LIKE_NAME),
    ("Li-Ming_2024", "li-ming_2024_party", LIKE_NAME),
])
def test_a_password_breaking_a_rule_is_refused_with_its_message(password, username, message):
    assert refusal(password, username) == _(message)


def test_each_rule_has_its_own_message():
    assert len({_(m) for m in (TOO_SHORT, TOO_LONG, LIKE_NAME, COMMON, FEW_CLASSES)}) == 5


@pytest.mark.parametrize("password,username", [
    ("short1A!", None), ("Dang-Jian_2026", "zhangsan"), ("Aa1!" * 32, None),
    ("党建Dang2026", None), (PASSWORD, "member"), ("Ab1!Ab1!", "ab")])
def test_a_password_keeping_every_rule_is_accepted(password, username):
    check_password(password, username)


def test_a_user_name_under_3_characters_is_not_compared():
    check_password("Li2024-Dang", "li")


def test_chinese_and_other_non_ascii_letters_count_as_symbols():
    assert character_classes("dangjian党建") == 2 and character_classes("Dangjian党建") == 3


def test_the_common_list_has_at_least_10000_lower_case_entries():
    common = common_passwords()
    assert len(common) >= 10_000 and all(p == p.casefold() for p in common)


def test_the_common_list_includes_widely_reported_chinese_passwords():
    assert {"woaini1314", "qq123456", "a123456", "5201314", "1qaz2wsx"} <= common_passwords()
    assert set(CHINESE_COMMON) <= common_passwords()


def test_the_rules_text_names_the_minimum_length():
    assert "8" in password_rules_text()
