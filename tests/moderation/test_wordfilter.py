"""The word filter: block, review and replace words however they are spaced, widened or cased."""
import pytest

from forum.extensions import db
from forum.models import ModAction, Post, WordRule
from forum.moderation.wordfilter import Rule, WordFilter, active_filter, check_post, normalise
from forum.moderation.words import add_word, remove_word
from forum.service import Refused
from forum.settings import get_setting
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_user


def word_filter(*rules):
    """A filter from (word, action[, replacement]) tuples, numbered from 1."""
    return WordFilter(Rule(n, *rule) for n, rule in enumerate(rules, start=1))


def count(model):
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


# Matching


def test_a_word_is_found_inside_chinese_text_without_word_boundaries():
    result = word_filter(("法轮", "block")).check("我们不讨论法轮功的问题")
    assert result.blocked.word == "法轮"


@pytest.mark.parametrize("text", [
    "法 轮", "法　轮", "法\u200b轮", "法\ufeff轮", "法\u2060轮", "法*轮", "法-轮", "法_轮", "法.轮",
    "法·轮", "法、轮", "法|轮", "法/轮", "法\\轮", "法 * 轮", "法\n轮", "法＊轮",
])
def test_spaces_invisible_characters_and_separators_inside_a_word_are_ignored(text):
    assert word_filter(("法轮", "block")).check(f"前面{text}后面").action == "block"


@pytest.mark.parametrize("word, text", [
    ("abc", "ＡＢＣ"), ("abc", "ABC"), ("ＡＢＣ", "abc"), ("AbC", "aBc"), ("a1", "Ａ１"),
    ("strasse", "STRAßE"), ("café", "cafe\u0301"), ("cafe\u0301", "CAFÉ"),
])
def test_full_width_half_width_and_case_variants_match(word, text):
    assert word_filter((word, "review")).check(f"说{text}了").action == "review"


def test_normalise_maps_each_character_back_to_the_original_it_came_from():
    assert normalise("Ａ 法*ß") == ("a法ss", [0, 2, 4, 4])


def test_normalise_composes_a_letter_with_its_accent_and_maps_both_to_the_letter():
    assert normalise("Ae\u0301 b") == ("aéb", [0, 1, 4])


def test_normalise_turns_a_full_width_space_into_nothing():
    assert normalise("党\u3000建") == ("党建", [0, 2])


def test_a_text_without_any_rule_comes_back_unchanged():
    result = word_filter(("法轮", "replace")).check("基层党建工作推进会")
    assert (result.text, result.blocked, result.review, result.action) == (
        "基层党建工作推进会", None, [], None)


def test_an_empty_filter_finds_nothing():
    assert word_filter().check("任何内容").text == "任何内容"


def test_a_word_of_separators_only_is_skipped_when_building():
    assert len(word_filter(("* -", "block"), ("法轮", "block"))) == 1


# Replacing


def test_a_replaced_word_leaves_the_rest_of_the_text_exactly_as_it_was():
    result = word_filter(("法轮", "replace")).check("  前文，法轮。\n后文  ")
    assert result.text == "  前文，***。\n后文  "


def test_a_replaced_span_swallows_the_spaces_inserted_inside_the_word():
    result = word_filter(("法轮", "replace", "**")).check("前文 法　\u200b轮 后文")
    assert result.text == "前文 ** 后文"


def test_a_word_found_twice_is_replaced_twice():
    assert word_filter(("坏", "replace", "X")).check("坏人坏事").text == "X人X事"


def test_overlapping_replace_matches_become_one_replacement():
    result = word_filter(("法轮", "replace", "[1]"), ("轮功", "replace", "[2]")).check("练法轮功吗")
    assert result.text == "练[1]吗"


def test_a_word_inside_a_longer_word_is_replaced_with_the_longer_one():
    result = word_filter(("轮", "replace", "[1]"), ("法轮功", "replace", "[2]")).check("练法轮功吗")
    assert result.text == "练[2]吗"


def test_adjacent_replace_matches_are_replaced_one_by_one():
    result = word_filter(("ab", "replace", "[1]"), ("cd", "replace", "[2]")).check("xａｂ-ｃｄx")
    assert result.text == "x[1]-[2]x"


def test_a_letter_with_a_combining_accent_is_replaced_whole():
    result = word_filter(("café", "replace")).check("un cafe\u0301 noir")
    assert result.text == "un *** noir"


# Block and review


def test_block_wins_over_review():
    result = word_filter(("审核词", "review"), ("禁词", "block")).check("审核词和禁词")
    assert (result.action, result.blocked.word, [r.word for r in result.review]) == (
        "block", "禁词", ["审核词"])


def test_the_first_block_rule_found_is_the_one_reported():
    result = word_filter(("乙", "block"), ("甲", "block")).check("甲乙")
    assert result.blocked.word == "甲"


