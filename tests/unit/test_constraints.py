"""Every check, unique and foreign-key constraint is enforced by the DATABASE itself.

Rows are written with raw SQL on the encrypted store, so no ORM validator can
intervene: if a row is refused here, SQLite/SQLCipher refused it. Each case also
names the constraint that must fire, so a case cannot pass for the wrong reason.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import CheckConstraint, Connection, Engine, text
from sqlalchemy.exc import IntegrityError

from caseworker.models import Base
from caseworker.store import OpenStore, Store
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = "2026-11-23 09:30:00.000000"
VALID_BSN = "111222333"

# Valid base rows, inserted once per test in dependency order.
BASE: dict[str, dict[str, Any]] = {
    "teams": {"name": "WIJ Vinkhuizen", "code": "vinkhuizen"},
    "users": {"username": "a.devries", "display_name": "A", "role": "caseworker", "active": 1},
    "households": {"name": "Familie Test", "status": "intake", "opened_on": "2026-01-05"},
    "persons": {"given_name": "Kim", "family_name": "Test", "role": "child", "bsn": VALID_BSN},
    "plans": {"status": "draft", "revision_number": 0},
    "goals": {"description": "Schulden op orde", "status": "open", "position": 0},
    "network_contacts": {"name": "Buurvrouw", "relation": "buurvrouw"},
    "actions": {"description": "Bellen", "actor": "self", "step": 1, "position": 0},
    "provisions": {
        "catalogue_code": "wmo-hh1",
        "kind": "tailored",
        "law": "wmo",
        "funding": "zin",
        "step": 4,
        "justification": "Geen algemene voorziening passend",
        "status": "proposed",
    },
    "assessments": {"instrument": "zrm-2017", "assessed_on": "2026-02-01", "kind": "baseline"},
    "scores": {"domain": "financien", "score": 2},
    "referrals": {"referral_source": "huisarts", "received_on": "2026-01-02", "urgency": "normal"},
    "intakes": {
        "status": "draft",
        "current_step": "first_contact",
        "started_on": "2026-01-05",
        "urgency": "normal",
        "safety_concerns": 0,
    },
    "safety_signals": {
        "kind": "domestic_violence",
        "recorded_on": "2026-01-05",
        "meldcode_step": 1,
        "reported_to_veilig_thuis": 0,
    },
    "escalations": {"kind": "taskforce", "reason": "Vastgelopen", "escalated_on": "2026-03-01"},
    "journal_entries": {"written_at": NOW, "kind": "note", "text": "Huisbezoek"},
    "client_experiences": {"recorded_on": "2026-06-01", "own_control": 4},
    "future_plans": {"housing": "Kamer zoeken"},
    "plan_revisions": {"number": 1, "agreed_on": "2026-02-01", "snapshot": "{}"},
    "conflicts": {
        "table_name": "households",
        "row_id": "x",
        "field": "name",
        "base_value": '"a"',
        "server_value": '"b"',
        "client_value": '"c"',
        "detected_at": NOW,
        "status": "open",
    },
}

# Foreign keys of the base rows: column -> table whose base row it points at.
BASE_REFS: dict[str, dict[str, str]] = {
    "users": {"team_id": "teams"},
    "households": {"team_id": "teams", "coordinator_id": "users"},
    "persons": {"household_id": "households"},
    "plans": {"household_id": "households", "coordinator_id": "users"},
    "goals": {"plan_id": "plans", "person_id": "persons"},
    "network_contacts": {"household_id": "households", "person_id": "persons"},
    "actions": {"plan_id": "plans", "goal_id": "goals"},
    "provisions": {"household_id": "households", "plan_id": "plans", "person_id": "persons"},
    "assessments": {"household_id": "households", "person_id": "persons"},
    "scores": {"assessment_id": "assessments"},
    "referrals": {"household_id": "households"},
    "intakes": {"household_id": "households", "referral_id": "referrals"},
    "safety_signals": {"household_id": "households", "intake_id": "intakes"},
    "escalations": {"household_id": "households"},
    "journal_entries": {"household_id": "households"},
    "client_experiences": {"household_id": "households"},
    "future_plans": {"household_id": "households", "person_id": "persons"},
    "plan_revisions": {"plan_id": "plans"},
    "conflicts": {"household_id": "households"},
}


def _insert(conn: Connection, table: str, values: dict[str, Any]) -> None:
    row = {"id": str(uuid.uuid4()), "updated_at": NOW, **values}
    columns = ", ".join(row)
    params = ", ".join(f":{c}" for c in row)
    conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({params})"), row)


class Db:
    """The base rows' ids, and a way to try one more row in its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.ids: dict[str, str] = {}

    def row(self, table: str, **overrides: Any) -> dict[str, Any]:
        values = dict(BASE[table])
        values.update({col: self.ids[ref] for col, ref in BASE_REFS.get(table, {}).items()})
        values["id"] = str(uuid.uuid4())
        values.update(overrides)
        return values

    def insert(self, table: str, **overrides: Any) -> str:
        values = self.row(table, **overrides)
        with self.engine.begin() as conn:
            _insert(conn, table, values)
        return str(values["id"])

    def refused(self, table: str, fragment: str, **overrides: Any) -> str:
        with pytest.raises(IntegrityError) as info:
            self.insert(table, **overrides)
        message = str(info.value.orig)
        assert fragment in message, message
        return message


