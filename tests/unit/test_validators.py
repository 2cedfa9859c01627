"""Validation rules (BSN 11-proef, postcode, scores, steps, dates): pure functions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseworker.models import Person, ValidationError, bsn_is_valid, normalise_bsn
from caseworker.models.validators import (
    check_birth_date,
    check_date_order,
    check_score,
    check_step,
    normalise_postcode,
    require_text,
)

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _check_digit(first8: str) -> int | None:
    """The ninth digit that makes ``first8`` pass the 11-proef, or None if none does."""
    total = sum(int(d) * w for d, w in zip(first8, WEIGHTS, strict=True))
    digit = total % 11
    return digit if digit <= 9 else None


@pytest.mark.parametrize(
    "bsn", ["111222333", "123456782", "012345672", "999999990", "100000009", "900000004"]
)
def test_known_valid_bsns(bsn: str) -> None:
    assert bsn_is_valid(bsn)
    assert normalise_bsn(bsn) == bsn


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",
        "111222334",
        "000000000",
        "12345678",
        "1234567820",
        "12345678a",
        "１２３４５６７８２",  # full-width digits are not ASCII digits
        "",
        " 111222333",
    ],
)
def test_known_invalid_bsns(bsn: str) -> None:
    assert not bsn_is_valid(bsn)


def test_normalise_bsn_strips_separators_and_restores_the_leading_zero() -> None:
    assert normalise_bsn("111.222.333") == "111222333"
    assert normalise_bsn(" 1112 22-333 ") == "111222333"
    assert normalise_bsn("12345672") == "012345672"  # written without its leading zero
    assert normalise_bsn("") is None
    assert normalise_bsn("  ") is None
    assert normalise_bsn(None) is None


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_every_computed_check_digit_is_valid(first8: str) -> None:
    digit = _check_digit(first8)
    if digit is None or first8 + str(digit) == "000000000":
        # No ninth digit completes this prefix: every candidate is refused.
        assert not any(bsn_is_valid(first8 + str(d)) for d in range(10))
        return
    bsn = first8 + str(digit)
    assert bsn_is_valid(bsn)
    assert normalise_bsn(bsn) == bsn


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_change_is_detected(first8: str, position: int, delta: int) -> None:
    digit = _check_digit(first8)
    if digit is None:
        return
    valid = first8 + str(digit)
    changed = valid[:position] + str((int(valid[position]) + delta) % 10) + valid[position + 1 :]
    assert changed != valid
    assert not bsn_is_valid(changed)


@given(st.text(max_size=12))
def test_bsn_messages_never_echo_the_value(value: str) -> None:
    try:
        normalise_bsn(value)
    except ValidationError as err:
        assert err.field == "bsn"
        cleaned = "".join(c for c in value if not c.isspace() and c not in ".-")
        if len(cleaned) >= 3:
            assert cleaned not in str(err)
            assert cleaned not in err.message


def test_person_model_refuses_an_invalid_bsn_without_echoing_it() -> None:
    with pytest.raises(ValidationError) as info:
        Person(given_name="Kim", family_name="Test", bsn="123456789")
    assert info.value.field == "bsn"
    assert "123456789" not in str(info.value)
    assert Person(given_name="Kim", family_name="Test", bsn="111 222 333").bsn == "111222333"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9712AB", "9712 AB"),
        ("9712 ab", "9712 AB"),
        ("  9712 Ab ", "9712 AB"),
        ("1000aa", "1000 AA"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_postcode_normalisation(raw: str | None, expected: str | None) -> None:
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize("raw", ["0712 AB", "971 AB", "97123 AB", "9712 A", "9712-AB", "9712 A1"])
def test_invalid_postcode_is_refused_without_echo(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_postcode(raw)
    assert info.value.field == "postcode"
    assert raw.strip() not in str(info.value)


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5, None])
def test_scores_in_range(value: int | None) -> None:
    assert check_score(value) == value


@pytest.mark.parametrize("value", [0, 6, -1, True, 2.5, "3"])
def test_scores_out_of_range_or_wrong_type(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        check_score(value, field="target_score")  # type: ignore[arg-type]
    assert info.value.field == "target_score"


@pytest.mark.parametrize("value", [1, 2, 3, 4])
def test_steps_in_range(value: int) -> None:
    assert check_step(value) == value


@pytest.mark.parametrize("value", [0, 5, True, 1.0, "2"])
def test_steps_out_of_range(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        check_step(value)  # type: ignore[arg-type]
    assert info.value.field == "step"


def test_date_order() -> None:
    check_date_order(date(2026, 1, 1), date(2026, 1, 1))
    check_date_order(None, date(2026, 1, 1))
    check_date_order(date(2026, 1, 1), None)
    with pytest.raises(ValidationError) as info:
        check_date_order(date(2026, 1, 2), date(2026, 1, 1), field="end_on")
    assert info.value.field == "end_on"
    assert "2026" not in str(info.value)


def test_birth_date() -> None:
    today = date(2026, 11, 23)
    assert check_birth_date(date(2010, 5, 17), today) == date(2010, 5, 17)
    assert check_birth_date(today, today) == today
    assert check_birth_date(None, today) is None
    for bad in (date(2026, 11, 24), date(1900, 1, 1)):
        with pytest.raises(ValidationError) as info:
            check_birth_date(bad, today)
        assert info.value.field == "birth_date"
        assert str(bad.year) not in str(info.value)
        assert bad.strftime("%d-%m-%Y") not in str(info.value)


def test_require_text() -> None:
    assert require_text("  Schulden  ", "reason") == "Schulden"
    for empty in (None, "", "   \n"):
        with pytest.raises(ValidationError) as info:
            require_text(empty, "reason")
        assert info.value.field == "reason"