def test_every_review_rule_found_is_listed_once_in_order():
    result = word_filter(("甲", "review"), ("乙", "review"), ("丙", "review")).check("乙甲乙")
    assert (result.action, [r.word for r in result.review]) == ("review", ["乙", "甲"])


# Posts


def test_a_word_split_between_title_and_body_is_not_found():
    result = check_post("关于法", "轮的讨论", word_filter(("法轮", "block")))
    assert (result.blocked, result.action) == (None, None)


def test_check_post_replaces_in_the_title_and_the_body_and_combines_the_findings():
    rules = word_filter(("坏", "replace", "X"), ("审", "review"), ("禁", "block"))
    result = check_post("坏审", "审坏禁", rules)
    assert (result.title, result.body, result.action, [r.word for r in result.review]) == (
        "X审", "审X禁", "block", ["审"])


# The filter of the database, and its writes


def test_active_filter_picks_up_an_added_word_and_drops_a_removed_one():
    admin = make_user()
    assert active_filter().check("说法轮").action is None
    rule = add_word(" 法轮 ", "block", actor=admin)
    assert active_filter().check("说法 轮").blocked.id == rule.id
    remove_word(rule, admin)
    assert active_filter().check("说法轮").action is None


def test_active_filter_reads_nothing_while_the_rules_are_unchanged(count_queries):
    add_word("法轮", "review")
    active_filter()
    with count_queries() as queries:  # the version comes from the worker's settings cache
        assert active_filter().check("法轮").action == "review"
    assert len(queries) == 0


def test_add_word_and_remove_word_are_logged_with_their_actor():
    admin = make_user()
    rule = add_word("坏词", "replace", replacement="##", actor=admin)
    remove_word(rule, admin)
    logged = db.session.scalars(db.select(ModAction).order_by(ModAction.id)).all()
    assert [(a.action, a.target_type, a.target_id, a.actor_id) for a in logged] == [
        ("word_add", "word", rule.id, admin.id), ("word_remove", "word", rule.id, admin.id)]


@pytest.mark.parametrize("word, action", [
    ("", "block"), ("   ", "block"), ("长" * 101, "block"), ("词", "delete"), ("* - ·", "block"),
    ("ＢＡＤ", "block"), ("b a d", "review"), ("Bad", "replace"),
])
def test_a_refused_word_changes_nothing(word, action):
    add_word("bad", "block")
    version = get_setting("word_rules_version")
    with pytest.raises(Refused):
        add_word(word, action)
    db.session.rollback()
    assert (count(WordRule), count(ModAction)) == (1, 1)
    assert get_setting("word_rules_version") == version


# What a reader sees (issue 12, item 8): the rendered text is checked too


@pytest.mark.parametrize("body", [
    "说&#27861;轮功", "说&#x6CD5;轮功", "说&#27861;&#36718;功",       # entities
    "说法<b></b>轮功", "说法<strong>轮</strong>功", "说<i>法</i>轮功",  # allowed tags
    "说法<!-- 注释 -->轮功", "说法<span>轮</span>功",                 # comments, stripped tags
    "说`法`轮功", "说法``轮``功",                                       # inline code
    "说[法](https://example.com)轮功", "说[法轮](x)功", "说[**法**](x)轮功",  # link text
    "说法**轮**功", "说法\\轮功",                                       # emphasis, an escape
])
def test_a_word_hidden_by_markup_is_found_in_the_rendered_text(body):
    assert check_post("标题", body, word_filter(("法轮", "block"))).action == "block"


def test_a_review_word_hidden_by_markup_is_sent_to_review():
    result = check_post("标题", "说&#27861;轮功", word_filter(("法轮", "review")))
    assert result.action == "review" and [r.word for r in result.review] == ["法轮"]


def test_a_replace_word_visible_only_once_rendered_sends_the_post_to_review_unchanged():
    result = check_post("标题", "说法<b></b>轮功", word_filter(("法轮", "replace", "**")))
    assert result.action == "review" and [r.word for r in result.review] == ["法轮"]
    assert result.body == "说法<b></b>轮功"


def test_a_replace_word_in_the_source_is_replaced_and_needs_no_review():
    result = check_post("标题", "说法轮功", word_filter(("法轮", "replace", "某某")))
    assert (result.body, result.action) == ("说某某功", None)
    assert "某某" in result.body_html


def test_markup_that_hides_nothing_is_not_flagged():
    result = check_post("标题", "**法**律与[轮](x)班", word_filter(("法轮", "block")))
    assert result.action is None


def test_a_post_hiding_a_blocked_word_in_an_entity_is_refused_and_nothing_is_saved(member_client, board):
    add_word("法轮", "block")
    response = post_form(member_client, f"/b/{board.slug}/new",
                         {"title": "讨论", "body": "说&#27861;<b></b>轮功"})
    assert response.status_code == 200
    assert says(response.get_data(as_text=True),
                "Your post contains “%(word)s”, which is not allowed here.", word="法轮")
    assert count(Post) == 0
