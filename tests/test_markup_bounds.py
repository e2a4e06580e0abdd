"""forum.markdown_bounds: every text renders in time linear in its length (issue 12, item 1).

No timing: each test counts the work Markdown is made to do (characters its link patterns
scan, start tags its HTML parser tries), which grows with the square of the length
without the bounds, and checks that the output still shows what was written.
"""
import pytest
from bs4 import BeautifulSoup
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions.tables import TableProcessor
from markdown.htmlparser import HTMLExtractor
from markdown.inlinepatterns import LinkInlineProcessor

from forum.markdown_bounds import (MAX_EMPHASIS_MARKERS, MAX_NESTING, MAX_TABLE_ROWS,
                                   SCAN_FLOOR, SCAN_PER_CHARACTER)
from forum.markup import PLAIN_AFTER_LINES, render

BODY_MAX = 20_000  # the post body limit (config BODY_MAX)


def at_limit(piece):
    return (piece * (BODY_MAX // len(piece) + 1))[:BODY_MAX]


def in_lines(piece):
    """As many pieces as Markdown is given before a text of many lines is plain text."""
    return piece * (PLAIN_AFTER_LINES // piece.count("\n"))


def text_of(html):
    return BeautifulSoup(str(html), "html.parser").get_text()


@pytest.fixture()
def scanned(monkeypatch):
    """Characters Markdown's link patterns scan, counted as they scan them."""
    count = [0]
    get_text, get_link = LinkInlineProcessor.getText, LinkInlineProcessor.getLink

    def counting_text(self, data, index):
        result = get_text(self, data, index)
        count[0] += result[1] - index
        return result

    def counting_link(self, data, index):
        result = get_link(self, data, index)
        count[0] += max(result[2] - index, 0)
        return result

    monkeypatch.setattr(LinkInlineProcessor, "getText", counting_text)
    monkeypatch.setattr(LinkInlineProcessor, "getLink", counting_link)
    return count


LINK_OPENER_RUNS = [
    ("open-brackets", "["),
    ("image-openers", "!["),
    ("footnote-like", "[^"),
    ("links-without-close", "[a]("),
    ("empty-links-without-close", "[]("),
    ("references-without-close", "[x]["),
    ("nested-openers", "[[a]("),
    ("image-nested-openers", "![["),
    ("title-quote-without-close", '[a](b "c) '),
]


@pytest.mark.parametrize("piece", [p for _, p in LINK_OPENER_RUNS],
                         ids=[name for name, _ in LINK_OPENER_RUNS])
def test_runs_of_link_openers_are_scanned_a_bounded_number_of_times(scanned, piece):
    text = at_limit(piece)
    html = render(text)
    assert scanned[0] <= SCAN_PER_CHARACTER * len(text) + SCAN_FLOOR
    assert len(text_of(html)) > len(text) // 2  # the characters are shown, as text


def test_a_run_of_open_brackets_comes_out_as_the_brackets(scanned):
    assert text_of(render("[" * BODY_MAX)).strip() == "[" * BODY_MAX


def test_links_in_an_ordinary_post_still_render_within_the_budget(scanned):
    piece = "[链接](https://example.com/a) 和 ![图](/a/Tok3n/thumb \"标题\") "
    soup = BeautifulSoup(str(render(at_limit(piece))), "html.parser")
    whole = BODY_MAX // len(piece)
    assert len(soup.find_all("a")) == whole and len(soup.find_all("img")) == whole


@pytest.mark.parametrize("piece", ["<a\n", "<a/", '<a x="', "<a =", "<![CDATA[", "<http://", "<?"])
def test_runs_of_unterminated_markup_reach_the_html_parser_a_few_times_only(monkeypatch, piece):
    starts = []
    parse_starttag = HTMLExtractor.parse_starttag
    monkeypatch.setattr(HTMLExtractor, "parse_starttag",
                        lambda self, i: starts.append(i) or parse_starttag(self, i))
    text = at_limit(piece)
    html = render(text)
    assert len(starts) <= 16
    assert piece.strip()[:2] in text_of(html)  # shown as text, not dropped


@pytest.mark.parametrize("marker", ["- ", "* ", "+ ", "1. ", "> ", ">", "- > "])
def test_deep_nesting_renders_instead_of_exhausting_the_recursion_limit(marker):
    text = marker * 496 + "x"
    soup = BeautifulSoup(str(render(text)), "html.parser")
    depth = max(len(element.find_parents(["ul", "ol", "blockquote"]))
                for element in soup.find_all(["li", "p"]) or [soup])
    assert depth <= MAX_NESTING + 1
    assert "x" in soup.get_text()


def test_deep_nesting_at_the_length_limit_renders():
    assert "x" in text_of(render(at_limit("- ")[:-1] + "x"))


def test_nesting_a_reader_can_follow_is_kept():
    soup = BeautifulSoup(str(render("> " * 10 + "深")), "html.parser")
    assert len(soup.find("p").find_parents("blockquote")) == 10


def test_a_long_line_of_stars_is_still_a_rule():
    assert str(render("* " * 60)).strip() == "<hr>"


def test_a_few_stray_tag_starts_render_as_before():
    assert text_of(render("用 `<br` 换行，a <b c")).strip() == "用 <br 换行，a <b c"


def soup_of(html):
    return BeautifulSoup(str(html), "html.parser")


@pytest.mark.parametrize("piece", ["*_", "*a", "_a_ ", "**a** ", "a*"])
def test_runs_of_emphasis_make_a_bounded_number_of_elements_and_show_every_marker(piece):
    text = at_limit(piece)
    soup = soup_of(render(text))
    assert len(soup.find_all(["em", "strong"])) <= MAX_EMPHASIS_MARKERS // 2
    assert soup.get_text().count("a") == text.count("a")
    assert soup.get_text().count("*") + soup.get_text().count("_") > len(text) // 3


def test_emphasis_in_an_ordinary_post_renders_as_before():
    soup = soup_of(render("*重点* 和 **要点** " * (MAX_EMPHASIS_MARKERS // 6) + "\n\n* 列表"))
    assert len(soup.find_all("em")) == len(soup.find_all("strong")) == MAX_EMPHASIS_MARKERS // 6
    assert soup.find("li").get_text() == "列表"


def test_a_text_of_many_lines_is_plain_text_with_every_line_break():
    text = at_limit("党建\n")
    soup = soup_of(render(text))
    assert len(soup.find_all("br")) == text.strip("\n").count("\n")
    assert soup.get_text().count("党建") == text.count("党建")


@pytest.mark.parametrize("piece", ["`a` ", "<b>a</b>", "<x@y.cn> ", "<", "- **a**\n"])
def test_a_text_dense_with_elements_is_shown_escaped_as_written(piece):
    text = at_limit(piece)
    html = str(render(text))
    assert BeautifulSoup(html, "html.parser").find_all(["code", "b", "a", "li", "strong"]) == []
    assert text_of(html).replace("\n", "") == text.replace("\n", "")


def test_a_text_just_under_the_line_count_is_still_markdown():
    html = str(render("- 要点\n" * PLAIN_AFTER_LINES))
    assert html.count("<li>") == PLAIN_AFTER_LINES


def test_a_long_table_keeps_its_first_rows_and_shows_the_rest_as_text():
    rows = PLAIN_AFTER_LINES - 10  # more lines are plain text
    soup = soup_of(render("|甲|乙|\n|-|-|\n" + "|甲|乙|\n" * rows))
    assert len(soup.find("tbody").find_all("tr")) == MAX_TABLE_ROWS
    assert soup.get_text().count("甲") == rows + 1


def test_a_table_of_ordinary_length_keeps_every_row():
    soup = soup_of(render("|甲|乙|\n|-|-|\n" + "|甲|乙|\n" * MAX_TABLE_ROWS))
    assert len(soup.find("tbody").find_all("tr")) == MAX_TABLE_ROWS
    assert soup.find("p") is None


class CountingSearch:
    """A compiled pattern that counts the characters it searches, to its match's end."""

    def __init__(self, pattern, count):
        self.pattern, self.count = pattern, count

    def search(self, string, pos=0):
        match = self.pattern.search(string, pos)
        self.count[0] += (match.end() if match else len(string)) - pos
        return match

    def __getattr__(self, name):
        return getattr(self.pattern, name)


@pytest.mark.parametrize("piece", ["***\n", "a\n===\n", "a\n---\n", "### a\n", "|a|b|\n"])
def test_blocks_split_line_by_line_are_searched_for_headers_a_bounded_number_of_times(
        monkeypatch, piece):
    count = [0]
    monkeypatch.setattr(HashHeaderProcessor, "RE", CountingSearch(HashHeaderProcessor.RE, count))
    text = in_lines(piece)
    render(text)
    assert count[0] <= 4 * len(text)


@pytest.mark.parametrize("piece", ["***\n", "a\n===\n", "### a\n", "# a\nb\n"])
def test_blocks_split_line_by_line_are_tested_for_tables_on_their_first_lines(monkeypatch, piece):
    tested = [0]
    test = TableProcessor.test
    monkeypatch.setattr(TableProcessor, "test",
                        lambda self, parent, block: tested.append(len(block)) or test(self, parent, block))
    text = in_lines(piece)
    render(text)
    assert sum(tested[1:]) <= 4 * len(text)


@pytest.mark.parametrize("piece, tag", [("# a\n", "h3"), ("***\n", "hr")])
def test_a_run_of_headers_or_rules_renders_each_one(piece, tag):
    assert len(soup_of(render(in_lines(piece))).find_all(tag)) == PLAIN_AFTER_LINES


@pytest.mark.parametrize("piece", ["a\n===\n", "a\n---\n"])
def test_a_run_of_setext_headers_shows_each_title_once(piece):
    text = in_lines(piece)
    assert text_of(render(text)).count("a") == text.count("a")
