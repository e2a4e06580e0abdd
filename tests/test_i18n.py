"""Translations: every interface string is in both catalogs, Chinese is the default, and
the app reads compiled catalogs without writing them.

If test_every_string_is_translated fails, run `bin/update-translations`, then fill in the
new or fuzzy entries of forum/translations/zh_CN/LC_MESSAGES/messages.po.
"""
import os
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

import config
from forum import create_app


ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "forum" / "translations"
SOURCE_DIRS = ("forum", "templates")
# The same keywords bin/update-translations passes to pybabel (Flask-Babel's lazy_gettext as _l,
# and lazy_pgettext with its context first).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "lazy_pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")
UPDATE_HINT = ("Run bin/update-translations, then translate the new or fuzzy entries in "
               "forum/translations/zh_CN/LC_MESSAGES/messages.po")


def read_catalog(locale):
    path = CATALOGS / locale / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"{path} is missing. {UPDATE_HINT}"
    with path.open("rb") as po_file:
        return read_po(po_file, locale=locale)


def _in_source_dirs(dirpath):
    """Walk only forum/ and templates/, including "_"-named folders (templates/_macros),
    which Babel's default directory filter would skip."""
    parts = Path(dirpath).relative_to(ROOT).parts
    return (parts[0] in SOURCE_DIRS and parts[-1] != "__pycache__"
            and not parts[-1].startswith("."))


def extracted_msgids():
    """{(msgid, context): [where, ...]} for every string marked for translation, as
    pybabel sees it; a plural message is keyed by its singular, as in the catalog."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            ROOT, method_map, options_map, keywords=KEYWORDS, directory_filter=_in_source_dirs):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault((msgid, context), []).append(f"{filename}:{lineno}")
    return found


def _translated(catalog, msgid, context):
    message = catalog.get(msgid, context=context)
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def _listing(keys, where):
    lines = []
    for msgid, context in sorted(keys, key=lambda key: (key[0], key[1] or "")):
        label = f"{msgid!r}" + (f" [context {context!r}]" if context else "")
        lines.append(f"  {label}  ({', '.join(where[(msgid, context)])})")
    return "\n".join(lines)


def test_every_string_is_translated():
    source = extracted_msgids()
    assert len(source) > 50, "extraction found almost nothing: check babel.cfg"
    assert any("_macros" in place for places in source.values() for place in places), \
        "templates/_macros was not scanned"

    zh = read_catalog("zh_CN")
    untranslated = [key for key in source if not _translated(zh, *key)]
    assert not untranslated, (
        f"{len(untranslated)} string(s) have no Chinese translation (missing, empty or fuzzy) "
        f"in the zh_CN catalog:\n{_listing(untranslated, source)}\n{UPDATE_HINT}.")

    en = read_catalog("en")
    missing_en = [key for key in source if en.get(*key) is None]
    assert not missing_en, (
        f"{len(missing_en)} string(s) are missing from the en catalog:\n"
        f"{_listing(missing_en, source)}\nRun bin/update-translations.")


def test_catalogs_hold_the_same_strings():
    zh = {(m.id, m.context) for m in read_catalog("zh_CN") if m.id}
    en = {(m.id, m.context) for m in read_catalog("en") if m.id}
    assert zh == en, (f"catalogs out of step: only in zh_CN {sorted(zh - en, key=str)}, "
                      f"only in en {sorted(en - zh, key=str)}. Run bin/update-translations.")


def _bare_percents(text):
    """What is left of text once %(name)s placeholders and %% are taken out."""
    return PLACEHOLDER.sub("", text).replace("%%", "").count("%")


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_placeholders_are_kept(locale):
    wrong = []
    for message in read_catalog(locale):
        if not message.id or not message.string or message.fuzzy:
            continue  # fuzzy entries are not compiled; the test above reports them
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # A plural entry's forms carry the placeholders of the singular and plural msgids.
        expected = set().union(*(PLACEHOLDER.findall(msgid) for msgid in ids))
        bare = max(_bare_percents(msgid) for msgid in ids)
        for string in strings:
            if not string:
                continue
            # Templates use new-style gettext, which always applies `% variables`: a
            # stray % in a translation would break the page.
            if set(PLACEHOLDER.findall(string)) != expected or _bare_percents(string) != bare:
                wrong.append(f"  {ids[0]!r} -> {string!r}")
    assert not wrong, f"placeholders differ from the msgid in {locale}:\n" + "\n".join(wrong)


def test_chinese_by_default_english_on_request(client):
    # The browser's Accept-Language does not matter: Chinese until the switch says otherwise.
    page = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Log in" not in html, (
        "the index is in English: the Chinese catalog was not found. Flask-Babel looks for "
        "forum/translations/zh_Hans_CN (a symlink to zh_CN); see forum/translations/README.md")
    assert "论坛首页" in html and "织金党建论坛" in html and "登录" in html
    # get_locale() is Locale('zh', script='Hans', territory='CN'): str() gives zh_Hans_CN.
    assert '<html lang="zh-CN">' in html

    switched = client.post("/lang/en", data={"next": "/"})
    assert switched.status_code == 302
    assert switched.headers["Location"].endswith("/")

    html = client.get("/", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Log in" in html and "Zhijin Party-building Forum" in html
    assert "登录" not in html and "论坛首页" not in html

    client.post("/lang/zh_CN", data={"next": "/"})
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="zh-CN">' in html and "登录" in html


def test_language_switch_ignores_unknown_languages_and_foreign_targets(client):
    response = client.post("/lang/fr", data={"next": "//evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response.headers["Location"]
    assert "lang=" not in response.headers.get("Set-Cookie", "")
    assert "登录" in client.get("/").get_data(as_text=True)


def test_error_pages_are_translated(client):
    response = client.get("/b/no-such-board")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "页面不存在" in html and "返回论坛首页" in html
    assert "Page not found" not in html

    client.post("/lang/en", data={"next": "/"})
    response = client.get("/b/no-such-board")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Page not found" in html and "页面不存在" not in html


def test_the_language_switch_is_not_a_get(client):
    response = client.get("/lang/en?next=/")
    assert response.status_code == 405
    assert "lang=" not in response.headers.get("Set-Cookie", "")
    assert "登录" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                     {"Sec-Fetch-Site": "cross-site"},
                                     {"Sec-Fetch-Site": "same-site", "Origin": "http://a.localhost"}])
def test_a_language_switch_sent_from_another_site_is_refused(client, headers):
    response = client.post("/lang/en", data={"next": "/"}, headers=headers)
    assert response.status_code == 403
    assert "lang=" not in response.headers.get("Set-Cookie", "")


def test_a_language_switch_from_this_sites_page_is_taken(client):
    headers = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    response = client.post("/lang/en", data={"next": "/b/x"}, headers=headers)
    assert response.status_code == 302 and response.headers["Location"] == "/b/x"
    assert "lang=en" in response.headers["Set-Cookie"]


def test_the_footer_switches_language_with_forms_that_set_no_cookie(client):
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert '<form method="post" action="/lang/en"' in html
    assert "Set-Cookie" not in response.headers


def _files_under(folder):
    """Every file's path, modification time and size."""
    return {str(path): (path.stat().st_mtime_ns, path.stat().st_size)
            for path in folder.rglob("*") if path.is_file()}


