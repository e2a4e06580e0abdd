"""forum.markup: user Markdown in, inert HTML out.

Every payload is rendered and the *parsed* result is checked, never the raw string:
what matters is the tree a browser would build, not whether a substring survived as text.
Pure function tests: no app, no database, no fixtures.
"""
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction
from markupsafe import Markup

from forum.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL, quote_source, render

try:  # a spec-conformant (browser-like) parser as well, when one is at hand
    import html5lib
except ImportError:  # pragma: no cover - depends on the environment
    try:
        from bleach._vendor import html5lib
    except ImportError:
        html5lib = None

SAFE_SCHEMES = {"http", "https", "mailto"}
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "form",
                  "base", "meta", "link", "template", "noscript", "frame", "frameset",
                  "applet", "input", "button", "textarea", "select", "video", "audio",
                  "source", "details", "body", "html", "head", "title", "marquee"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background",
                  "xlink:href", "srcset", "srcdoc", "lowsrc", "dynsrc", "ping", "cite"}
# What a browser drops from anywhere in a URL (tab, CR, LF) or trims from its ends (C0
# controls and space); we are stricter and remove every control and whitespace character.
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")

XSS_PAYLOADS = [
    # -- script tags --------------------------------------------------------------------
    ("script-lowercase", "<script>alert(1)</script>"),
    ("script-uppercase", "<SCRIPT>alert(1)</SCRIPT>"),
    ("script-mixed-case-with-src", '<ScRiPt src="https://evil.example/x.js"></sCrIpT>'),
    ("script-nested-split", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("script-inline-in-text", "hello <script>alert(1)</script> world"),
    ("script-unclosed", "<script>alert(1)"),
    ("script-in-markdown-list", "- item\n- <script>alert(1)</script>"),
    # -- event handlers -----------------------------------------------------------------
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("img-onerror-slash-separated", '<img/src="x"/onerror="alert(1)">'),
    ("img-onerror-backtick", "<img src=`x` onerror=`alert(1)`>"),
    ("svg-onload", "<svg onload=alert(1)>"),
    ("svg-slash-onload", "<svg/onload=alert(1)>"),
    ("body-onload", "<body onload=alert(1)>"),
    ("a-onmouseover", '<a href="https://example.com" onmouseover="alert(1)">x</a>'),
    ("details-ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"),
    ("video-source-onerror", '<video><source onerror="alert(1)"></video>'),
    ("video-onloadstart", "<video src=x onloadstart=alert(1)></video>"),
    ("input-autofocus-onfocus", "<input autofocus onfocus=alert(1)>"),
    ("marquee-onstart", "<marquee onstart=alert(1)>x</marquee>"),
    ("p-onclick-allowed-tag", '<p onclick="alert(1)">click</p>'),
    # -- javascript: in Markdown ----------------------------------------------------------
    ("md-link-javascript", "[click](javascript:alert(1))"),
    ("md-link-javascript-mixed-case", "[click](JaVaScRiPt:alert(1))"),
    ("md-link-javascript-angle-destination", "[click](<javascript:alert(1)>)"),
    ("md-link-javascript-leading-space", "[click]( javascript:alert(1))"),
    ("md-reference-link-javascript", "[click][evil]\n\n[evil]: javascript:alert(1)"),
    ("md-reference-link-javascript-titled", '[click][evil]\n\n[evil]: javascript:alert(1) "t"'),
    ("md-autolink-javascript", "<javascript:alert(1)>"),
    ("md-autolink-data", "<data:text/html,<script>alert(1)</script>>"),
    ("md-image-javascript-src", "![x](javascript:alert(1))"),
    # -- javascript: in raw HTML, with every encoding trick ---------------------------------
    ("html-a-javascript", '<a href="javascript:alert(1)">x</a>'),
    ("html-a-javascript-unquoted", "<a href=javascript:alert(1)>x</a>"),
    ("html-a-leading-spaces", '<a href="  javascript:alert(1)">x</a>'),
    ("html-a-decimal-entity", '<a href="&#106;avascript:alert(1)">x</a>'),
    ("html-a-hex-entity", '<a href="&#x6A;avascript:alert(1)">x</a>'),
    ("html-a-zero-padded-entities-no-semicolons",
     '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114'
     '&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>'),
    ("html-a-colon-entity", '<a href="javascript&#58;alert(1)">x</a>'),
    ("html-a-named-colon-entity", '<a href="javascript&colon;alert(1)">x</a>'),
    ("md-link-decimal-entity", "[x](&#106;avascript:alert(1))"),
    ("md-link-hex-entity", "[x](&#x6A;avascript:alert(1))"),
    ("html-a-tab-split", '<a href="jav\tascript:alert(1)">x</a>'),
    ("html-a-newline-split", '<a href="java\nscript:alert(1)">x</a>'),
    ("html-a-tab-entity-split", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
    ("html-a-newline-entity-split", '<a href="jav&#x0A;ascript:alert(1)">x</a>'),
    ("md-link-tab-entity-split", "[x](jav&#x09;ascript:alert(1))"),
    ("html-a-leading-control-chars", '<a href="\x01\x02javascript:alert(1)">x</a>'),
    ("html-a-leading-control-entity", '<a href="&#1;&#x1f;javascript:alert(1)">x</a>'),
    ("html-a-leading-nul-entity", '<a href="&#0;javascript:alert(1)">x</a>'),
    ("md-link-leading-control-char", "[x](\x0bjavascript:alert(1))"),
    # -- data: and vbscript: ------------------------------------------------------------------
    ("md-link-data-html-base64",
     "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("html-a-data-html", '<a href="data:text/html,<script>alert(1)</script>">x</a>'),
    ("md-image-data-svg", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    ("html-img-data-png", '<img src="data:image/png;base64,iVBORw0KGgo=">'),
    ("bare-data-url-text", "data:text/html;base64,PHNjcmlwdD4= and data:example.com/x"),
    ("md-link-vbscript", "[x](vbscript:msgbox(1))"),
    ("html-a-vbscript-mixed-case", '<a href="VBScript:MsgBox(1)">x</a>'),
    # -- embedding and document-level elements -----------------------------------------------
    ("svg-with-script", "<svg><script>alert(1)</script></svg>"),
    ("svg-animate-href",
     "<svg><a><animate attributeName=href values=javascript:alert(1) />"
     "<text x=20 y=20>X</text></a></svg>"),
    ("svg-use-data-href", '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>'),
    ("iframe-javascript", '<iframe src="javascript:alert(1)"></iframe>'),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
    ("object-data", '<object data="javascript:alert(1)"></object>'),
    ("embed-src", '<embed src="https://evil.example/x.swf">'),
    ("form-action", '<form action="javascript:alert(1)"><button>go</button></form>'),
    ("button-formaction", '<button formaction="javascript:alert(1)">go</button>'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    ("base-href", '<base href="javascript:alert(1)//">'),
    # -- styles ---------------------------------------------------------------------------------
    ("style-tag-url-javascript", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("style-attr-expression", '<p style="width: expression(alert(1))">x</p>'),
    ("style-attr-url-javascript",
     '<a href="https://example.com" style="background:url(javascript:alert(1))">x</a>'),
    ("style-attr-on-img", '<img src="https://example.com/a.png" style="position:fixed;top:0">'),
    # -- MathML ---------------------------------------------------------------------------------
    ("math-href", '<math href="javascript:alert(1)">CLICK</math>'),
    ("math-maction-xlink",
     '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>'),
    ("math-mglyph-style-mutation",
     "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("math-mtext-mglyph-svg-mutation",
     '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="'
     '</style><img src=x onerror=alert(1)>"></style></h1>'),
    # -- attribute break-outs via titles -----------------------------------------------------------
    ("md-image-title-as-handler", '![x](http://a "onerror=alert(1)")'),
    ("md-image-title-quote-breakout", '![x](http://a "\\" onerror=\\"alert(1)")'),
    ("md-link-title-double-quote-breakout",
     '[x](https://example.com "a\\" onmouseover=\\"alert(1)")'),
    ("md-link-title-single-quote-breakout",
     "[x](https://example.com 'a\\' onmouseover=\\'alert(1)')"),
    ("md-link-title-paren-breakout", '[x](https://example.com (a" onmouseover="alert(1)))'),
    ("html-a-title-closes-tag",
     '<a href="https://example.com" title=\'"><script>alert(1)</script>\'>x</a>'),
    ("md-link-url-quote-breakout", '[x](https://example.com/"onmouseover="alert(1))'),
    # -- comments, CDATA and parser-mutation tricks --------------------------------------------------
    ("comment-hides-close", "<!-- --><script>alert(1)</script> -->"),
    ("comment-inside-attribute", '<!--<img src="--><img src=x onerror=alert(1)//">'),
    ("conditional-comment", "<!--[if IE]><script>alert(1)</script><![endif]-->"),
    ("cdata-section", "<![CDATA[><script>alert(1)</script>]]>"),
    ("noscript-title-mutation",
     '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("template-img-onerror", "<template><img src=x onerror=alert(1)></template>"),
    ("svg-style-mutation", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
    ("textarea-mutation", '<textarea><img title="</textarea><img src=x onerror=alert(1)>">'),
    ("title-mutation", "<title><img title=\"</title><img src=x onerror=alert(1)>\"></title>"),
    # -- unicode and full-width tricks -------------------------------------------------------------
    ("fullwidth-javascript-scheme", '<a href="ｊａｖａｓｃｒｉｐｔ：alert(1)">x</a>'),
    ("fullwidth-script-tag", "＜script＞alert(1)＜/script＞"),
    ("zero-width-space-in-scheme", '<a href="java&#x200B;script:alert(1)">x</a>'),
    ("unicode-line-separator-before-scheme", '<a href="&#x2028;javascript:alert(1)">x</a>'),
    ("nbsp-before-scheme", '<a href="&nbsp;javascript:alert(1)">x</a>'),
    ("md-link-fullwidth-scheme", "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))"),
]


@pytest.fixture(autouse=True)
def _app_context():
    """Shadow any suite-wide autouse app/database fixture of this name from conftest.py:
    these are pure function tests and need neither an app nor a database."""
    yield


def _parse_bs4(rendered):
    soup = BeautifulSoup(str(rendered), "html.parser")
    elements = [(el.name, dict(el.attrs)) for el in soup.find_all(True)]
    specials = [type(node).__name__ for node in soup.descendants
                if isinstance(node, (Comment, CData, Declaration, Doctype,
                                     ProcessingInstruction))]
    return elements, specials


def _parse_html5lib(rendered):
    fragment = html5lib.parseFragment(str(rendered), treebuilder="etree",
                                      namespaceHTMLElements=False)
    elements, specials = [], []
    for el in fragment.iter():
        if not isinstance(el.tag, str):  # ElementTree comment / PI factories
            specials.append("Comment")
            continue
        if el is fragment:
            continue
        tag = el.tag.rsplit("}", 1)[-1]  # foreign (svg/math) elements carry a namespace
        if el.tag.startswith("{"):
            tag = el.tag  # keep the namespace visible: it can never be an allowed tag
        attrs = {name.rsplit("}", 1)[-1] if name.startswith("{") else name: value
                 for name, value in el.attrib.items()}
        elements.append((tag, attrs))
    return elements, specials


PARSERS = [_parse_bs4] + ([_parse_html5lib] if html5lib is not None else [])


def _scheme(value):
    """The scheme a URL would be followed with, or None when it is relative.

    `value` comes from a parser, so it is already HTML-unescaped exactly once, as a
    browser unescapes it: `href="&#106;avascript:"` arrives here as `javascript:`.
    Unescaping a second time would judge a URL no browser ever follows (bleach stores
    the unterminated `&#0000106` as `&amp;#0000106`, which a browser reads literally).
    """
    if isinstance(value, list):  # bs4 returns multi-valued attributes as lists
        value = " ".join(value)
    cleaned = _INVISIBLE.sub("", value).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def assert_inert(rendered):
    """Fail unless the rendered HTML, once parsed, holds nothing that can run or load."""
    assert isinstance(rendered, Markup)
    for parse in PARSERS:
        elements, specials = parse(rendered)
        where = f"[{parse.__name__}] {str(rendered)!r}"
        assert not specials, f"comment/CDATA/declaration survived {where}"
        for tag, attrs in elements:
            assert tag in ALLOWED_TAGS, f"<{tag}> not allowlisted {where}"
            assert tag not in FORBIDDEN_TAGS, f"<{tag}> is forbidden {where}"
            allowed_attrs = set(ALLOWED_ATTRIBUTES.get(tag, ()))
            for name, value in attrs.items():
                lowered = name.lower()
                assert not lowered.startswith("on"), f"event handler {name} {where}"
                assert lowered != "style", f"style attribute {where}"
                assert lowered in allowed_attrs, f"{tag}[{name}] not allowlisted {where}"
                if lowered in URL_ATTRIBUTES:
                    scheme = _scheme(value)
                    assert scheme is None or scheme in SAFE_SCHEMES, \
                        f"{tag}[{name}]={value!r} uses scheme {scheme!r} {where}"
            if tag == "a":
                rel = attrs.get("rel")
                rel = " ".join(rel) if isinstance(rel, list) else rel
                assert rel == LINK_REL, f"<a> without rel={LINK_REL!r} {where}"


def _soup(rendered):
    return BeautifulSoup(str(rendered), "html.parser")


# -- the payload corpus -----------------------------------------------------------------------

def test_payload_corpus_is_large_and_has_unique_readable_ids():
    ids = [name for name, _ in XSS_PAYLOADS]
    assert len(XSS_PAYLOADS) >= 40
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9\-]+", name) for name in ids)


@pytest.mark.parametrize("payload", [p for _, p in XSS_PAYLOADS],
                         ids=[name for name, _ in XSS_PAYLOADS])
def test_payload_renders_without_active_content(payload):
    assert_inert(render(payload))


@pytest.mark.parametrize("payload", [p for _, p in XSS_PAYLOADS],
                         ids=[name for name, _ in XSS_PAYLOADS])
def test_payload_inside_a_quote_is_still_inert_after_render(payload):
    assert_inert(render(quote_source("某用户", 3, payload) + "回复内容"))


@pytest.mark.parametrize("payload", [p for _, p in XSS_PAYLOADS],
                         ids=[name for name, _ in XSS_PAYLOADS])
def test_rendering_the_output_again_stays_inert(payload):
    # Stored HTML may be edited and resubmitted; a second pass must not revive anything.
    assert_inert(render(str(render(payload))))


# -- the checker itself ---------------------------------------------------------------------------

@pytest.mark.parametrize("unsafe", [
    Markup('<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>'),
    Markup('<a href=" &#x6A;ava&#x09;script:alert(1)" rel="nofollow ugc noopener">x</a>'),
    Markup('<a href="&#x1;JAVA&#x0A;SCRIPT&#58;alert(1)" rel="nofollow ugc noopener">x</a>'),
    Markup('<img src="data:image/png;base64,AAAA">'),
    Markup('<p onclick="alert(1)">x</p>'),
    Markup('<p style="color:red">x</p>'),
    Markup("<script>alert(1)</script>"),
    Markup("<svg></svg>"),
    Markup('<a href="https://example.com">no rel</a>'),
    Markup("<!-- comment -->"),
], ids=["javascript-href", "encoded-split-href", "control-char-uppercase-href", "data-src", "onclick", "style", "script",
        "svg", "missing-rel", "comment"])
def test_the_inertness_check_rejects_known_bad_html(unsafe):
    with pytest.raises(AssertionError):
        assert_inert(unsafe)


# -- what must still work --------------------------------------------------------------------------

def test_render_returns_markup_and_treats_none_as_empty():
    assert render(None) == Markup("")
    assert render("") == Markup("")
    assert isinstance(render("x"), Markup)


def test_bold_and_italic_become_strong_and_em():
    soup = _soup(render("**重点** 和 *强调*"))
    assert soup.find("strong").get_text() == "重点"
    assert soup.find("em").get_text() == "强调"


def test_bullet_and_numbered_lists_are_kept():
    soup = _soup(render("- 一\n- 二\n\n1. 甲\n2. 乙\n"))
    assert [li.get_text() for li in soup.find("ul").find_all("li")] == ["一", "二"]
    assert [li.get_text() for li in soup.find("ol").find_all("li")] == ["甲", "乙"]


def test_fenced_code_keeps_code_with_script_as_escaped_text():
    rendered = render("```\n<script>alert(1)</script>\n```")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in str(rendered)
    soup = _soup(rendered)
    code = soup.select_one("pre > code")
    assert code is not None
    assert code.get_text().strip() == "<script>alert(1)</script>"
    assert soup.find("script") is None
    assert_inert(rendered)


def test_inline_code_is_escaped_and_not_linkified():
    soup = _soup(render("`<b>x</b> https://example.com`"))
    code = soup.find("code")
    assert code.get_text() == "<b>x</b> https://example.com"
    assert code.find("a") is None and code.find("b") is None


def test_tables_are_kept_with_header_and_body():
    soup = _soup(render("| 支部 | 人数 |\n| :-- | --: |\n| 第一支部 | 12 |\n"))
    table = soup.find("table")
    assert [th.get_text() for th in table.find("thead").find_all("th")] == ["支部", "人数"]
    assert [td.get_text() for td in table.find("tbody").find_all("td")] == ["第一支部", "12"]
    assert table.find("td", align="right").get_text() == "12"


def test_blockquote_is_kept():
    soup = _soup(render("> 引用的话"))
    assert soup.find("blockquote").get_text(strip=True) == "引用的话"


def test_plain_links_get_nofollow_ugc_noopener():
    rendered = render("[党建网](https://www.example.com/news?id=1&page=2)")
    link = _soup(rendered).find("a")
    assert link["href"] == "https://www.example.com/news?id=1&page=2"
    assert link["rel"] == LINK_REL.split()
    assert link.get_text() == "党建网"
    assert f'rel="{LINK_REL}"' in str(rendered)


def test_raw_html_links_get_their_rel_replaced_with_nofollow_ugc_noopener():
    link = _soup(render('<a href="https://example.com" rel="opener">x</a>')).find("a")
    assert link["rel"] == LINK_REL.split()


def test_link_titles_are_kept_as_plain_attribute_text():
    link = _soup(render('[x](https://example.com "会议通知")')).find("a")
    assert link["title"] == "会议通知"


def test_mailto_and_relative_links_are_kept():
    soup = _soup(render("[写信](mailto:admin@example.com) [帖子](/t/12#p3)"))
    assert [a["href"] for a in soup.find_all("a")] == ["mailto:admin@example.com", "/t/12#p3"]


def test_a_bare_url_is_linkified():
    link = _soup(render("详见 https://example.com/notice 谢谢")).find("a")
    assert link["href"] == "https://example.com/notice"
    assert link["rel"] == LINK_REL.split()


def test_a_bare_www_domain_is_linkified_as_http():
    link = _soup(render("www.example.com")).find("a")
    assert link["href"] == "http://www.example.com"


@pytest.mark.parametrize("text", ["ftp://example.com/file", "ssh://example.com",
                                  "irc://example.com/room", "data:example.com/x",
                                  "xmpp:user@example.com"])
def test_bare_urls_with_schemes_outside_the_allowlist_are_not_linked_as_such(text):
    rendered = render(text)
    assert_inert(rendered)
    for link in _soup(rendered).find_all("a"):
        assert _scheme(link["href"]) in SAFE_SCHEMES


def test_chinese_text_passes_through_unchanged():
    assert render("基层党建工作推进会") == Markup("<p>基层党建工作推进会</p>")


def test_line_breaks_become_br():
    soup = _soup(render("第一行\n第二行"))
    paragraph = soup.find("p")
    assert paragraph.find("br") is not None
    assert paragraph.get_text() == "第一行\n第二行"


def test_an_uploaded_image_is_kept():
    img = _soup(render('![党徽](/a/Zx9_-k/thumb "标题")')).find("img")
    assert img["src"] == "/a/Zx9_-k/thumb"
    assert img["alt"] == "党徽"
    assert img["title"] == "标题"


@pytest.mark.parametrize("source", [
    "https://tracker.example/p.gif", "http://tracker.example/p.gif", "//tracker.example/p.gif",
    "/a/../../u/x", "/static/x.png", "pixel.gif", "/a/tok?x=1"])
def test_an_image_from_anywhere_but_the_uploads_becomes_a_link_to_it(source):
    soup = _soup(render(f"![党徽]({source})"))
    assert soup.find("img") is None
    link = soup.find("a")
    assert link["href"] == source and link.get_text() == "[image: 党徽]"
    assert link["rel"] == LINK_REL.split()


def test_a_remote_image_inside_a_link_becomes_the_links_text():
    soup = _soup(render("[![党徽](https://tracker.example/p.gif)](https://example.com)"))
    assert soup.find("img") is None
    assert [a.get_text() for a in soup.find_all("a")] == ["[image: 党徽]"]


def test_a_raw_html_remote_image_becomes_a_link_too():
    soup = _soup(render('<img src="https://tracker.example/p.gif" alt="" width="1">'))
    assert soup.find("img") is None and soup.find("a")["href"] == "https://tracker.example/p.gif"


def test_raw_h1_and_h2_tags_are_stripped_but_their_text_stays():
    soup = _soup(render("<h1>大标题</h1>\n\n<h2>副标题</h2>"))
    assert soup.find("h1") is None and soup.find("h2") is None
    assert "大标题" in soup.get_text() and "副标题" in soup.get_text()


def test_disallowed_tags_are_stripped_but_their_text_stays():
    soup = _soup(render("<div><span>保留文字</span></div>"))
    assert soup.find("div") is None and soup.find("span") is None
    assert "保留文字" in soup.get_text()


def test_rendering_is_consistent_across_threads():
    texts = [f"**帖子 {i}** https://example.com/{i} <script>x</script>\n\n- a\n- b"
             for i in range(40)]
    expected = [render(text) for text in texts]
    barrier = threading.Barrier(8)

    def work(i):
        if i < 8:
            barrier.wait(timeout=10)
        return [render(text) for text in texts]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(16)))
    assert all(result == expected for result in results)


def test_a_link_reference_defined_in_one_post_does_not_resolve_in_the_next():
    render("[官网]: https://example.com/one\n\n见 [官网]")
    soup = _soup(render("见 [官网]"))
    assert soup.find("a") is None and "[官网]" in soup.get_text()


# -- quote_source ------------------------------------------------------------------------------

def test_quote_source_renders_as_a_blockquote_naming_author_and_floor():
    source = quote_source("张三", 7, "第一段\n第二段")
    soup = _soup(render(source + "我同意。"))
    quote = soup.find("blockquote")
    assert quote is not None
    assert quote.find("strong").get_text() == "张三"
    assert "#7" in quote.get_text()
    assert "第一段" in quote.get_text() and "第二段" in quote.get_text()
    assert "我同意。" not in quote.get_text()
    assert "我同意。" in soup.get_text()


def test_quote_source_truncates_long_bodies_with_an_ellipsis():
    source = quote_source("李四", 2, "字" * 500, limit=300)
    assert "字" * 300 + "…" in source
    assert "字" * 301 not in source


def test_quote_source_quotes_every_line():
    source = quote_source("王五", 1, "a\nb\n\nc")
    body_lines = source.rstrip("\n").split("\n")
    assert all(line.startswith(">") for line in body_lines)


def test_quote_source_with_a_payload_in_the_body_is_inert_after_render():
    body = '<img src=x onerror=alert(1)>\n[x](javascript:alert(1))\n<script>alert(1)</script>'
    rendered = render(quote_source("张三", 1, body))
    assert _soup(rendered).find("blockquote") is not None
    assert_inert(rendered)


def test_quote_source_with_a_payload_as_the_author_name_is_inert_after_render():
    rendered = render(quote_source('<svg onload=alert(1)>"><script>x</script>', 1, "正文"))
    assert _soup(rendered).find("blockquote") is not None
    assert_inert(rendered)


def test_quote_source_cut_inside_a_tag_is_still_inert_after_render():
    body = "x" * 290 + '<a href="javascript:alert(1)" onclick="alert(2)">y</a>'
    assert_inert(render(quote_source("张三", 1, body, limit=300)))


@pytest.mark.parametrize("text", ["[站内](/t/1)", "<a href='/b/x'>版块</a>", "![图](/t/1#x)"])
def test_links_without_a_dot_in_the_text_still_get_rel(text):
    assert f'rel="{LINK_REL}"' in str(render(text))


def test_markdown_headings_start_at_h3_so_none_is_flattened():
    html = render("# 一级\n\n## 二级\n\n### 三级\n\n###### 六级\n\n[TOC]")
    assert html == "<h3>一级</h3>\n<h4>二级</h4>\n<h5>三级</h5>\n<h6>六级</h6>\n<p>[TOC]</p>"


def test_quote_source_quotes_a_fenced_code_block_whole_as_code():
    body = "看代码：\n\n```python\ndef f():\n\n    return \"**x**\"\n```\n\n后文"
    quote = _soup(render(quote_source("张三", 1, body))).find("blockquote")
    assert quote.find("pre").get_text() == 'def f():\n\n    return "**x**"\n'
    assert "```" not in quote.get_text() and "后文" in quote.get_text()


def test_quote_source_shortens_a_long_quote_at_a_block_boundary_never_inside_code():
    body = "看代码：\n\n```\n" + "\n".join(f"line{n} = {n}" for n in range(60)) + "\n```\n\n后文"
    source = quote_source("张三", 1, body, limit=300)
    quote = _soup(render(source)).find("blockquote")
    assert quote.find("pre") is None and "line0" not in source and "```" not in source
    assert [p.get_text() for p in quote.find_all("p")][1:] == ["看代码：", "…"]


def test_quote_source_keeps_a_table_whole_or_leaves_it_out():
    body = "| 镇 | 人数 |\n|---|---|\n| 城关镇 | 120 |\n\n" + "很长的说明。" * 80
    quote = _soup(render(quote_source("李四", 2, body, limit=300))).find("blockquote")
    assert [td.get_text() for td in quote.find_all("td")] == ["城关镇", "120"]
    assert "很长的说明" not in quote.get_text() and quote.get_text().rstrip().endswith("…")


def test_quote_source_of_a_long_code_block_alone_keeps_whole_lines_as_code():
    body = "```\n" + "\n".join(f"x{n} = '{'*' * 20}'" for n in range(40)) + "\n```"
    quote = _soup(render(quote_source("王五", 3, body, limit=300))).find("blockquote")
    code = quote.find("pre").get_text().splitlines()
    assert code and all(line.startswith("x") and line.endswith("'") for line in code)
    assert quote.find_all("p")[-1].get_text() == "…"
