"""Time forum.markup.render on the worst inputs found, each at a length limit.

    .venv/bin/python bench/markup.py [--chars 20000] [--runs 5]

Pure in-process. Each input repeats one piece up to the post body limit (20,000
characters; letters are 5,000, answers 10,000): runs of link openers, unterminated tag
starts, deep nesting, emphasis and backtick runs, dense runs of ordinary blocks and
inline elements (rules, headers, list items, paragraphs, code spans, mail links), and
ordinary dense Markdown (links, tables, short lines) for comparison. Prints the best of
--runs for each, in ms, and whether the text was rendered as Markdown or, being too
dense with elements, shown as plain text (forum.markup.PLAIN_AFTER_*). Target: each
under 100 ms.
"""
import argparse
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forum import markup  # noqa: E402

PIECES = {
    "[ run": "[", "![ run": "![", "[a]( run": "[a](", "[]( run": "[](", "[x][ run": "[x][",
    "[[a]( run": "[[a](", "[a](b \"c) run": '[a](b "c) ', "[a](\") run": '[a](")',
    "<a\\n run": "<a\n", "<a/ run": "<a/", '<a x=" run': '<a x="', "<![CDATA[ run": "<![CDATA[",
    "<http:// run": "<http://", "< run": "<", "- nesting": "- ", "1. nesting": "1. ",
    "> nesting": "> ", "*_ run": "*_", "*a run": "*a", "``a run": "``a", "&# run": "&#",
    "*** rules": "***\n", "### a headers": "### a\n", "a\\n=== headers": "a\n===\n",
    "- a items": "- a\n", "a\\n\\n paragraphs": "a\n\n", "> a\\n\\n quotes": "> a\n\n",
    "`a` code spans": "`a` ", "<x@y.cn> mail links": "<x@y.cn> ", "<b>a</b> tags": "<b>a</b>",
    "ordinary: links": "[链接](https://example.com/a) ", "ordinary: table": "|甲|乙|\n",
    "ordinary: short lines": "党建\n", "ordinary: Chinese prose": "组织部党建工作，",
}


def at_length(piece, chars):
    text = (piece * (chars // len(piece) + 1))[:chars]
    return "|甲|乙|\n|-|-|\n" + text[12:] if piece.startswith("|") else text


def best(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"| input ({args.chars:,} chars) | render ms | shown as |")
    print("| --- | ---: | --- |")
    for name, piece in PIECES.items():
        text = at_length(piece, args.chars)
        total = best(partial(markup.render, text), args.runs)
        plain = markup.dense_text(text) or markup.dense_html(markup.markdown_html(text))
        shown = "plain text" if plain else "Markdown"
        print(f"| {name} | {total:.1f} | {shown} |", flush=True)

if __name__ == "__main__":
    main()
