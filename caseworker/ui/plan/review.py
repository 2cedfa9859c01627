"""A readable HTML summary of the plan (review in step 5 and in the plan editor)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from caseworker.reference import Reference
from caseworker.services.plan import GoalView, PlanView
from caseworker.ui.forms import format_date

from .steps import actor_name
from .widgets import format_euro


def _labels() -> dict[str, str]:
    return {
        "household": QCoreApplication.translate("plan", "Household"),
        "goals": QCoreApplication.translate("plan", "Goals"),
        "actions": QCoreApplication.translate("plan", "Actions"),
        "provisions": QCoreApplication.translate("plan", "Provisions"),
        "due": QCoreApplication.translate("plan", "due"),
        "step": QCoreApplication.translate("plan", "step"),
        "coordinator": QCoreApplication.translate("plan", "Coordinator"),
        "evaluation": QCoreApplication.translate("plan", "Evaluation"),
    }


def _domain(reference: Reference, g: GoalView) -> str:
    inst = reference.instruments.get(g.instrument or "")
    if inst is None or not g.zrm_domain:
        return ""
    try:
        return f" · {escape(inst.domain(g.zrm_domain).name)}"
    except KeyError:
        return ""


def plan_html(plan: PlanView, reference: Reference, persons: dict[str, str]) -> str:
    label = _labels()

    def who(pid: str | None) -> str:
        return escape(persons.get(pid or "", label["household"]))

    parts = [f"<h3>{label['goals']}</h3><ul>"]
    for g in plan.goals:
        score = f" · {g.baseline_score or '–'} → {g.target_score or '–'}"
        due = f" · {label['due']} {format_date(g.due_on)}" if g.due_on else ""
        text = f"{escape(g.description)}{_domain(reference, g)}{score}{due}"
        parts.append(f"<li><b>{who(g.person_id)}</b>: {text}</li>")
    parts.append(f"</ul><h3>{label['actions']}</h3><ul>")
    for a in sorted(plan.actions, key=lambda a: (a.step, a.position)):
        why = f"<br><i>{escape(a.justification)}</i>" if a.justification else ""
        actor = escape(actor_name(a.actor.value))
        parts.append(f"<li>[{label['step']} {a.step}] {escape(a.description)} — {actor}{why}</li>")
    parts.append(f"</ul><h3>{label['provisions']}</h3><ul>")
    for p in plan.provisions:
        item = reference.catalogue.get(p.catalogue_code)
        name = escape(item.name if item else p.catalogue_code)
        cost = f" · {format_euro(p.cost_cents_per_period)}" if p.cost_cents_per_period else ""
        funding = p.funding.value.upper() if p.funding.value != "none" else "–"
        parts.append(
            f"<li>{name} ({funding}) — {who(p.person_id)} · {format_date(p.start_on)}{cost}</li>"
        )
    parts.append("</ul>")
    if plan.coordinator_name:
        parts.append(f"<p>{label['coordinator']}: {escape(plan.coordinator_name)}</p>")
    if plan.evaluation_on:
        parts.append(f"<p>{label['evaluation']}: {format_date(plan.evaluation_on)}</p>")
    return "".join(parts)
