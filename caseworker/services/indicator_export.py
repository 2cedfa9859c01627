"""CSV export of the team's indicators (aggregates only, no household ids), audited as EXPORT.

Dutch spreadsheet conventions: ``;`` separator, decimal comma, UTF-8 with BOM so
that Excel opens it correctly.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sqlalchemy.orm import Session

from .audit import AuditAction, record
from .context import ServiceContext
from .indicators import Indicator, Indicators

INDICATOR_LABELS: dict[str, str] = {
    "goal_realisation": "Doelrealisatie o.b.v. ZRM (seed 001)",
    "sustained_step_down": "Duurzame afschaling maatwerk",
    "sustained_exit": "Duurzame uitstroom",
    "relapse": "Terugval / hergebruik binnen 12 maanden",
    "stacking": "Stapeling (3+ maatwerkvoorzieningen)",
    "cost_per_household": "Kosten per huishouden",
}
EXPERIENCE_LABELS: dict[str, str] = {
    "own_control": "Cliëntervaring: eigen regie",
    "self_reliance": "Cliëntervaring: zelfredzaamheid",
    "quality_of_life": "Cliëntervaring: kwaliteit van leven",
    "fits_request": "Cliëntervaring: past bij de hulpvraag",
    "support_quality": "Cliëntervaring: kwaliteit ondersteuning",
}
HEADER = ("indicator", "waarde", "eenheid", "teller", "noemer")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "cents":
        return f"{value / 100:.2f}".replace(".", ",")
    return f"{value * 100:.1f}".replace(".", ",")


def indicator_rows(indicators: Indicators) -> list[tuple[str, str, str, str, str]]:
    """The exported rows (also what the dashboard shows), label first."""
    rows: list[tuple[str, str, str, str, str]] = []
    for code, label in INDICATOR_LABELS.items():
        ind: Indicator = getattr(indicators, code)
        unit = "euro" if ind.unit == "cents" else "%"
        rows.append(
            (label, _number(ind.value, ind.unit), unit, str(ind.numerator), str(ind.denominator))
        )
    for usage in indicators.users_per_category:
        rows.append(
            (f"Gebruik {usage.category}", str(usage.households), "huishoudens",
             str(usage.persons), "")
        )  # fmt: skip
    for q in indicators.client_experience:
        agree = q.agree / q.answers if q.answers else None
        rows.append(
            (EXPERIENCE_LABELS.get(q.question, q.question), _number(agree, "share"), "%",
             str(q.agree), str(q.answers))
        )  # fmt: skip
    return rows


def export_indicators_csv(
    session: Session, ctx: ServiceContext, indicators: Indicators, target: TextIO
) -> int:
    """Write the indicators as CSV to ``target``; returns the number of data rows."""
    rows = indicator_rows(indicators)
    writer = csv.writer(target, delimiter=";", lineterminator="\r\n")
    target.write("\ufeff")
    writer.writerow(
        ("periode", indicators.period_start.strftime("%d-%m-%Y"),
         indicators.period_end.strftime("%d-%m-%Y"), "", "")
    )  # fmt: skip
    writer.writerow(HEADER)
    writer.writerows(rows)
    record(
        session,
        ctx,
        AuditAction.EXPORT,
        object_type="indicators",
        object_id=indicators.team_id,
        household_id=None,
        detail={
            "format": "csv",
            "team_id": indicators.team_id,
            "period_start": indicators.period_start.isoformat(),
            "period_end": indicators.period_end.isoformat(),
            "rows": len(rows),
        },
    )
    return len(rows)
