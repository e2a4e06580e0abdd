"""Progress of long jobs (reindex, recount, backup, restore, bench-data; issue 24).

On a terminal: click's progress bar with the rate and the time left. Elsewhere (cron,
CI, a log file) a bar's redraws are noise, so a plain line is written every
PLAIN_EVERY seconds and once at the end.
"""
import sys
import time
from contextlib import contextmanager

import click

PLAIN_EVERY = 10.0  # seconds between two plain lines


@contextmanager
def progress(label, length, unit="items", stream=None):
    """Yield `advance(n)`, to be called as work is done, for `length` units of work."""
    stream = stream or sys.stdout
    if stream.isatty():
        with click.progressbar(length=length, label=label, show_eta=True, file=stream,
                               item_show_func=lambda rate: rate) as bar:
            started = time.monotonic()
            yield lambda n: bar.update(min(n, length - bar.pos), _rate(bar.pos + n, started, unit))
    else:
        plain = _Plain(label, length, unit, stream)
        yield plain.advance
        plain.line()


def _rate(done, started, unit):
    return f"{done / max(time.monotonic() - started, 1e-3):,.0f} {unit}/s"


class _Plain:
    """Plain lines: done of total, the rate and the time left."""

    def __init__(self, label, length, unit, stream):
        self.label, self.length, self.unit, self.stream = label, length, unit, stream
        self.done = 0
        self.started = self.last = time.monotonic()

    def advance(self, n):
        self.done = min(self.done + n, self.length)
        if time.monotonic() - self.last >= PLAIN_EVERY:
            self.line()

    def line(self):
        self.last = now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-3)
        left = (self.length - self.done) / rate if rate and self.length else 0
        click.echo(f"{self.label}: {self.done:,}/{self.length:,} {self.unit} "
                   f"({rate:,.0f}/s, {left:,.0f} s left)", file=self.stream)
