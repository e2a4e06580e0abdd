"""Two checkouts' pages side by side, in-process, under the same load: CPU per request.

    FORUM_INSTANCE=/tmp/bench-1m .venv/bin/python bench/ab_pages.py OLD_ROOT NEW_ROOT URL... \
        [--rounds 2] [-n 100] [--moderator]

On a machine others are using, wrk's figures move with the load; this runs each checkout
in a process of its own (the Flask test client, rate limits off), alternating OLD and NEW
`--rounds` times, as the bench member (`bench/pages.py`'s account, with its notifications
and read marks; with --moderator, also moderator of the measured board and of the longest
thread's board), and prints the best of three batches of `n` requests per URL: CPU ms per
request (process time, so time spent waiting for the CPU is not counted). Make OLD a
worktree: `git worktree add --detach /tmp/old HEAD~3 && ln -s $PWD/.venv /tmp/old/.venv`
(then `bin/compile-translations` there). Each child turns the automatic garbage
collector off and collects before each batch, so that an old checkout, without
forum/safe_gc.py, does not crash on CPython 3.11 (a newer one still collects in its
safe_gc thread during the batch: its figures are, if anything, the worse for it).
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import gc, os, sys, time
gc.disable()  # a checkout older than forum/safe_gc.py would crash in CPython 3.11's collector
root, cookie, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
os.chdir(root)
from forum import create_app
app = create_app()
client = app.test_client()
client.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie)


def batch(url):
    gc.collect()
    started = time.process_time()
    for _ in range(n):
        client.get(url)
    return time.process_time() - started


for url in sys.argv[4:]:
    status = client.get(url).status_code
    client.get(url)
    best = min(batch(url) for _ in range(3))
    print(f"{url}\\t{status}\\t{1000 * best / n:.2f}", flush=True)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("-n", type=int, default=100)
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
    print("round\tcode\turl\tstatus\tCPU ms/req")
    for round_no in range(1, args.rounds + 1):
        for name, root in (("old", args.old), ("new", args.new)):
            out = subprocess.run([python, "-c", CHILD, str(Path(root).resolve()), cookie, str(args.n),
                                  *args.urls], env=env, capture_output=True, text=True, check=True)
            for line in out.stdout.splitlines():
                print(f"{round_no}\t{name}\t{line}", flush=True)


if __name__ == "__main__":
    main()