@pytest.fixture(scope="module")
def module_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenStore]:
    """One store for the module (creating a store per case would dominate the runtime).

    Cases only add rows (refused rows leave nothing), so they do not disturb each other.
    """
    opened = Store(tmp_path_factory.mktemp("constraints") / "store").create(PASSPHRASE, FAST_KDF)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def db(module_store: OpenStore) -> Db:
    database = Db(module_store.engine)
    for table in BASE:
        database.ids[table] = database.insert(table)
    return database


def test_base_rows_are_valid_and_foreign_keys_are_on(db: Db) -> None:
    with db.engine.connect() as conn:
        for table in BASE:
            count = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            assert count >= 1, table
    # Every pooled connection has foreign keys on, not only the first one.
    conns = [db.engine.connect() for _ in range(3)]
    try:
        for conn in conns:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    finally:
        for conn in conns:
            conn.close()


def test_second_plan_for_a_household_is_refused(db: Db) -> None:
    db.refused("plans", "UNIQUE constraint failed: plans.household_id")
    other = db.insert("households", name="Familie Ander")
    db.insert("plans", household_id=other)  # one plan for another household is fine


@pytest.mark.parametrize("score", [0, 6, -1, 100])
def test_score_out_of_range_is_refused(db: Db, score: int) -> None:
    db.refused("scores", "ck_scores_score_range", domain="werk_opleiding", score=score)


def test_score_bounds_are_accepted(db: Db) -> None:
    db.insert("scores", domain="huisvesting", score=1)
    db.insert("scores", domain="justitie", score=5)


@pytest.mark.parametrize(
    ("table", "overrides"),
    [
        ("scores", {"domain": "basale_adl", "score": 2.5}),
        ("goals", {"baseline_score": 1.5}),
        ("goals", {"target_score": 4.5}),
        ("actions", {"step": 2.5}),  # would otherwise dodge the justification rule
        ("provisions", {"step": 3.5}),
        ("safety_signals", {"meldcode_step": 1.5}),
        ("client_experiences", {"quality_of_life": 3.5}),
        ("scores", {"domain": "basale_adl", "score": "drie"}),
    ],
)
def test_scores_and_steps_must_be_whole_numbers(
    db: Db, table: str, overrides: dict[str, Any]
) -> None:
    db.refused(table, "must be a whole number", **overrides)


def test_whole_numbers_written_as_text_or_float_are_stored_as_integers(db: Db) -> None:
    db.insert("scores", domain="sociaal_netwerk", score="3")
    db.insert("scores", domain="instrumentele_adl", score=4.0)
    with db.engine.begin() as conn:
        rows = conn.execute(
            text(
                "SELECT typeof(score) FROM scores "
                "WHERE domain IN ('sociaal_netwerk', 'instrumentele_adl')"
            )
        ).scalars()
        assert list(rows) == ["integer", "integer"]
        with pytest.raises(IntegrityError, match="whole number"):
            conn.execute(text("UPDATE scores SET score = 2.5 WHERE domain = 'sociaal_netwerk'"))


