"""Whoosh's postings skipped to a document by a binary search of their blocks.

whoosh-reloaded (2.7.5, pinned in requirements.txt) keeps a term's postings in blocks of
up to 128, each after a header that names its last document, and its matcher skips
forward by reading every header on the way, one at a time. Our searches start their
matchers near the newest documents (forum/search/whoosh.py `_newest_matches`, a matcher
per window), so each read every header of a common word's postings: 3,000 of them at a
million posts, about 20 ms a word; and within a block it stepped from posting to posting
(a third of a two-word search). `install` makes the matcher bisect a list of the
blocks' last documents, read once per process for each long list (the index's files
never change; a merge writes new ones), then the block's documents.
"""
from array import array
from bisect import bisect_left
from collections import OrderedDict
from threading import Lock

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import ReadTooFar
from whoosh.system import _INT_SIZE

KEPT_LISTS = 256  # posting lists whose blocks are kept, the most recently used: 12 bytes
# a block, so 9 MB if all were of words in 40% of a million posts (3,000 blocks), 24 MB
# if all were in every post
_lists = OrderedDict()  # (file, list offset, length): (last documents, offsets) of its blocks
_lock = Lock()
whoosh_skip_to = W3LeafMatcher.skip_to  # Whoosh's own, which the tests compare with ours


def install():
    """Make W3LeafMatcher.skip_to bisect the blocks (once per process)."""
    W3LeafMatcher.skip_to = _skip_to


def _skip_to(self, targetid):
    """W3LeafMatcher.skip_to: the same posting, reached without reading every header on
    the way, nor stepping through the block's postings one by one."""
    if self._byteids:  # a term vector's postings, ids that are terms: never skipped here
        return whoosh_skip_to(self, targetid)
    if not self.is_active():
        raise ReadTooFar
    if targetid <= self.id():
        return
    if targetid > self._maxid:
        if self._lastblock:
            self._atend = True  # past the last block, as Whoosh's walk leaves it
            return
        last_ids, offsets = _blocks(self)
        block = bisect_left(last_ids, targetid)
        if block == len(last_ids):
            self._atend = True  # as reading every header to the end leaves it
            return
        self._goto(offsets[block])
    if self._ids is None:
        self._read_ids()
    self._i = bisect_left(self._ids, targetid, self._i)  # the block's last id is >= targetid


def _blocks(matcher):
    """(last documents, offsets) of the blocks of the matcher's postings."""
    # Segment files are named by random ids: the list's place and length guard the rest.
    key = (matcher._postfile._name, matcher._startoffset, matcher._length)
    with _lock:
        if (found := _lists.get(key)) is not None:
            _lists.move_to_end(key)
            return found
    found = _read_headers(matcher._postfile, matcher._baseoffset)
    with _lock:
        _lists[key] = found
        while len(_lists) > KEPT_LISTS:
            _lists.popitem(last=False)
    return found


def _read_headers(postfile, position):
    """Walk a posting list's blocks as W3LeafMatcher._goto reads them: a length (negative
    for the last block) and a pickled tuple whose second item is the block's last id."""
    last_ids, offsets = array("I"), array("q")
    while True:
        postfile.seek(position)
        length = postfile.read_int()
        last_ids.append(postfile.read_pickle()[1])
        offsets.append(position)
        if length < 0:
            return last_ids, offsets
        position += _INT_SIZE + length
