"""Bounds on what Python-Markdown is given, so every text renders in linear time (DESIGN §7).

Python-Markdown scans ahead from each `[`, `](` and `<` for its other end: a run of
openers without ends costs time quadratic in the length (8,000 `[` took 24 s), and a few
hundred nested list markers exhaust Python's recursion (a 500). So container markers past
MAX_NESTING are escaped, a `<` whose end never comes is stashed as text before Python's
HTMLParser sees it, and the link patterns share a scan budget linear in the length.
Dense elements (emphasis, table rows) are linear but each costs bleach's
parser about 20 µs, so past a count no ordinary post reaches they are text instead.
A reader sees the same characters; ordinary posts render exactly as before.
"""
import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import HashHeaderProcessor, HRProcessor, SetextHeaderProcessor
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor
from markdown.preprocessors import Preprocessor

# Quotes nest one level per reply that quotes a quote; nobody follows 32.
MAX_NESTING = 32
# Unterminated `<` left as written (each costs Python's HTMLParser one scan to the end).
UNTERMINATED_ALLOWED = 8
# Characters the link patterns may scan per character of text, and for any text: an
# ordinary post, links and all, scans each character a few times at most.
SCAN_PER_CHARACTER = 8
SCAN_FLOOR = 10_000
# Each element costs the sanitiser's pure-Python HTML parser about 20 µs, so dense
# elements are counted: past these, emphasis markers are text and table rows are lines
# of text (a text of many lines is plain text already: forum.markup). No ordinary post
# comes near them.
MAX_EMPHASIS_MARKERS = 400
MAX_TABLE_ROWS = 200
# Markdown's link patterns, by name and priority.
LINK_PATTERNS = {"reference": 170, "link": 160, "image_link": 150, "image_reference": 140,
                 "short_reference": 130, "short_image_ref": 125}

_RULE = re.compile(HRProcessor.RE)
# One blockquote or list marker, with the spaces before it.
_MARKER = re.compile(r" *(?:>|(?:[*+-]|\d+\.)(?= ))")
# The container markers that start a line, then the emphasis markers after them.
_MARKERS = re.compile(r"(?: *(?:>|(?:[*+-]|\d+\.)(?= )))*")
_EMPHASIS = re.compile(r"[*_]+")
# What the start of a tag, comment, processing instruction or CDATA section needs to end.
_MARKUP_START = re.compile(r"<(!--|!\[CDATA\[|\?|[A-Za-z/!])")
_MARKUP_END = {"!--": "-->", "![CDATA[": "]]>", "?": "?>"}


class BoundSource(Preprocessor):
    """After fenced code is stashed, before HTML is parsed: nesting and `<` made safe."""

    def run(self, lines):
        self.md.scan_budget = ScanBudget(sum(map(len, lines)))
        text = _literal_unterminated("\n".join(lines), self.md.htmlStash)
        lines = _literal_emphasis(text.split("\n"), self.md.htmlStash)
        return [_cap_nesting(line) for line in lines]


def _cap_nesting(line):
    """The line with the container markers past MAX_NESTING escaped."""
    pos = 0
    for _ in range(MAX_NESTING + 1):
        marker = _MARKER.match(line, pos)
        if marker is None:
            return line
        pos = marker.end()
    if _RULE.match(line[marker.start():].lstrip()):  # `* * * *`: a rule, not containers
        return line
    return line[:pos - 1] + "\\" + line[pos - 1:]


def _literal_unterminated(text, stash):
    """`text` with each `<` that starts markup whose end never comes stashed as text."""
    ends = {end: text.rfind(end) for end in (">", "-->", "]]>", "?>")}
    literal = [start.start() for start in _MARKUP_START.finditer(text)
               if ends[_MARKUP_END.get(start.group(1), ">")] < start.end()]
    # A few cost a few scans: an ordinary post with a stray `<b` renders exactly as before.
    # A stashed run comes back as the same characters when the HTML is written, in code too.
    pieces, last = [], 0
    for start, end in _runs(literal[UNTERMINATED_ALLOWED:]):
        pieces += [text[last:start], stash.store("&lt;" * (end - start))]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _literal_emphasis(lines, stash):
    """`lines` with the emphasis markers past MAX_EMPHASIS_MARKERS stashed as text."""
    left, result = MAX_EMPHASIS_MARKERS, []
    for line in lines:
        # `***` or `_ _ _` is a rule, one element whatever its length.
        if ("*" not in line and "_" not in line) or _RULE.match(line.lstrip()):
            result.append(line)
            continue
        last = _MARKERS.match(line).end()
        pieces = [line[:last]]
        for run in _EMPHASIS.finditer(line, last):
            kept = max(min(left, len(run.group())), 0)
            left -= len(run.group())
            if kept < len(run.group()):
                pieces += [line[last:run.start() + kept], stash.store(run.group()[kept:])]
                last = run.end()
        pieces.append(line[last:])
        result.append("".join(pieces))
    return result


