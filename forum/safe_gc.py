"""Garbage collection at safe points only: a workaround for a crash of CPython 3.11.

On 3.11 a collection can start inside any allocation, among them the one that gives an
object its first real __dict__ (dictobject.c, make_dict_from_instance_attributes). If a
weakref callback that the collection runs sets an attribute on that same object, as
SQLAlchemy's InstanceState._cleanup does when a mapped object dies in a cycle, the
object gets a second dict over the same attribute values, which frees them; the first
dict then reads freed memory and the process dies of SIGSEGV (gunicorn's "Worker was
sent SIGSEGV!"). Threads make it likelier only by moving the points where collections
start. CPython 3.12 starts collections only between bytecodes, so it is not exposed.

Here, on 3.11, the automatic collector is off, and one daemon thread per process runs
the collection the thresholds ask for every COLLECT_SECONDS. Collecting from Python
code is safe: the other threads wait at bytecode boundaries or in calls that let the
GIL go, never half way through making a dict.

`freeze` is for a server that loads the app once and forks its workers: what the loaded
app holds (modules, the url map, templates, SQLAlchemy's and Babel's tables: 200,000
objects) is moved out of the collector's sight. A full collection then scans only what
a worker made since its fork: 0.1 ms just after it, where it took 76-79 ms with every
thread waiting.
"""
import gc
import os
import sys
import threading
import time

COLLECT_SECONDS = 0.05  # garbage in cycles waits at most this long (CPython: ~700 allocations)
# A full collection scans every object not frozen: 76-79 ms of a worker with the forum
# loaded and nothing frozen, with every thread waiting. CPython runs one only once the
# long-lived objects have grown by a quarter, which it does not let Python code see; at
# most one a minute is the same in spirit, where thresholds alone would run one every
# few seconds.
FULL_SECONDS = 60
_last_full = 0.0
_started_in = None  # the pid whose collector thread runs


def install():
    """Turn the automatic collector off and start the safe-point collector (idempotent,
    and again in a forked child, whose threads did not survive the fork)."""
    if sys.version_info >= (3, 12) or _started_in is not None:
        return
    gc.disable()
    _start()
    os.register_at_fork(after_in_child=_start)


def freeze():
    """Collect, then keep every object left out of all later collections: for a server's
    master once it has loaded the app, before it forks (deploy/gunicorn.conf.py)."""
    gc.collect()
    gc.freeze()


def collect_if_due():
    """Run the collection CPython would have started by now: the oldest generation
    whose count is past its threshold, if any, and the oldest (every object) at most
    every FULL_SECONDS."""
    global _last_full
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if not thresholds[0]:  # a zero threshold: automatic collection was switched off
        return
    if counts[2] > thresholds[2] and time.monotonic() - _last_full >= FULL_SECONDS:
        gc.collect(2)
        _last_full = time.monotonic()
        return
    for generation in (1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


def _start():
    global _started_in
    _started_in = os.getpid()
    threading.Thread(target=_loop, daemon=True, name="safe-gc").start()


def _loop():
    wake = threading.Event()
    while not wake.wait(COLLECT_SECONDS):
        collect_if_due()
