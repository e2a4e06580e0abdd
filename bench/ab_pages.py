"""Two checkouts' pages side by side, in-process, under the same load: CPU per request.

    FORUM_INSTANCE=/tmp/bench-1m .venv/bin/python bench/ab_pages.py OLD_ROOT NEW_ROOT URL... \
        [--rounds 30] [-n 20] [--moderator]

This machine's CPU runs up to 1.6 times faster in one second than in another (a busy
loop's rate on the idle machine), and others' jobs come and go: figures taken minutes
apart say little. So each checkout runs in a process of its own (the Flask test client,
rate limits off), both alive at once, as the bench member (`bench/pages.py`'s account,
with its notifications and read marks; with --moderator, also moderator of the measured
board and of the longest thread's board), and they take turns: for each of `--rounds`
rounds and each URL, a batch of `n` requests in one, then in the other (which goes first
alternates). It prints, per URL, each checkout's CPU ms per request over all its batches
(process time, so time spent waiting for the CPU is not counted) and the median of the
rounds' new/old ratios. Make OLD a worktree: `git worktree add --detach /tmp/old HEAD~3 &&
ln -s $PWD/.venv /tmp/old/.venv` (then `bin/compile-translations` there). Each child turns
the automatic garbage collector off and collects before each batch, so that an old
checkout, without forum/safe_gc.py, does not crash on CPython 3.11 (a newer one still
collects in its safe_gc thread during the batch: its figures are, if anything, the worse
for it).
"""
import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import gc, os, sys, time
gc.disable()  # a checkout older than forum/safe_gc.py would crash in CPython 3.11's collector
root, cookie = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
os.chdir(root)
from forum import create_app
app = create_app()
client = app.test_client()
client.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie)
for line in sys.stdin:  # "URL N": N requests, answered with their status and CPU seconds
    url, n = line.split()
    gc.collect()
    started = time.process_time()
    for _ in range(int(n)):
        status = client.get(url).status_code
    print(status, time.process_time() - started, flush=True)
"""


class Child:
    """A checkout's app in a process of its own, answering batches of requests."""

    def __init__(self, python, root, cookie, env):
        self.process = subprocess.Popen([python, "-c", CHILD, str(Path(root).resolve()), cookie],
                                        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)

    def batch(self, url, n):
        self.process.stdin.write(f"{url} {n}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"a checkout's process ended (exit {self.process.wait()})")
        status, seconds = line.split()
        if status != "200":
            raise SystemExit(f"{url} answered {status}")
        return float(seconds)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("-n", type=int, default=20, help="requests per batch")
    parser.add_argument("--moderator", action="store_true")
    parser.add_argument("--board", default="chengguanzhen")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import pages

    env = {**os.environ, "FORUM_RATE_LIMITS": "off"}
    facts = pages.find_pages(argparse.Namespace(board=args.board, board_page=1), env)[1]
    moderates = (facts["board_id"], facts["thread_board_id"]) if args.moderator else ()
    cookie = pages.member_cookie(env, args.board, moderates).split("=", 1)[1]
    python = str(HERE.parent / ".venv" / "bin" / "python")
    children = {"old": Child(python, args.old, cookie, env), "new": Child(python, args.new, cookie, env)}
    try:
        for child in children.values():
            for url in args.urls:
                child.batch(url, 5)  # warm: templates, kept parts, the database's pages
        seconds = {(name, url): 0.0 for name in children for url in args.urls}
        ratios = {url: [] for url in args.urls}
        for round_no in range(args.rounds):
            order = ("old", "new") if round_no % 2 == 0 else ("new", "old")
            for url in args.urls:
                took = {name: children[name].batch(url, args.n) for name in order}
                for name, spent in took.items():
                    seconds[name, url] += spent
                ratios[url].append(took["new"] / took["old"])
    finally:
        for child in children.values():
            child.close()
    requests = args.rounds * args.n
    print(f"{args.rounds} rounds of {args.n} requests per URL and checkout, taking turns")
    print("url\told CPU ms/req\tnew CPU ms/req\tnew/old (median of rounds)")
    for url in args.urls:
        print(f"{url}\t{1000 * seconds['old', url] / requests:.2f}\t{1000 * seconds['new', url] / requests:.2f}"
              f"\t{statistics.median(ratios[url]):.3f}", flush=True)


if __name__ == "__main__":
    main()
