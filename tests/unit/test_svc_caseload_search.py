"""Search-as-you-type keys and the two-step caseload load the desktop uses."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from caseworker.models import Household
from caseworker.services import ServiceContext
from caseworker.services.caseload import caseload_alerts, load_caseload
from caseworker.services.search import search_households
from caseworker.services.ui_support import search_household_keys
from caseworker.store import OpenStore

from .test_svc_builders import household, person
from .test_svc_dossier import _family


def test_search_keys_match_the_loaded_rows_like_search_households(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    ids = _family(open_store, ctx)
    with open_store.transaction() as s:
        smit = household(s, ctx, "Familie Smit", street="Korreweg", house_number="7")
        person(s, ctx, smit, "Daan", date(1979, 12, 31), "parent")
        gone = household(s, ctx, "Familie Weg", street="Korreweg", house_number="9")
        row = s.get(Household, gone)
        assert row is not None
        row.deleted = True
    with open_store.session() as s:
        rows = load_caseload(s, ctx, scope="team", include_closed=True)
        rowids = {hid: key for hid, key in s.execute(text("SELECT id, rowid FROM households"))}
        by_key = {r.search_key: r.household_id for r in rows}
        assert {r.household_id: r.search_key for r in rows} == {
            hid: rowids[hid] for hid in (ids["hid"], smit)
        }
        for typed in ("vis", "Familie", "korreweg", "31-12-1979", "lotte", "9711 s", "xyz"):
            keys = search_household_keys(s, typed)
            assert keys is not None
            shown = {by_key[k] for k in keys if k in by_key}  # a tombstone has no row
            assert shown == set(search_households(s, typed)), typed
        assert search_household_keys(s, "") is None
        assert search_household_keys(s, " -- ") is None
        assert search_household_keys(s, "korreweg") == {rowids[smit], rowids[gone]}


def test_rows_first_alerts_second_equals_the_one_step_load(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    ids = _family(open_store, ctx)
    with open_store.session() as s:
        complete = load_caseload(s, ctx, scope="team")
        rows = load_caseload(s, ctx, scope="team", with_alerts=False)
        alerts = caseload_alerts(s, ctx, rows)
    assert [r.alerts for r in rows] == [()]
    assert [a.code for a in alerts[ids["hid"]]] == ["future_plan_missing"]
    assert [r.alerts for r in complete] == [alerts[ids["hid"]]]
    assert [(r.household_id, r.search_key) for r in rows] == [
        (r.household_id, r.search_key) for r in complete
    ]
    with open_store.session() as s:
        assert caseload_alerts(s, ctx, []) == {}
        assert load_caseload(s, ServiceContext(user_id=None), with_alerts=False) == []
