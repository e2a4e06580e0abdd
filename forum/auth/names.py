"""Names people see: usernames and display names that cannot pass for someone else.

A name may hold only Chinese characters, ASCII letters and digits and a few separators,
all in their plain form: Cyrillic or Greek letters, full-width or mathematical letters
and invisible characters are where look-alikes ("аdmin" with a Cyrillic а) hide. Within
that set, a skeleton folds the remaining look-alikes (0/o, 1/l/i, rn/m) so two names that
read the same are one name. Official titles, admin words and the deleted-account label
are for accounts made on the server (admins, units), not for self-chosen names.
"""
import re
import unicodedata

from flask_babel import gettext as _

from forum.service import Refused

# Chinese characters: the basic block, extension A and the supplementary planes. Mixing
# them with ASCII (小wang) is common and harmless; the scripts that imitate Latin letters
# (Cyrillic, Greek, Armenian...) are simply not allowed.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
USERNAME_RE = re.compile(rf"^[A-Za-z0-9_\-{_HAN}]+$")
DISPLAY_NAME_RE = re.compile(rf"^[A-Za-z0-9_\-{_HAN}·.' ]+$")
# Accounts are renamed to this on deletion; nobody may register a name of that shape.
DELETED_PREFIX = "deleted-"
_SEPARATORS = re.compile(r"[\s_\-·.']+")
_FOLDS = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("i", "l"), ("_", "-"))
RESERVED = (
    # official titles and organs
    "书记", "县长", "乡长", "镇长", "区长", "市长", "省长", "部长", "局长", "主任", "主席",
    "常委", "县委", "党委", "组织部", "宣传部", "统战部", "纪委", "监委", "纪检", "巡视",
    "政府", "人大", "政协", "公安", "网警", "中央", "国务院",
    # the site's own staff and voice
    "管理员", "系统", "版主", "官方", "站长", "客服", "安全员", "审计员",
    "admin", "moderator", "official", "system", "sysop", "webmaster",
    # labels the forum itself shows in place of a name
    "已注销", "注销用户", "匿名", "deleted", "anonymous",
)


def skeleton(text):
    """The form two look-alike names share: NFKC, case-folded, look-alikes folded."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    for seen, same in _FOLDS:
        folded = folded.replace(seen, same)
    return folded


def check_username(name):
    """Refuse a username with look-alike characters or of the deleted-account shape."""
    _refuse_lookalike_characters(name, USERNAME_RE, "username", _(
        "Use only Chinese characters, ASCII letters and digits, _ and -."))
    if skeleton(name).startswith(skeleton(DELETED_PREFIX)):
        raise Refused(_("Names starting with deleted- are reserved."), field="username")


def check_display_name(name):
    """Refuse a display name with look-alike or invisible characters."""
    _refuse_lookalike_characters(name, DISPLAY_NAME_RE, "display_name", _(
        "Use only Chinese characters, ASCII letters and digits, spaces and _ - · . '"))


def refuse_reserved(name, field):
    """Refuse a name holding an official title, an admin word or the deleted label."""
    folded = _SEPARATORS.sub("", skeleton(name))
    if any(skeleton(word) in folded for word in RESERVED):
        raise Refused(_("Official titles, words of the site's staff and 已注销用户 are "
                        "reserved; choose another name."), field=field)


def _refuse_lookalike_characters(name, allowed, field, message):
    # NFKC changes full-width, mathematical and other compatibility letters: refuse them
    # rather than store a name that renders unlike its plain form.
    if unicodedata.normalize("NFKC", name) != name or not allowed.match(name):
        raise Refused(message, field=field)