def test_creating_the_app_writes_no_file_under_the_translations():
    compiled = list(CATALOGS.rglob("*.mo"))
    assert compiled, "the session's compiled_catalogs fixture compiled nothing"
    kept = {path: path.stat() for path in compiled}
    try:
        for path in compiled:  # older than their .po: a start-up that compiled would rewrite them
            os.utime(path, ns=(0, 0))
        before = _files_under(CATALOGS)
        create_app(config.TestingConfig())
        assert _files_under(CATALOGS) == before
    finally:
        for path, stat in kept.items():
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_msgid_used_in_two_senses_reads_differently_in_each():
    catalog = read_catalog("zh_CN")
    senses = {}
    for message in catalog:
        if message.id and not isinstance(message.id, tuple):
            senses.setdefault(message.id, {})[message.context] = message.string
    reused = {msgid: by_context for msgid, by_context in senses.items() if len(by_context) > 1}
    assert reused["Received"]["letters counted"] == "收信数"
    for msgid, by_context in reused.items():
        assert len(set(by_context.values())) == len(by_context), f"{msgid}: {by_context}"


HALF_WIDTH_VALUE = re.compile(r"\(\s*(?:<[^>]+>\s*)*\{\{|\}\}\s*(?:<[^>]+>\s*)*\)")
TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def test_no_template_puts_a_value_in_half_width_parentheses():
    """Chinese text takes full-width brackets （）: a value in brackets goes through the
    catalog's "%(name)s (%(detail)s)", never through brackets typed into a template."""
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        text = TEMPLATE_COMMENT.sub("", path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}: {m.group(0)!r}" for m in HALF_WIDTH_VALUE.finditer(text)]
    assert not found, "\n".join(found)


def test_chinese_strings_use_full_width_parentheses():
    cjk, markdown_link = re.compile(r"[\u4e00-\u9fff]"), re.compile(r"\]\([^)]*\)")
    found = []
    for message in read_catalog("zh_CN"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in filter(None, strings):
            text = markdown_link.sub("", PLACEHOLDER.sub("", string))
            if re.search(r"[()]", text) and (cjk.search(text) or message.id == "%(name)s (%(detail)s)"):
                found.append(f"{message.id!r} -> {string!r}")
    assert not found, "\n".join(found)


def test_a_value_in_brackets_reads_with_full_width_brackets_in_chinese(app):
    from flask import render_template_string
    from flask_babel import force_locale

    with app.test_request_context(), force_locale("zh_CN"):
        said = render_template_string("{{ _('%(name)s (%(detail)s)', name='李明', detail='liming') }}")
    assert said == "李明（liming）"