def _runs(positions):
    """(start, end) of each run of consecutive positions."""
    start = previous = None
    for pos in positions:
        if previous is None or pos != previous + 1:
            if start is not None:
                yield start, previous + 1
            start = pos
        previous = pos
    if start is not None:
        yield start, previous + 1


class ScanBudget:
    """Characters the link patterns may still scan in this text: a few times its length.

    Each link pattern scans ahead from every `[` and `](` for the other end: matched ends
    are near, so ordinary posts use a small part of the budget; runs of openers without
    ends would scan to the end of the text each time. Once the budget is spent, the
    remaining openers are plain text, as if they never closed.
    """

    def __init__(self, length):
        self.left = SCAN_PER_CHARACTER * length + SCAN_FLOOR

    def window(self, data, index):
        """`data`, cut where the budget ends, or None when it is spent."""
        if self.left <= 0:
            return None
        return data if len(data) - index <= self.left else data[:index + self.left]

    def spend(self, count):
        self.left -= count


def _budgeted(processor):
    """A link pattern class whose getText and getLink stay within the md's ScanBudget."""

    class Budgeted(processor):
        def getText(self, data, index):
            window = self.md.scan_budget.window(data, index)
            if window is None:
                return "", index, False
            text, end, handled = super().getText(window, index)
            self.md.scan_budget.spend(end - index)
            return text, end, handled

        def getLink(self, data, index):
            window = self.md.scan_budget.window(data, index)
            if window is None:
                return "", None, index, False
            href, title, end, handled = super().getLink(window, index)
            # Unclosed, or closed by falling back after a stray quote: scanned to the end.
            scanned_all = not handled or (title is None and any(q in href for q in "\"'"))
            self.md.scan_budget.spend((len(window) if scanned_all else end) - index)
            return href, title, end, handled

    Budgeted.__name__ = f"Budgeted{processor.__name__}"
    return Budgeted


class FoundHashHeader(HashHeaderProcessor):
    """Finds a `#` header's line with str.find before trying the regex there.

    The regex alone tries every line of the block, and Markdown tests the rest of a
    block again after each line a rule or a setext header takes (quadratic: a run of
    `***` lines took 750 ms at 20,000 characters). A match starts at a `#` that starts
    a line, so searching from the first one finds the same match.
    """

    def test(self, parent, block):
        start = 0 if block.startswith("#") else block.find("\n#")
        return start >= 0 and bool(self.RE.search(block, start))


class SplitSetextHeader(SetextHeaderProcessor):
    """A setext header that splits off its two lines only, not every line of the block.

    Splitting the whole block into lines for each header, then joining the rest again,
    is quadratic on a run of them (`a\\n===` lines took 830 ms at 20,000 characters).
    """

    def run(self, parent, blocks):
        lines = blocks.pop(0).split("\n", 2)
        heading = etree.SubElement(parent, "h1" if lines[1].startswith("=") else "h2")
        heading.text = lines[0].strip()
        if len(lines) > 2:
            blocks.insert(0, lines[2])


class BoundedTable(TableProcessor):
    """A table of MAX_TABLE_ROWS rows at most; the lines after them are a paragraph."""

    def test(self, parent, block):
        # The header and separator lines decide, except in one column (every row needs a
        # pipe): testing the whole block is quadratic when Markdown splits a long block
        # one line at a time (a run of `### a` lines took 313 ms at 20,000 characters).
        first = block.find("\n")
        second = block.find("\n", first + 1) if first >= 0 else -1
        head = block if second < 0 else block[:second]
        is_table = super().test(parent, head)
        if is_table and len(self.separator) == 1 and head is not block:
            return super().test(parent, block)
        return is_table

    def run(self, parent, blocks):
        lines = blocks[0].split("\n")
        if len(lines) > 2 + MAX_TABLE_ROWS:
            blocks[0:1] = ["\n".join(lines[:2 + MAX_TABLE_ROWS]),
                           "\n".join(lines[2 + MAX_TABLE_ROWS:])]
        super().run(parent, blocks)


class Bounds(Extension):
    """BoundSource between fenced code and HTML; link patterns that share a ScanBudget;
    table rows counted. Goes after the tables and nl2br extensions."""

    def extendMarkdown(self, md):
        md.scan_budget = ScanBudget(0)
        md.preprocessors.register(BoundSource(md), "bound_source", 22)
        md.parser.blockprocessors.register(FoundHashHeader(md.parser), "hashheader", 70)
        md.parser.blockprocessors.register(SplitSetextHeader(md.parser), "setextheader", 60)
        table = md.parser.blockprocessors["table"]
        md.parser.blockprocessors.register(BoundedTable(md.parser, table.config), "table", 75)
        for name, priority in LINK_PATTERNS.items():
            pattern = md.inlinePatterns[name]
            md.inlinePatterns.register(_budgeted(type(pattern))(pattern.pattern, md), name, priority)