def test_duplicate_score_domain_in_one_assessment_is_refused(db: Db) -> None:
    db.refused("scores", "UNIQUE constraint failed: scores.assessment_id, scores.domain")
    other = db.insert("assessments", kind="interim", assessed_on="2026-05-01")
    db.insert("scores", assessment_id=other)  # same domain in another assessment is fine


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",  # fails the 11-proef
        "111222334",  # one digit off a valid number
        "000000000",  # all zeros passes the arithmetic but is not a BSN
        "11122233a",  # non-digit
        "1112223 3",  # space inside
        "11122233",  # 8 digits
        "1112223333",  # 10 digits
        "",  # empty string is not NULL
        "+11222333",
    ],
)
def test_invalid_bsn_is_refused(db: Db, bsn: str) -> None:
    db.refused("persons", "ck_persons_bsn_11_proef", bsn=bsn)


@pytest.mark.parametrize("bsn", ["123456782", "012345672", "999999990", None])
def test_valid_bsn_or_none_is_accepted(db: Db, bsn: str | None) -> None:
    db.insert("persons", bsn=bsn)


@pytest.mark.parametrize("table", ["actions", "provisions"])
@pytest.mark.parametrize("step", [0, 5])
def test_step_outside_the_viertrap_is_refused(db: Db, table: str, step: int) -> None:
    db.refused(table, f"ck_{table}_step_range", step=step, justification="reden")


@pytest.mark.parametrize("step", [3, 4])
@pytest.mark.parametrize("justification", [None, "", "   "])
def test_high_step_action_needs_justification(db: Db, step: int, justification: str | None) -> None:
    db.refused("actions", "ck_actions_high_step_justified", step=step, justification=justification)


def test_low_and_justified_steps_are_accepted(db: Db) -> None:
    db.insert("actions", step=2, justification=None)
    db.insert("actions", step=4, justification="Netwerk is uitgeput")


@pytest.mark.parametrize("reason", [None, "", "  "])
def test_pgb_without_reason_is_refused(db: Db, reason: str | None) -> None:
    db.refused("provisions", "ck_provisions_pgb_has_reason", funding="pgb", pgb_reason=reason)


def test_general_provision_with_pgb_is_refused(db: Db) -> None:
    db.refused(
        "provisions",
        "ck_provisions_general_not_pgb",
        kind="general",
        funding="pgb",
        pgb_reason="Eigen zorgverlener",
    )
    db.insert("provisions", funding="pgb", pgb_reason="Eigen zorgverlener")  # maatwerk: fine


@pytest.mark.parametrize(
    ("overrides", "constraint"),
    [
        ({"cost_cents_per_period": -1}, "ck_provisions_cost_not_negative"),
        ({"units": -0.5}, "ck_provisions_units_not_negative"),
        ({"start_on": "2026-05-01", "end_on": "2026-04-30"}, "ck_provisions_dates"),
        ({"cost_period": "daily"}, "ck_provisions_cost_period_values"),
    ],
)
def test_provision_amounts_and_dates(db: Db, overrides: dict[str, Any], constraint: str) -> None:
    db.refused("provisions", constraint, **overrides)


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": "closed"},  # neither date nor reason
        {"status": "closed", "closed_on": "2026-06-01"},  # no reason
        {"status": "closed", "closing_reason": "verhuisd"},  # no date
        {"status": "active", "closed_on": "2026-06-01", "closing_reason": "verhuisd"},
    ],
)
def test_closed_household_needs_date_and_reason(db: Db, overrides: dict[str, Any]) -> None:
    db.refused("households", "ck_households_closed_has_date_and_reason", **overrides)


