"""Password rules for 等级保护 2.0 level 2: length, three classes, no user name, not common."""
from functools import lru_cache

from flask_babel import gettext as _

from forum.service import Refused

MIN_LENGTH = 8
MAX_LENGTH = 128
COMMON_COUNT = 10_000
# Widely reported in Chinese password leaks (CSDN, 12306 and others) and missing from
# zxcvbn's English-centred top 10,000: pinyin, "I love you" numbers (520, 1314), QQ.
CHINESE_COMMON = (
    "woaini", "woaini1314", "woaini520", "woaini123", "woaini521", "aini1314", "iloveyou",
    "5201314", "1314520", "52013145201314", "5201314520", "1314521", "a5201314",
    "qq5201314", "qq123456", "qq123456789", "a123456", "a12345678", "a123456789",
    "123456a", "123456aa", "aa123456", "abc123456", "123456abc", "1qaz2wsx", "1qaz2wsx3edc",
    "1q2w3e4r", "qweasdzxc", "123qweasd", "qwe123456", "zxcvbnm", "zxcvbnm123",
    "7758521", "7758258", "147258369", "147852369", "159357", "789456123", "123654789",
    "88888888", "888888", "66666666", "8888888888", "168168", "admin888", "xiazhili",
    "dearbook", "wodemima", "mima123", "woshishui", "zhang123", "wang1234", "wang123456",
    "li123456", "liu123456",
)


def check_password(password, username=None):
    """Refuse a password that breaks one of the rules; each rule has its own message."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        raise _refuse(_("A password has at least 8 characters."))
    if len(password) > MAX_LENGTH:
        raise _refuse(_("A password has at most 128 characters."))
    if _resembles(password, username):
        raise _refuse(_("A password must not contain your user name, nor be part of it."))
    if password.casefold() in common_passwords():
        raise _refuse(_("This password is one of the most common ones; choose another."))
    if character_classes(password) < 3:
        raise _refuse(_("Use at least three of: lower-case letters, upper-case letters, "
                        "digits and symbols."))


def character_classes(password):
    """How many of lower-case, upper-case, digits and other characters the password uses."""
    lower = any("a" <= c <= "z" for c in password)
    upper = any("A" <= c <= "Z" for c in password)
    digit = any("0" <= c <= "9" for c in password)
    # Chinese and every other non-ASCII letter count as "other", as symbols do.
    other = any(not ("a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9") for c in password)
    return lower + upper + digit + other


def _resembles(password, username):
    name = (username or "").casefold()
    if len(name) < 3:
        return False
    password = password.casefold()
    return name in password or password in name


@lru_cache(maxsize=1)
def common_passwords():
    """The 10,000 most common passwords (zxcvbn's ranking) and Chinese favourites, lower-case."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # large: loaded on first use only

    ranked = FREQUENCY_LISTS["passwords"][:COMMON_COUNT]
    return frozenset(p.casefold() for p in (*ranked, *CHINESE_COMMON))


def password_rules_text():
    """The rules in one sentence, for the hint under a password field."""
    return _("At least 8 characters using three of lower-case letters, upper-case letters, "
             "digits and symbols; not your user name nor a common password.")


def _refuse(message):
    return Refused(message, field="password")
