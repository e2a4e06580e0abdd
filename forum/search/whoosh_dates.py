"""The newest date below any document of a Whoosh index, for newest-first search
(forum/search/whoosh.py `_newest_first`): whether a match below its candidates may be
dated later than the last of them, which only a post indexed out of date order (edited
or moved, and indexed again at the end) can be.
"""
from itertools import accumulate

DATE_BLOCK = 256  # documents per block of a segment's newest dates


class DateCeilings:
    """The newest date (a column value) of the documents below any document: from each
    segment's newest dates per block of DATE_BLOCK documents, running from its start, and
    the dates of the part-block before the document, instead of every date. A segment's
    dates never change, so its blocks are read once per process (a million dates in
    about 50 ms). Deleted documents count too. The caller holds the searcher lock."""

    def __init__(self):
        self._segments = {}  # segment id: running maxima per block

    def below(self, searcher, docnum):
        """The newest date of the documents before `docnum`, -1 if there are none."""
        ceiling, seen = -1, {}
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            key = reader.segment().segment_id()
            end = min(docnum - offset, reader.doc_count_all())  # this segment's, below docnum
            if end <= 0:
                if key in self._segments:
                    seen[key] = self._segments[key]
                continue
            running = seen[key] = self._segments.get(key) or _running_maxima(reader)
            if end == reader.doc_count_all():
                ceiling = max(ceiling, running[-1])
                continue
            whole = end // DATE_BLOCK
            if whole:
                ceiling = max(ceiling, running[whole - 1])
            dates = reader.column_reader("created_at", translate=False)
            ceiling = max(ceiling, *(dates[d] for d in range(whole * DATE_BLOCK, end)), -1)
        self._segments = seen  # merged segments are gone from the index
        return ceiling


def _running_maxima(reader):
    """The newest date of a segment's first DATE_BLOCK, 2 DATE_BLOCK, … documents.

    The column is read as one array (Whoosh's reader, pinned in requirements.txt, would
    read a million dates one by one in a second and a half); it spans the segment, as
    every post has a date (a segment of no document, left by a write that only deleted,
    is never asked). A column gone was deleted by a write while this search read it: an
    IndexError, so the search reads the new generation (whoosh.VANISHED)."""
    if not reader.has_column("created_at"):
        raise IndexError("the segment's dates were deleted by a write")
    column = reader.column_reader("created_at", translate=False)
    dates = column._dbfile.get_array(column._basepos, column._typecode, column._count)
    return list(accumulate((max(dates[i:i + DATE_BLOCK]) for i in range(0, len(dates), DATE_BLOCK)),
                           max))
