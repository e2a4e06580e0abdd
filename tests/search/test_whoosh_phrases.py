"""whoosh_queries.Consecutive matches and scores as Whoosh's own phrase query, on random
documents whose words repeat and share positions (as jieba's words and their pairs do)."""
import random

from whoosh import index, query
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, TEXT, Schema

from forum.search.whoosh_queries import Consecutive


class _Placed(Tokenizer):
    """"a@3 b@3 a@4": each word at the position written after it."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for item in value.split():
            token.text, at = item.split("@")
            token.boost, token.stopped, token.pos = 1.0, False, int(at)
            yield token


def _document(rng):
    placed, position = [], 0
    for _ in range(rng.randint(0, 10)):
        position += rng.choice([0, 1, 1, 1, 2])
        placed += [f"{rng.choice('abcd')}@{position}" for _ in range(rng.choice([1, 1, 2]))]
    return " ".join(placed)


def _index(folder, rng):
    ix = index.create_in(str(folder), Schema(id=ID(stored=True, unique=True),
                                             body=TEXT(analyzer=_Placed()),
                                             title=TEXT(analyzer=_Placed())))
    number = 0
    for _segment in range(3):
        writer = ix.writer()
        for _ in range(30):
            writer.add_document(id=str(number), body=_document(rng), title=_document(rng))
            number += 1
        writer.delete_by_term("id", str(rng.randrange(number)))
        writer.commit(merge=False)
    return ix


def _hits(searcher, built):
    return [(hit.docnum, round(hit.score, 9)) for hit in searcher.search(built, limit=None)]


def test_a_phrase_matches_and_scores_as_whoosh_s_phrase_query(tmp_path):
    rng = random.Random(2026)
    with _index(tmp_path, rng).searcher() as searcher:
        found = 0
        for _ in range(150):
            words = [rng.choice("abcdz") for _ in range(rng.randint(2, 4))]
            boost, other = rng.choice([1.0, 2.5]), rng.choice("abcd")
            ours, whooshs = (kind("body", list(words), boost=boost)
                             for kind in (Consecutive, query.Phrase))
            title_ours, title_whooshs = (kind("title", list(words[:2]), boost=5.0)
                                         for kind in (Consecutive, query.Phrase))
            for mine, theirs in [(ours, whooshs),
                                 (query.Or([title_ours, ours]), query.Or([title_whooshs, whooshs])),
                                 (query.And([ours, query.Term("body", other)]),
                                  query.And([whooshs, query.Term("body", other)]))]:
                expected = _hits(searcher, theirs)
                assert _hits(searcher, mine) == expected, (mine, expected)
                found += len(expected)
        assert found > 100
