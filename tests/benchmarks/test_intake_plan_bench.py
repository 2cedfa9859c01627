"""Benchmark: intake draft saves (every field change), resume and plan reading (issue 5).

Run with ``make bench``. A realistic family plan (5 persons, 6 goals, 10 actions,
5 provisions) in a real encrypted store; each save is committed like the wizard
does. Figures go into docs/performance.md ("Intake and plan (services)").
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import text

from caseworker.models import Actor, Urgency
from caseworker.services import ServiceContext
from caseworker.services import intake as svc
from caseworker.services import nudges as nd
from caseworker.services import plan as plans
from caseworker.services import provisions as prov
from caseworker.store import OpenStore
from tests.unit.svc_family import TODAY, make_family, reference

pytestmark = pytest.mark.skipif(
    not os.environ.get("CASEWORKER_BENCH"), reason="benchmark: run with make bench"
)
WHY = "Lichtere hulp volstaat niet (goedkoopst adequaat)"


def _times(run: Callable[[int], None], n: int) -> tuple[float, float]:
    samples = []
    for i in range(n):
        start = time.perf_counter()
        run(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def test_intake_and_plan_latency(open_store: OpenStore, ctx: ServiceContext) -> None:
    ref = reference()
    with open_store.transaction() as s:
        family = make_family(s)
        intake_id = svc.start_intake(s, ctx, family.household_id, None)
        plan_id = plans.get_or_create_plan(s, ctx, family.household_id)
        people = [family.father_id, family.mother_id, family.eldest_id, family.middle_id]
        question_ids = [
            svc.save_question(
                s, ctx, intake_id, svc.QuestionInput(None, p, "zorg", "vraag", "onderliggend", "")
            )
            for p in people
        ]
        goals = [
            plans.add_goal(
                s,
                ctx,
                plan_id,
                plans.GoalInput(
                    people[i % 4], f"Doel {i}", "zorg", None, "financien", 2, 4, date(2027, 6, 1)
                ),
            )
            for i in range(6)
        ]
        for i in range(10):
            plans.add_action(
                s, ctx, plan_id,
                plans.ActionInput(goals[i % 6], f"Actie {i}", Actor.SELF, step=1 + i % 2),
            )  # fmt: skip
        for code in ("av-amw", "wmo-hh2", "jw-ambulant", "wmo-io-licht", "av-schuldhulpverlening"):
            prov.add_provision(
                s, ctx, ref, family.household_id,
                prov.ProvisionInput(code, family.mother_id, justification=WHY),
            )  # fmt: skip

    def save_field(i: int) -> None:
        with open_store.transaction() as s:
            svc.save_first_contact(
                s, ctx, intake_id,
                svc.FirstContactInput("school", "moeder", f"vraag {i}", Urgency.NORMAL),
            )  # fmt: skip

    def save_question(i: int) -> None:
        with open_store.transaction() as s:
            svc.save_question(
                s, ctx, intake_id,
                svc.QuestionInput(question_ids[i % 4], people[i % 4], "zorg", "v", f"o {i}", "r"),
            )  # fmt: skip

    def resume(_i: int) -> None:
        with open_store.session() as s:
            svc.load_intake(s, intake_id)

    def nudges(_i: int) -> None:
        with open_store.session() as s:
            nd.plan_nudges(s, family.household_id, TODAY)

    def raw_update(i: int) -> None:  # the floor: one UPDATE + commit on this store
        with open_store.transaction() as s:
            s.execute(
                text("UPDATE intakes SET who_asks = :v WHERE id = :id"),
                {"v": f"x{i}", "id": intake_id},
            )

    figures = {
        "floor: one raw UPDATE + commit": _times(raw_update, 200),
        "save_first_contact + commit (one field changed)": _times(save_field, 200),
        "save_question (update) + commit": _times(save_question, 200),
        "load_intake (resume: intake + plan + provisions), fresh session": _times(resume, 50),
        "plan_nudges, fresh session": _times(nudges, 50),
    }
    with open_store.transaction() as s:
        start = time.perf_counter()
        plans.agree_plan(s, ctx, plan_id, TODAY, "mondeling")
        agree_ms = (time.perf_counter() - start) * 1000
    print()
    for name, (p50, p95) in figures.items():
        print(f"| {name} | {p50:.1f} ms | {p95:.1f} ms |")
    agree = "agree_plan (snapshot + revision, 6 goals / 10 actions / 5 provisions)"
    print(f"| {agree} | {agree_ms:.1f} ms | |")
    p50_save, _ = figures["save_first_contact + commit (one field changed)"]
    assert p50_save < 250  # generous: a shared, noisy machine
