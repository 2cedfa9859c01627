"""The server's decoding of device values (codec.decode): each kind of column takes its
JSON form and refuses everything else with a message that names the field, not the value."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from caseworker.models import HouseholdStatus
from caseworker.server.codec import TABLES, CodecError, decode

_MOMENT = datetime(2026, 12, 2, 7, 30, 15, tzinfo=UTC)


def _decode(field: str, value: Any) -> Any:
    table, column = field.split(".")
    return decode(table, TABLES[table].columns[column], value)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("households.status", "active", HouseholdStatus.ACTIVE),
        ("households.deleted", True, True),
        ("provisions.units", 12, 12.0),
        ("provisions.units", 2.5, 2.5),
        ("provisions.step", 3, 3),
        (
            "households.updated_at",
            "2026-12-02T08:30:15+01:00",
            datetime(2026, 12, 2, 7, 30, 15, tzinfo=UTC),
        ),
        ("households.opened_on", "2026-12-02", date(2026, 12, 2)),
        ("households.name", "Familie de Vries", "Familie de Vries"),
        ("households.closing_note", None, None),
        ("conflicts.base_value", {"a": [1, "b", None]}, {"a": [1, "b", None]}),
    ],
)
def test_good_values_decode(field: str, value: Any, expected: Any) -> None:
    assert _decode(field, value) == expected


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("households.status", "gesloten?", "is not one of: "),
        ("households.status", 1, "is not one of: "),
        ("households.deleted", 1, "must be true or false"),
        ("provisions.units", "12", "must be a number"),
        ("provisions.units", True, "must be a number"),
        ("provisions.units", 10**7, "is out of range"),
        ("provisions.units", float("nan"), "is out of range"),
        ("provisions.step", 2.5, "must be a whole number"),
        ("provisions.step", 2**31, "is out of range"),
        ("households.updated_at", "gisteren", "must be an ISO 8601 date-time"),
        ("households.updated_at", 20261202, "must be an ISO 8601 date-time"),
        ("households.updated_at", "2026-12-02T08:30:15", "must carry a UTC offset"),
        ("households.updated_at", "1850-01-01T00:00:00+00:00", "is out of range"),
        ("households.opened_on", "02-12-2026", "must be a date YYYY-MM-DD"),
        ("households.opened_on", "1700-01-01", "is out of range"),
        ("households.name", None, "may not be empty"),
        ("households.name", 42, "must be text"),
        ("households.name", "a\x00b", "contains a NUL character"),
        ("households.name", "x" * 10_000, "is longer than"),
        ("conflicts.base_value", float("inf"), "holds a non-finite number"),
    ],
)
def test_bad_values_are_refused_by_field(field: str, value: Any, message: str) -> None:
    with pytest.raises(CodecError) as refused:
        _decode(field, value)
    assert refused.value.field == field
    assert message in str(refused.value)
    if isinstance(value, str) and len(value) > 3:
        assert value not in str(refused.value)  # the value itself is never repeated
