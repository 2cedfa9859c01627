"""Plain validation rules shared by models, services, forms and the server.

Nothing here may echo the value it rejects: messages end up in dialogs, logs
and HTTP responses, and a BSN or a name must never appear there.
"""

from __future__ import annotations

import re
from datetime import date

_BSN_RE = re.compile(r"^[0-9]{9}$")
_POSTCODE_RE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")

SCORE_MIN = 1
SCORE_MAX = 5


class ValidationError(ValueError):
    """A value that breaks a domain rule. ``field`` names the field, never its value."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def bsn_is_valid(bsn: str) -> bool:
    """The BSN 11-proef: 9 digits, sum(d_i * (9 - i)) - d_9 divisible by 11, not all zero."""
    if not _BSN_RE.match(bsn):
        return False
    digits = [int(c) for c in bsn]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and bsn != "000000000"


def normalise_bsn(value: str | None) -> str | None:
    """Strip spaces, dots and dashes; empty means 'no BSN'. Raises on an invalid number."""
    if value is None:
        return None
    cleaned = re.sub(r"[\s.\-]", "", value)
    if not cleaned:
        return None
    if len(cleaned) == 8 and cleaned.isdigit():
        cleaned = "0" + cleaned  # BSNs with a leading zero are often written with 8 digits
    if not bsn_is_valid(cleaned):
        raise ValidationError("bsn", "is geen geldig BSN (voldoet niet aan de 11-proef)")
    return cleaned


def normalise_postcode(value: str | None) -> str | None:
    """Dutch postcode as '9712 AB'. Empty means none."""
    if value is None or not value.strip():
        return None
    match = _POSTCODE_RE.match(value.strip())
    if not match:
        raise ValidationError("postcode", "moet de vorm 1234 AB hebben")
    return f"{match.group(1)} {match.group(2).upper()}"


def check_score(value: int | None, field: str = "score") -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "moet een geheel getal van 1 tot en met 5 zijn")
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ValidationError(field, "moet tussen 1 en 5 liggen")
    return value


def check_step(value: int, field: str = "step") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise ValidationError(field, "trede moet 1, 2, 3 of 4 zijn")
    return value


def check_date_order(start: date | None, end: date | None, field: str = "end") -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(field, "einddatum ligt voor de begindatum")


def check_birth_date(value: date | None, today: date | None = None) -> date | None:
    if value is None:
        return None
    today = today or date.today()
    if value > today:
        raise ValidationError("birth_date", "geboortedatum ligt in de toekomst")
    if value.year < today.year - 125:
        raise ValidationError("birth_date", "geboortedatum ligt te ver in het verleden")
    return value


def require_text(value: str | None, field: str, message: str = "is verplicht") -> str:
    if value is None or not value.strip():
        raise ValidationError(field, message)
    return value.strip()
