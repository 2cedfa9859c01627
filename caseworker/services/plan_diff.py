"""Readable Dutch differences between two plan revisions (snapshots of ``plan.build_snapshot``).

Items are matched by id, so an edited goal shows as changes, not as removed + added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

SECTIONS: tuple[tuple[str, str], ...] = (
    ("goals", "Doel"),
    ("actions", "Actie"),
    ("provisions", "Voorziening"),
)

FIELD_LABELS: dict[str, str] = {
    "coordinator_id": "Regisseur",
    "summary": "Samenvatting",
    "evaluation_on": "Evaluatiedatum",
    "description": "Omschrijving",
    "person_id": "Gezinslid",
    "life_area": "Leefgebied",
    "instrument": "Instrument",
    "zrm_domain": "ZRM-domein",
    "baseline_score": "Beginscore",
    "target_score": "Streefscore",
    "due_on": "Streefdatum",
    "status": "Status",
    "goal_id": "Gekoppeld doel",
    "actor": "Uitvoerder",
    "network_contact_id": "Netwerklid",
    "provider": "Aanbieder",
    "step": "Trede",
    "justification": "Onderbouwing",
    "done_on": "Afgerond op",
    "catalogue_code": "Voorziening",
    "kind": "Soort",
    "law": "Wet",
    "funding": "Financiering",
    "pgb_reason": "Reden PGB",
    "units": "Omvang",
    "unit": "Eenheid",
    "start_on": "Begindatum",
    "end_on": "Einddatum",
    "cost_cents_per_period": "Kosten per periode",
    "cost_period": "Kostenperiode",
}

VALUE_NAMES: dict[str, dict[str, str]] = {
    "actor": {
        "self": "het gezin zelf",
        "network": "sociaal netwerk",
        "caseworker": "WIJ-medewerker",
        "provider": "aanbieder",
    },
    "funding": {"zin": "zorg in natura", "pgb": "PGB", "none": "geen"},
    "kind": {"general": "algemene voorziening", "tailored": "maatwerkvoorziening"},
    "status": {
        "open": "open",
        "reached": "behaald",
        "not_reached": "niet behaald",
        "cancelled": "vervallen",
        "proposed": "voorgesteld",
        "granted": "toegekend",
        "ended": "beëindigd",
        "rejected": "afgewezen",
    },
    "cost_period": {"week": "week", "month": "maand", "year": "jaar", "once": "eenmalig"},
}

#: Fields never reported (ids of the row itself; references shown only as 'changed').
_SKIP = frozenset({"id", "household_id", "plan_id", "decision_on", "position"})
_REFERENCES = frozenset({"coordinator_id", "person_id", "goal_id", "network_contact_id"})
_LONG = 60
_ORDER = {name: index for index, name in enumerate(FIELD_LABELS)}


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "added" | "removed" | "changed"
    section: str  # "plan" | "goals" | "actions" | "provisions"
    subject_id: str | None
    text: str


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LONG else text[: _LONG - 1] + "…"


def _value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "leeg"
    if field in VALUE_NAMES:
        return VALUE_NAMES[field].get(str(value), str(value))
    if field == "cost_cents_per_period" and isinstance(value, int):
        return f"€ {value // 100},{value % 100:02d}"
    if field.endswith("_on") and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d-%m-%Y")
        except ValueError:
            return value
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}".replace(".", ",")
    if isinstance(value, str):
        return _short(value)
    return str(value)


def _title(section_label: str, item: dict[str, Any]) -> str:
    name = item.get("description") or item.get("catalogue_code") or ""
    return f"{section_label} “{_short(str(name))}”" if name else section_label


def _field_changes(
    before: dict[str, Any],
    after: dict[str, Any],
    prefix: str,
    section: str,
    subject: str | None,
    labels: Mapping[str, str],
) -> list[DiffLine]:
    lines: list[DiffLine] = []
    for field in sorted(set(before) | set(after), key=lambda f: (_ORDER.get(f, 999), f)):
        if field in _SKIP:
            continue
        old, new = before.get(field), after.get(field)
        if old == new:
            continue
        label = FIELD_LABELS.get(field, field)
        if field in _REFERENCES:
            if old in labels or new in labels:
                old_name = labels.get(old, "leeg") if old else "leeg"
                new_name = labels.get(new, "leeg") if new else "leeg"
                text = f"{label} gewijzigd van {old_name} naar {new_name}"
            else:
                text = f"{label} gewijzigd"
        elif field in ("description", "summary", "justification", "pgb_reason"):
            text = f"{label} gewijzigd naar “{_value(field, new)}”"
        else:
            text = f"{label} gewijzigd van {_value(field, old)} naar {_value(field, new)}"
        lines.append(DiffLine("changed", section, subject, f"{prefix}{text}"))
    return lines


def diff_revisions(
    old_snapshot: dict[str, Any] | None,
    new_snapshot: dict[str, Any],
    labels: Mapping[str, str] | None = None,
) -> list[DiffLine]:
    """What changed from ``old_snapshot`` (None: the first revision) to ``new_snapshot``.

    ``labels`` optionally maps ids (persons, network contacts, users, goals) to display
    names, so that e.g. a changed coordinator reads "Regisseur gewijzigd van A naar B"."""
    names: Mapping[str, str] = labels or {}
    old = old_snapshot or {"plan": {}, "goals": [], "actions": [], "provisions": []}
    lines = _field_changes(
        old.get("plan", {}), new_snapshot.get("plan", {}), "", "plan", None, names
    )
    if old_snapshot is None:
        lines = []  # the first revision: only the items are listed, as added
    for section, label in SECTIONS:
        before = {item["id"]: item for item in old.get(section, [])}
        after = {item["id"]: item for item in new_snapshot.get(section, [])}
        for item_id, item in after.items():
            if item_id not in before:
                lines.append(
                    DiffLine("added", section, item_id, f"{label} toegevoegd: {_describe(item)}")
                )
        for item_id, item in after.items():
            if item_id in before:
                prefix = f"{_title(label, before[item_id])}: "
                lines.extend(_field_changes(before[item_id], item, prefix, section, item_id, names))
        for item_id, item in before.items():
            if item_id not in after:
                lines.append(
                    DiffLine("removed", section, item_id, f"{label} verwijderd: {_describe(item)}")
                )
    return lines


def _describe(item: dict[str, Any]) -> str:
    name = item.get("description") or item.get("catalogue_code") or "(zonder omschrijving)"
    extra = f" (trede {item['step']})" if item.get("step") is not None else ""
    return f"{_short(str(name))}{extra}"
