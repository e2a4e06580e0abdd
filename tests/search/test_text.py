"""The tokenizer: jieba words at sequential positions, grams, normalisation, the cache."""
from pathlib import Path

from forum.search import text
from forum.search.adapter import load_jieba


def test_jieba_keeps_its_dictionary_cache_in_the_instance_folder(app):
    load_jieba()
    assert (Path(app.instance_path) / "jieba.cache").stat().st_size > 1_000_000


def test_words_have_sequential_positions_with_sub_words_beside_their_word():
    load_jieba()
    words = text.words("召开组织生活会")
    assert (1, "组织") in words and (1, "组织生活") in words and (2, "会") in words
    assert [p for p, _ in words] == sorted(p for p, _ in words)


def test_full_width_letters_and_digits_match_half_width_ones():
    load_jieba()
    assert text.normalise("ＡＢＣ１２３") == "abc123"
    assert [w for _, w in text.words("ＡＢＣ１２３")] == [w for _, w in text.words("abc123")]


def test_grams_cover_every_character_and_never_cross_a_separator():
    assert list(text.grams("猫场镇，党委")) == [(0, "猫场"), (1, "场镇"), (2, "镇"),
                                             (4, "党委"), (5, "委")]
    assert text.query_grams("场镇") == ["场镇"] and text.query_grams("镇") == ["镇"]


def test_query_syntax_is_only_a_separator():
    load_jieba()
    assert [tokens for _, tokens, _ in text.query_words('党建 AND (组织:生活) "x" ~^*')] == [
        ["党建"], ["and"], ["组织", "生活"], ["x"]]
