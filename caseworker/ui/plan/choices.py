"""Plain choices the plan and intake dialogs offer (filled by the gateways from services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseworker.reference import Instrument, Reference


@dataclass(frozen=True)
class PersonChoice:
    id: str
    label: str  # shown in combos; never logged
    is_child: bool = False
    birth_date: date | None = None


@dataclass(frozen=True)
class NetworkChoice:
    id: str
    label: str


def instruments_for(reference: Reference, *, household: bool, child: bool) -> list[Instrument]:
    """The instruments that fit a subject: household variant, person, and children supplement."""
    wanted = ["zrm-household"] if household else ["zrm-2017", *(["zrm-children"] if child else [])]
    found = [reference.instruments[c] for c in wanted if c in reference.instruments]
    if found:
        return found
    return list(reference.instruments.values())


def level_label(instrument: Instrument | None, score: int) -> str:
    if instrument is not None:
        for level in instrument.levels:
            if level.score == score:
                return f"{score} – {level.name}"
    return str(score)
