"""A readable HTML summary of the plan (review in step 5 and in the plan editor)."""

from __future__ import annotations

from html import escape

from caseworker.reference import Reference
from caseworker.services.plan import PlanView

from .steps import actor_name
from .widgets import format_date, format_euro, tr


def plan_html(plan: PlanView, reference: Reference, persons: dict[str, str]) -> str:
    def who(pid: str | None) -> str:
        return escape(persons.get(pid or "", tr("Household")))

    parts = [f"<h3>{tr('Goals')}</h3><ul>"]
    for g in plan.goals:
        domain = ""
        inst = reference.instruments.get(g.instrument or "")
        if inst and g.zrm_domain:
            try:
                domain = f" · {escape(inst.domain(g.zrm_domain).name)}"
            except KeyError:
                domain = ""
        score = f" · {g.baseline_score or '–'} → {g.target_score or '–'}"
        due = f" · {tr('due')} {format_date(g.due_on)}" if g.due_on else ""
        parts.append(
            f"<li><b>{who(g.person_id)}</b>: {escape(g.description)}{domain}{score}{due}</li>"
        )
    parts.append(f"</ul><h3>{tr('Actions')}</h3><ul>")
    for a in sorted(plan.actions, key=lambda a: (a.step, a.position)):
        why = f"<br><i>{escape(a.justification)}</i>" if a.justification else ""
        parts.append(
            f"<li>[{tr('step')} {a.step}] {escape(a.description)} — "
            f"{escape(actor_name(a.actor.value))}{why}</li>"
        )
    parts.append(f"</ul><h3>{tr('Provisions')}</h3><ul>")
    for p in plan.provisions:
        item = reference.catalogue.get(p.catalogue_code)
        name = escape(item.name if item else p.catalogue_code)
        cost = f" · {format_euro(p.cost_cents_per_period)}" if p.cost_cents_per_period else ""
        parts.append(
            f"<li>{name} ({p.funding.value.upper()}) — {who(p.person_id)}"
            f" · {format_date(p.start_on)}{cost}</li>"
        )
    parts.append("</ul>")
    if plan.coordinator_name:
        parts.append(f"<p>{tr('Coordinator')}: {escape(plan.coordinator_name)}</p>")
    if plan.evaluation_on:
        parts.append(f"<p>{tr('Evaluation')}: {format_date(plan.evaluation_on)}</p>")
    return "".join(parts)