def test_closed_household_rules_accept_a_proper_closure(db: Db) -> None:
    db.insert("households", status="closed", closed_on="2026-06-01", closing_reason="verhuisd")
    db.refused(
        "households",
        "ck_households_closed_after_opened",
        status="closed",
        closed_on="2025-12-31",
        closing_reason="verhuisd",
    )


@pytest.mark.parametrize(
    ("table", "column", "value", "constraint"),
    [
        ("users", "role", "boss", "ck_users_user_role"),
        ("households", "status", "archived", "ck_households_household_status"),
        ("persons", "role", "grandparent", "ck_persons_person_role"),
        ("plans", "status", "final", "ck_plans_plan_status"),
        ("goals", "status", "done", "ck_goals_goal_status"),
        ("actions", "actor", "municipality", "ck_actions_action_actor"),
        ("provisions", "kind", "special", "ck_provisions_provision_kind"),
        ("provisions", "law", "wlz", "ck_provisions_provision_law"),
        ("provisions", "funding", "cash", "ck_provisions_provision_funding"),
        ("provisions", "status", "paid", "ck_provisions_provision_status"),
        ("assessments", "kind", "extra", "ck_assessments_assessment_kind"),
        ("referrals", "urgency", "asap", "ck_referrals_urgency"),
        ("intakes", "status", "paused", "ck_intakes_intake_status"),
        ("intakes", "current_step", "step6", "ck_intakes_intake_step"),
        ("intakes", "urgency", "asap", "ck_intakes_intake_urgency"),
        ("safety_signals", "kind", "unknown", "ck_safety_signals_safety_signal_kind"),
        ("escalations", "kind", "police", "ck_escalations_escalation_kind"),
        ("conflicts", "status", "ignored", "ck_conflicts_conflict_status"),
        ("users", "role", "Caseworker", "ck_users_user_role"),  # case matters
    ],
)
def test_unknown_enum_value_is_refused(
    db: Db, table: str, column: str, value: str, constraint: str
) -> None:
    unique: dict[str, Any] = {"username": "x.other"} if table == "users" else {}
    if table == "plans":
        unique = {"household_id": db.insert("households", name="Familie Ander")}
    db.refused(table, constraint, **{column: value, **unique})


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("persons", "household_id"),
        ("plans", "household_id"),
        ("plans", "coordinator_id"),
        ("households", "team_id"),
        ("households", "coordinator_id"),
        ("users", "team_id"),
        ("goals", "plan_id"),
        ("goals", "person_id"),
        ("actions", "plan_id"),
        ("actions", "goal_id"),
        ("actions", "network_contact_id"),
        ("provisions", "household_id"),
        ("provisions", "plan_id"),
        ("assessments", "household_id"),
        ("assessments", "person_id"),
        ("scores", "assessment_id"),
        ("intakes", "referral_id"),
        ("intake_questions", "intake_id"),
        ("safety_signals", "household_id"),
        ("escalations", "household_id"),
        ("journal_entries", "household_id"),
        ("client_experiences", "person_id"),
        ("future_plans", "person_id"),
        ("plan_revisions", "plan_id"),
        ("network_contacts", "household_id"),
        ("conflicts", "household_id"),
    ],
)
def test_foreign_key_to_a_missing_row_is_refused(db: Db, table: str, column: str) -> None:
    missing = str(uuid.uuid4())
    if table == "intake_questions":
        row = {"intake_id": missing, "life_area": "zorg", "position": 0}
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.engine.begin() as conn:
            _insert(conn, table, row)
        return
    extra: dict[str, Any] = {}
    if table == "users":
        extra = {"username": "x.other"}
    if table == "plans":
        extra = {"household_id": db.insert("households", name="Familie Ander")}
    db.refused(table, "FOREIGN KEY constraint failed", **{**extra, column: missing})


def test_deleting_a_referenced_household_is_refused(db: Db) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM households WHERE id = :id"), {"id": db.ids["households"]})


