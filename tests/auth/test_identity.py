"""Real-name data: ID numbers (GB 11643-1999), mobile numbers and names, with no database."""
import hashlib
import hmac
from datetime import date

import pytest
from flask import current_app
from flask_babel import gettext as _

from forum.auth.identity import (IdNumber, digest, mask, parse_id_number, parse_phone,
                                 parse_real_name)
from forum.service import Refused

STANDARD_EXAMPLES = ["11010519491231002X", "440524188001010014"]
BAD_FORMAT = "An ID number has 18 characters: 17 digits, then a digit or X."
BAD_CHECK = "This ID number's check digit is wrong; check it for typing errors."
BAD_DATE = "The birth date in this ID number is not possible."
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def with_check_digit(first17):
    """The standard's MOD 11-2 check digit, computed here independently of stdnum."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    check = (12 - total % 11) % 11
    return first17 + ("X" if check == 10 else str(check))


def refusal(parse, text):
    with pytest.raises(Refused) as caught:
        parse(text)
    return caught.value


def test_the_standards_first_example_is_valid():
    parsed = parse_id_number("11010519491231002X")
    assert parsed == IdNumber(masked="110105********002X", birth_date=date(1949, 12, 31),
                              digest=digest("11010519491231002X"))


def test_the_standards_second_example_passes_the_checksum_but_born_1880_is_too_early():
    # 440524188001010014 is checksum-valid; only the 1900-01-01 floor refuses it.
    assert refusal(parse_id_number, "440524188001010014").message == _(BAD_DATE)


def test_the_independent_check_digit_agrees_with_the_standards_examples():
    assert [with_check_digit(n[:17]) for n in STANDARD_EXAMPLES] == STANDARD_EXAMPLES


@pytest.mark.parametrize("number", STANDARD_EXAMPLES)
def test_changing_any_digit_breaks_the_checksum(number):
    for position, old in enumerate(number):
        for new in "0123456789X" if position == 17 else "0123456789":
            if new != old:
                changed = number[:position] + new + number[position + 1:]
                assert refusal(parse_id_number, changed).message == _(BAD_CHECK), changed


def test_a_lower_case_x_is_accepted():
    assert parse_id_number("11010519491231002x") == parse_id_number("11010519491231002X")


def test_full_width_digits_and_spaces_are_accepted():
    typed = " 110105 19491231 002X ".translate(FULL_WIDTH)
    assert parse_id_number(typed) == parse_id_number("11010519491231002X")


@pytest.mark.parametrize("birth", ["19490230", "19491301", "19490000", "18991231", "00000101"])
def test_an_impossible_birth_date_is_refused_with_its_own_message(birth):
    error = refusal(parse_id_number, with_check_digit(f"110105{birth}001"))
    assert error.message == _(BAD_DATE) and error.field == "id_number"


def test_a_birth_date_in_the_future_is_refused():
    future = date.today().replace(day=1).year + 1
    error = refusal(parse_id_number, with_check_digit(f"520524{future}0101001"))
    assert error.message == _(BAD_DATE)


def test_the_first_birthday_allowed_is_1900_01_01():
    assert parse_id_number(with_check_digit("52052419000101001")).birth_date == date(1900, 1, 1)


def test_a_region_code_unknown_to_stdnum_is_not_refused():
    # stdnum's own validate() refuses 440524188001010014 (a county "created in 1983").
    assert parse_id_number(with_check_digit("99999919800101001")).masked.startswith("999999")


def test_a_15_digit_first_generation_number_is_refused_asking_for_18_digits():
    error = refusal(parse_id_number, "110105491231002")
    assert "18" in error.message and error.message != _(BAD_FORMAT)
    assert error.field == "id_number"


@pytest.mark.parametrize("text", ["11010519491231A02X", "X1010519491231002X", "11010519491231002",
                                  "11010519491231002X1", "", "1101-0519491231002X",
                                  "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"])
def test_a_number_not_17_digits_and_a_digit_or_x_is_refused(text):
    assert refusal(parse_id_number, text).message == _(BAD_FORMAT)


def test_the_three_id_number_messages_differ():
    assert len({_(BAD_FORMAT), _(BAD_CHECK), _(BAD_DATE)}) == 3


def test_mask_keeps_the_first_6_and_the_last_4_characters():
    assert mask("11010519491231002X") == "110105********002X"


def test_the_same_number_gives_the_same_digest():
    assert digest("11010519491231002X") == digest("11010519491231002x")


def test_different_numbers_give_different_digests():
    assert digest(STANDARD_EXAMPLES[0]) != digest(STANDARD_EXAMPLES[1])


def test_the_digest_does_not_reveal_the_number():
    number = "440524188001010014"
    hashed = digest(number)
    assert len(hashed) == 64 and number not in hashed and number[:6] not in hashed
    assert hashed != hashlib.sha256(number.encode()).hexdigest()  # keyed, not a plain hash


def test_the_digest_is_keyed_by_the_file_in_the_instance_folder(tmp_path, monkeypatch):
    before = digest("11010519491231002X")
    (tmp_path / "id_hash_key").write_text("a known key\n")
    monkeypatch.setitem(current_app.config, "INSTANCE_PATH", str(tmp_path))
    expected = hmac.new(b"a known key", b"11010519491231002X", hashlib.sha256).hexdigest()
    assert digest("11010519491231002X") == expected != before


def test_a_missing_key_is_created_readable_by_the_owner_only(tmp_path, monkeypatch):
    folder = tmp_path / "instance"
    monkeypatch.setitem(current_app.config, "INSTANCE_PATH", str(folder))
    first = digest("11010519491231002X")
    assert (folder / "id_hash_key").stat().st_mode & 0o777 == 0o600
    assert digest("11010519491231002X") == first


@pytest.mark.parametrize("text", ["13812345678", "+86 138-1234-5678", "86 13812345678",
                                  "138 1234 5678", "１３８１２３４５６７８", "0086-13812345678"])
def test_mobile_numbers_are_accepted_as_11_digits(text):
    assert parse_phone(text) == "13812345678"


@pytest.mark.parametrize("text", ["12345678901", "1381234567", "23812345678", "138123456789",
                                  "0857-7622123", "08577622123", "010-12345678", "", "1381234567a",
                                  "+1 13812345678", "١٣٨١٢٣٤٥٦٧٨"])
def test_other_numbers_and_landlines_are_refused(text):
    assert refusal(parse_phone, text).field == "phone"


@pytest.mark.parametrize("text,name", [
    ("张三", "张三"), (" 张三 ", "张三"), ("阿依古丽·买买提", "阿依古丽·买买提"),
    ("阿依古丽・买买提", "阿依古丽·买买提"), ("阿依古丽.买买提", "阿依古丽·买买提"),
    ("John  Smith", "John Smith"), ("O'Brien", "O'Brien"),
    ("欧阳" + "娜" * 18, "欧阳" + "娜" * 18)])
def test_chinese_minority_and_foreign_names_are_accepted(text, name):
    assert parse_real_name(text) == name


@pytest.mark.parametrize("text", ["张", "张" * 21, "张3", "<b>张三</b>", "", "   ", "·张三",
                                  "张三·", "张··三", "张 三", "张三John", "Robert'); DROP"])
def test_short_long_numbered_and_marked_up_names_are_refused(text):
    assert refusal(parse_real_name, text).field == "real_name"


def test_an_empty_name_and_a_long_name_have_their_own_messages():
    messages = {refusal(parse_real_name, text).message for text in ["", "张" * 21, "张3"]}
    assert len(messages) == 3