@pytest.mark.parametrize(
    ("table", "overrides", "fragment"),
    [
        ("plans", {"status": "agreed", "agreed_on": None}, "ck_plans_agreed_has_date"),
        ("goals", {"baseline_score": 0}, "ck_goals_baseline_range"),
        ("goals", {"target_score": 6}, "ck_goals_target_range"),
        ("goals", {"description": ""}, "ck_goals_description_not_empty"),
        ("actions", {"description": ""}, "ck_actions_description_not_empty"),
        ("intakes", {"status": "completed", "completed_on": None}, "ck_intakes_completed_has_date"),
        ("safety_signals", {"meldcode_step": 6}, "ck_safety_signals_meldcode_step_range"),
        ("safety_signals", {"meldcode_step": 0}, "ck_safety_signals_meldcode_step_range"),
        ("client_experiences", {"own_control": 6}, "ck_client_experiences_own_control_range"),
        ("client_experiences", {"support_quality": 0}, "ck_client_experiences_support_quality"),
        ("escalations", {"reason": "  "}, "ck_escalations_reason_not_empty"),
        (
            "escalations",
            {"resolved_on": "2026-02-01"},
            "ck_escalations_resolved_after",
        ),
        ("journal_entries", {"text": " "}, "ck_journal_entries_text_not_empty"),
        ("plan_revisions", {"number": 0}, "ck_plan_revisions_number_positive"),
        ("plan_revisions", {}, "UNIQUE constraint failed: plan_revisions.plan_id"),
        ("future_plans", {}, "UNIQUE constraint failed: future_plans.person_id"),
        ("teams", {}, "UNIQUE constraint failed: teams.code"),
        ("teams", {"name": "", "code": "other"}, "ck_teams_name_not_empty"),
        ("users", {}, "UNIQUE constraint failed: users.username"),
        ("users", {"username": ""}, "ck_users_username_not_empty"),
        ("households", {"name": ""}, "ck_households_name_not_empty"),
        ("persons", {"given_name": ""}, "ck_persons_given_name_not_empty"),
        ("network_contacts", {"name": ""}, "ck_network_contacts_name_not_empty"),
        ("households", {"name": None}, "NOT NULL constraint failed: households.name"),
        ("scores", {"score": None, "domain": "middelengebruik"}, "NOT NULL constraint failed"),
    ],
)
def test_other_rules(db: Db, table: str, overrides: dict[str, Any], fragment: str) -> None:
    if table == "plans":
        overrides = {**overrides, "household_id": db.insert("households", name="Familie Ander")}
    db.refused(table, fragment, **overrides)


def test_audit_log_ids_and_hashes_are_unique(open_store: OpenStore) -> None:
    row = {
        "id": "e1",
        "occurred_at": NOW,
        "client": "test",
        "action": "view",
        "prev_hash": "0" * 64,
        "hash": "a" * 64,
    }
    with open_store.engine.begin() as conn:
        conn.execute(text(_audit_insert(row)), row)
    for clash in ({**row, "hash": "b" * 64}, {**row, "id": "e2"}):
        with pytest.raises(IntegrityError, match="UNIQUE"), open_store.engine.begin() as conn:
            conn.execute(text(_audit_insert(clash)), clash)


def _audit_insert(row: dict[str, Any]) -> str:
    return f"INSERT INTO audit_events ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})"


def test_every_model_check_constraint_exists_in_the_migrated_schema(
    open_store: OpenStore,
) -> None:
    """The constraints declared on the models are the ones the migrations created."""
    with open_store.engine.connect() as conn:
        ddl = {
            name: sql
            for name, sql in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
        }
    missing: list[str] = []
    for table in Base.metadata.sorted_tables:
        assert table.name in ddl, table.name
        in_db = set(re.findall(r"CONSTRAINT (\w+) CHECK", ddl[table.name]))
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint) and constraint.name:
                name = str(constraint.name)
                if not name.startswith("ck_"):
                    name = f"ck_{table.name}_{name}"
                if name not in in_db:
                    missing.append(name)
        for column in table.columns:
            enum_name = getattr(column.type, "name", None)
            expected = f"ck_{table.name}_{enum_name}"
            if getattr(column.type, "create_constraint", False) and expected not in in_db:
                missing.append(expected)
    assert missing == []
