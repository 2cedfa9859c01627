# ruff: noqa: E501
"""Desktop UI at 5,000 households: search-as-you-type latency per keystroke (key press →
table showing the result, painted) and unlock → usable caseload. Writes the figures into
docs/performance.md, section "Desktop UI". Run by ``make bench``.

The store holds 5,000 demo households (``generate_demo_data``: plans, ZRM assessments,
youth provisions, draft intakes, escalations, so the alerts cost what they cost in
practice), all moved into the team of the caseworker the app picks, so the caseload the
app loads is all 5,000. The app runs as in production: ``ThreadTaskRunner`` (KDF and the
caseload load off the GUI thread), offscreen Qt, window 1360×820."""

from __future__ import annotations

import gc
import os
import re
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from caseworker.demo import generate_demo_data, optimize_search_index
from caseworker.models import Household, Person
from caseworker.reference.loader import load_reference
from caseworker.services import ServiceContext
from caseworker.services.ui_support import session_user
from caseworker.store import KdfParams, Store, UnlockThrottle
from caseworker.ui.app import configure_application
from caseworker.ui.controller import AppController
from caseworker.ui.tasks import ThreadTaskRunner

HOUSEHOLDS = 5_000
PASSPHRASE = "benchmark aan de keukentafel"
DOC = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
UNLOCK_RUNS = 5
SEARCH_ROUNDS = 2
FEW_ROWS = 20  # fewer rows than the table shows: only part of it repaints


def populate(store_dir: Path) -> list[str]:
    """The demo store, every household in the acting caseworker's team; returns search
    texts taken from it (family name, given + family name, street + number, postcode,
    postcode without space, BSN, birth date, given name)."""
    reference = load_reference()
    opened = Store(store_dir).create(PASSPHRASE, KdfParams.fast_for_tests())
    with opened.transaction() as s:
        generate_demo_data(
            s, ServiceContext(user_id=None), reference, households=HOUSEHOLDS, today=date.today()
        )
        user = session_user(s)
        assert user is not None and user.team_id is not None
        s.execute(update(Household).values(team_id=user.team_id))
        optimize_search_index(s)  # the update re-indexed every household
        person, hh = s.execute(
            select(Person, Household)
            .join(Household, Household.id == Person.household_id)
            .where(Person.bsn.is_not(None), Person.birth_date.is_not(None))
            .order_by(Person.id)
            .limit(1)
        ).one()
        texts = [
            person.family_name,
            f"{person.given_name} {person.family_name}",
            f"{hh.street} {hh.house_number}",
            hh.postcode or "",
            (hh.postcode or "").replace(" ", "").lower(),
            person.bsn or "",
            person.birth_date.strftime("%d-%m-%Y") if person.birth_date else "",
            person.given_name,
        ]
    opened.close()
    return [t for t in texts if t]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def write_section(text: str) -> None:
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    section = "## Desktop UI\n\n" + text.strip() + "\n"
    pattern = re.compile(r"^## Desktop UI\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        current = pattern.sub(lambda _m: section + "\n", current)
    else:
        current = current.rstrip() + "\n\n" + section
    DOC.write_text(current, encoding="utf-8")


def wait_until(qapp: QApplication, condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        assert time.perf_counter() < deadline, "timed out"
        qapp.processEvents()
        # time.sleep releases the GIL; QTest.qWait (PySide6 6.12) sleeps holding it, which
        # starved the loading thread (a 0.3 s CPU load took 2.5-4 s of wall-clock)
        time.sleep(0.0005)
    qapp.processEvents()  # paint what the condition made visible


class PaintWatch(QObject):
    """Notes each paint of the table's viewport, so a keystroke is timed until the table
    has been painted with its result (not merely until the next event round)."""

    def __init__(self, painted: list[float]) -> None:
        super().__init__()
        self._painted = painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._painted.append(time.perf_counter())
        return False


@pytest.mark.slow
def test_search_as_you_type_and_unlock(qapp: QApplication, tmp_path: Path) -> None:
    configure_application(qapp)
    store_dir = tmp_path / "store"
    started = time.perf_counter()
    texts = populate(store_dir)
    # the generator's objects are garbage now: collect them here, not in the first timed unlock
    # (a full collection of ≈ 0.5-1 s that the app itself, which generates nothing, never has)
    gc.collect()
    print(f"\ngenerated {HOUSEHOLDS} demo households in {time.perf_counter() - started:.0f} s")
    reference = load_reference()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    runner = ThreadTaskRunner()
    ctl = AppController(store_dir, runner, settings, lambda: reference, throttle=UnlockThrottle())
    window = ctl.window
    window.resize(1360, 820)
    window.show()
    QTest.qWaitForWindowExposed(window)
    # the lock screen's background start-up work (store.warm_up) is done, as it is while a
    # caseworker types the passphrase
    runner.wait_for_done()

    usable: list[float] = []
    usable_cpu: list[float] = []
    with_alerts: list[float] = []
    idle: list[float] = []  # unlock → background work done (alerts, texts laid out ahead)
    for _ in range(UNLOCK_RUNS):
        panel = window.lock_screen.panel
        panel.passphrase_edit.setText(PASSPHRASE)
        cpu0, start = time.process_time(), time.perf_counter()
        panel.submit()  # KDF (fast test parameters) + open + migrate check, off the GUI thread
        wait_until(
            qapp,
            lambda: (
                window.caseload is not None and window.caseload.model.total_count() == HOUSEHOLDS
            ),
        )
        usable.append(time.perf_counter() - start)
        usable_cpu.append(time.process_time() - cpu0)
        caseload = window.caseload
        assert caseload is not None
        model = caseload.model
        wait_until(qapp, lambda: model.alerts_loaded)  # noqa: B023
        with_alerts.append(time.perf_counter() - start)
        table = caseload.table
        wait_until(qapp, lambda: not table.laying_out_ahead)  # noqa: B023
        idle.append(time.perf_counter() - start)
        ctl.lock()
        runner.wait_for_done()

    panel = window.lock_screen.panel
    panel.passphrase_edit.setText(PASSPHRASE)
    panel.submit()
    wait_until(qapp, lambda: window.caseload is not None and window.caseload.model.alerts_loaded)
    caseload = window.caseload
    assert caseload is not None
    # typing starts once the app is idle, as a caseworker's first keystroke comes a moment
    # after the caseload appeared (the table lays out its texts ahead of need meanwhile)
    wait_until(qapp, lambda: not caseload.table.laying_out_ahead)
    caseload.scope_combo.setCurrentIndex(1)  # team: all 5,000
    caseload.status_combo.setCurrentIndex(2)  # open and closed
    qapp.processEvents()
    households_with_alerts = sum(1 for r in caseload.model.rows if r.alerts)
    caseload.search_edit.setFocus()
    window_handle = window.windowHandle()
    painted: list[float] = []
    paint_watch = PaintWatch(painted)
    caseload.table.viewport().installEventFilter(paint_watch)
    filtered_at: list[float] = []  # when the model published the keystroke's hits
    caseload.model.layoutChanged.connect(lambda *_: filtered_at.append(time.perf_counter()))
    caseload.model.modelReset.connect(lambda: filtered_at.append(time.perf_counter()))
    latencies: list[float] = []
    cpu: list[float] = []
    filtering: list[float] = []
    shown_after: list[int] = []  # rows shown after each keystroke
    for _round in range(SEARCH_ROUNDS):
        for text in texts:
            caseload.search_edit.clear()
            for _ in range(4):  # the whole table back, laid out and painted
                qapp.processEvents()
            for char in text:
                painted.clear()
                filtered_at.clear()
                cpu0, start = time.thread_time(), time.perf_counter()
                # through the window, as the window system delivers a key: FTS5 + filter
                QTest.keyClick(window_handle, char)  # type: ignore[call-overload]
                for _ in range(4):  # the view lays out on a 0 ms timer, then paints
                    if painted:
                        break
                    qapp.processEvents()
                filtered = filtered_at[0] if filtered_at else time.perf_counter()
                latencies.append((time.perf_counter() - start) * 1000)
                cpu.append((time.thread_time() - cpu0) * 1000)
                filtering.append((filtered - start) * 1000)
                shown_after.append(caseload.model.rowCount())
            shown = caseload.model.rowCount()
            assert 0 < shown <= HOUSEHOLDS, text
    ctl.lock()
    runner.wait_for_done()
    window.close()

    p50, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    c50, c95 = statistics.median(cpu), percentile(cpu, 0.95)
    f50, f95 = statistics.median(filtering), percentile(filtering, 0.95)
    few = [c for c, n in zip(cpu, shown_after, strict=True) if n <= FEW_ROWS]
    full = [c for c, n in zip(cpu, shown_after, strict=True) if n > FEW_ROWS]
    few50, few95 = statistics.median(few), percentile(few, 0.95)
    full50, full95 = statistics.median(full), percentile(full, 0.95)
    unlock, unlock_cpu = statistics.median(usable), statistics.median(usable_cpu)
    alerts = statistics.median(with_alerts)
    settled = statistics.median(idle)
    load = os.getloadavg()[0]
    unlock_status = (
        f"{'meets' if unlock < 1 else 'misses'} < 1 s wall (median {unlock:.2f} s, slowest "
        f"{max(usable):.2f} s; {unlock_cpu:.2f} s of CPU, all threads)"
    )
    search_status = (
        f"p95 {'meets' if p95 <= 16 else 'misses'} ≤ 16 ms (wall {p95:.1f} ms, CPU {c95:.1f} ms); "
        f"keystrokes that leave ≤ {FEW_ROWS} rows take p50 {few50:.1f} ms CPU, those that "
        f"repaint the whole visible table p50 {full50:.1f} ms"
    )
    write_section(
        f"""
Measured by `tests/benchmarks/test_ui_bench.py` (`make bench`, run {datetime.now(UTC):%Y-%m-%d},
1-minute load average {load:.1f} on 2 cores), offscreen Qt, window 1360×820, the app as in
production (`ThreadTaskRunner`). Store: {HOUSEHOLDS:,} demo households (`generate_demo_data`:
plans, ZRM, youth provisions, intakes, escalations; {households_with_alerts:,} with alerts), all
in the acting caseworker's team, so the caseload shows all {HOUSEHOLDS:,}. CPU = the GUI
thread's own CPU time (search runs on it entirely), robust against the shared machine's load.

| what | figure | target |
|---|---|---|
| search-as-you-type, per keystroke, key press → table repainted, wall ({len(latencies)} keystrokes: every prefix of {len(texts)} texts, {SEARCH_ROUNDS} rounds) | p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(latencies):.1f} ms | p95 ≤ 16 ms |
| same, GUI-thread CPU | p50 {c50:.1f} ms, p95 {c95:.1f} ms | |
| of which key press → FTS5 query → model filtered (before painting), wall | p50 {f50:.1f} ms, p95 {f95:.1f} ms | |
| GUI-thread CPU, keystrokes leaving ≤ {FEW_ROWS} rows ({len(few)}: a name, address, BSN or date typed on) | p50 {few50:.1f} ms, p95 {few95:.1f} ms | |
| GUI-thread CPU, keystrokes leaving more rows ({len(full)}: the first 1–3 characters; the whole visible table repaints) | p50 {full50:.1f} ms, p95 {full95:.1f} ms | |
| unlock → usable caseload ({HOUSEHOLDS:,} rows shown and searchable; fast test KDF, the production Argon2id adds ≈ 0.3–1 s, see "Store"), median of {UNLOCK_RUNS} | {unlock * 1000:.0f} ms wall, {unlock_cpu * 1000:.0f} ms CPU (all threads) | < 1 s |
| unlock → alert badges shown (second loading step, in the background) | {alerts * 1000:.0f} ms wall | |
| unlock → idle (alerts shown, all texts laid out ahead of need; typing starts after this) | {settled * 1000:.0f} ms wall | |

Before this round (same benchmark, 2026-12-01, load 4–5 on the shared machine): search p50
22.0 ms, p95 75.0 ms wall per keystroke (CPU p50 14.8 ms, p95 33.4 ms; ≤ 20 rows p50 3.6 ms,
p95 14.0 ms; full table p50 23.1 ms, p95 36.3 ms CPU); unlock → usable 1111 ms. As recorded on
2026-11-23 (load 2.4): p50 12.7 ms, p95 27.7 ms wall, CPU p95 27.1 ms, full table p50 22.2 ms CPU;
unlock → usable 375 ms. The rounds before: style-sheet scoping and FTS5 `optimize` (CPU p95
29.5–30.2 → 24.3–27.1 ms); before the caseload work (5,000 synthetic households, loaded machine):
search p50 122.8 ms, p95 244.2 ms per keystroke; unlock → caseload 2632 ms.

Design: per keystroke one FTS5 query that selects only `rowid` (`ui_support.search_household_keys`;
the index answers it from its own b-tree, while selecting the UNINDEXED `household_id` read
every hit's content row) and returns them as one JSON array, mapped to loaded rows through
`CaseloadRow.search_key` (= households.rowid = household_search.rowid); the model keeps the rows
that pass the other filters in sort order with a key → position map, so filtering costs O(hits),
and signals a row-only `layoutChanged` (not a model reset; current and selected rows follow their
households). Display strings are built lazily and cached; `CaseloadTable` paints the cell texts
itself from a cache of laid-out texts, alert badges are cached pixmaps.
The caseload loads in two background steps: the rows (`load_caseload(with_alerts=False)`),
then `caseload_alerts`; the alerts page is rebuilt only when shown. The count label below the
table has a fixed size: a label whose text changes asks for a new layout, and the tab widget
around the caseload answered every such request by repainting the whole page.

**Target status** (this run). Unlock → usable caseload: {unlock_status}. Search-as-you-type:
{search_status}.

Round three (2026-12-02, issue #4's last target). Before it, five runs of round two's code
gave search p95 wall 10.1, 15.8, 17.0, 17.7 and 15.2 ms (target met in 3 of 5, without
margin); the slowest keystrokes were the first typing round's 1–3-character prefixes, whose
texts were laid out for the first time (≈ 2–5 ms more than in the second round). What changed:
(1) **Texts laid out ahead of need.** Once the caseload's background loading is done (rows,
then alerts), `CaseloadTable.lay_out_ahead` lays out the texts of all loaded rows, shown or
not, in sort order at the current column widths, in idle steps of 1.5 ms on a 0 ms timer
(≈ 6,000–8,000 texts for 5,000 households, ≈ 0.3 s of GUI-thread time in all); it gives way
for 250 ms whenever the shown rows change (a keystroke), starts again once resized columns
settled, and forgets every laid-out text when the rows are cleared (lock). Started while the
alerts were still loading it competed with that thread for the interpreter lock and made both
slower (alerts 0.8 → 1.2 s), hence after. (2) Dates are formatted by hand instead of with
`strftime` (≈ 25 µs each, 5,000 per load) and status labels are translated once per model.
(3) **Qt paints on the GUI thread** (`QT_NO_GUI_THREADPOOL`, set by `run_app` before the
application object exists; the tests' conftest sets it too): py-spy on the typing phase showed
the caseload's scroll bar repaint (a new slider length per keystroke) at 16 % of it, most of that
in `QRasterPaintEngine::fillRect` handing the fill to Qt's raster thread pool and waiting for
it — wall time that grows when the other core is busy. The benchmark now starts typing once
the app is idle after unlock (alerts shown, texts laid out: the row "unlock → idle"), as a
caseworker's first keystroke comes a moment after the caseload appeared.
A/B runs on the same store, interleaved (load 1.8–3.3, another session's server benchmark and
test runs on the same 2 cores): texts ahead, round-two code vs this: p95 wall 14.9 / 17.4 →
17.3 / 15.2 ms, GUI CPU p95 13.7 / 15.3 → 12.0 / 13.7 ms; then Qt's pool vs none: p95 wall
12.7 / 13.7 → 10.2 / 12.6 ms, full-table keystrokes CPU p50 9.4 / 9.3 → 6.7 / 7.9 ms, p95
11.5 / 12.8 → 10.0 / 10.9 ms.
(4) The benchmark collects the data generator's garbage before the first timed unlock, and
the app's lock screen does the first unlock's one-time work in the background while the
passphrase is typed (`store.warm_up`: ORM mapper configuration, the SQLite dialect, the
migrations' head): the first of the five unlocks took 1.25–1.44 s against 0.28–0.52 s for the
others, almost all of it a full garbage collection of the generated households' objects
(`caseworker demo` generated its store in the same process too; it now collects before the
app starts).
Final code, this benchmark, nine runs (the table above is the last): p95 wall 9.9, 11.3, 11.0, 14.9, 12.5, 11.7 ms with
another session's server benchmarks and test runs on the same 2 cores (load 2.1–4.6), and 8.9,
9.6, 13.2, 13.7 ms with the benchmark alone (load 0.8–1.0); GUI-thread CPU p95 8.9–13.7 ms. Every
unlock of the last four runs (20) took 0.19–0.57 s to a usable caseload; unlock → idle 1.0–1.2 s.

What changed in this round (found with `perf` and per-keystroke CPU logs; A/B runs of the
same typing on the same store, 2 rounds, load 2–3: CPU p95 26.8 and 28.0 ms before, 14.0 and
15.4 ms after; full-table keystrokes p50 19.3–19.7 → 11.1–11.7 ms; this benchmark, four runs
after the changes at load 2.5–3.9: CPU p95 17.7–20.5 ms, wall p95 19.6–23.0 ms, full-table p50
12.6–15.0 ms, the shared machine moving single runs by ±15 %):
(1) `CaseloadTable` paints the cell texts itself, in one Python call per repaint after the C++
view drew rows, selection and grid: each text is laid out once per column width as a
`QStaticText` (elided like the style when it does not fit) and drawn from the cache; the style
had laid out every text twice per repaint (to measure it, then to draw it). The delegate
(`CaseloadDelegate`, one Python call per cell instead of 7 `data` roles) leaves the texts out,
except for the current cell, which the style draws as before with its focus frame. Same pixels
as a plain `QTableView` with the base delegate (`tests/ui/test_caseload_table.py`: selection,
elided addresses, overdue dates, focused current cell). Repainting the same 22 rows: p50 12.8–13.6
→ 4.4–5.9 ms CPU (texts cached; new texts cost more, see below).
(2) The table's font prefers no text shaping (`QFont.PreferNoShaping`: HarfBuzz kerning and
ligatures are optional for Latin script, scripts that need shaping keep it): ≈ −25 % per
repaint before (1); glyphs sit up to 1 px differently (new `docs/screenshots/caseload.png`).
(3) Row-only layout changes say so (`VerticalSortHint`): the column header saves no persistent
sections and repaints once per keystroke instead of twice. (4) The FTS5 hits come back as one
`json_group_array` row: 5,000 hits (one typed digit) 3.8 → 1.6 ms, stepping the cursor per row
was most of it.

Round two (2026-12-02; found with `perf record --call-graph dwarf` on the GUI thread): the
C++ `QTableView.paintEvent` was ≈ 32 % of a full-table keystroke, most of it per cell: three
C++ → Python calls (`index` → `rowCount` + `columnCount`, the delegate), the style's item
panel and layout, the grid stroked line by line. `CaseloadTable` now draws the rows itself in
one Python call per repaint: row backgrounds (alternate rows, selected cells), alert badges
(cached pixmaps), the solid grid as 1-pixel fills, then the cached texts with the same
painter; the C++ view draws only the current cell (style, delegate, focus frame), and the whole
table when the layout is one this view does not handle (right to left, hidden rows, drag and
drop, a non-solid grid, other delegates). Same pixels as the C++ view with the same delegates
(`tests/ui/test_caseload_table.py`: badges, hidden and moved columns, a selected cell, the
focused current cell on a badge). Repainting the same 23 rows (1100×700): p50 6.7–7.3 →
2.9–4.8 ms CPU. This benchmark, before (load 1.7–2.2) → two runs after (load 3.2–3.8 and 1.5–2.6):
wall p50 9.1 → 6.1 and 4.3 ms, p95 20.0 → 15.8 and 10.1 ms; CPU p50 8.9 → 6.0 and 4.4 ms,
p95 17.8 → 13.9 and 9.3 ms; ≤ 20 rows p50 2.3 → 1.9 and 1.3 ms, p95 9.2 → 6.9 and 4.8 ms;
full table p50 14.0 → 9.5 and 6.7 ms, p95 18.2 → 14.0 and 9.6 ms; unlock → usable 763 →
645 and 526 ms (the shared machine's load moves single runs by far more than ±15 %).

Idle lock: the idle watcher's event filter sat on the application and took every event
(≈ 34 per keystroke: paints, timers, layout requests of every widget) through Python, ≈ 1 ms
per keystroke; it now sits on the top-level windows (`IdleWatcher.watch`), which receive every
input event of the window system first and little else.

What remains per keystroke (`perf`, GUI thread, before round two's change): drawing the
texts (`drawStaticText`, ≈ 10 µs per cell, ≈ 1.3 ms for a full table), the scroll bar's repaint
(≈ 5 %), the header's own repaint (≈ 3 %), the search field and the widgets under its
(not opaque) clear button repainting ≈ 2 times per keystroke, the FTS5 query (≈ 1.6 ms for one
typed digit). Qt's GUI thread pool splits large fills across threads (`QT_NO_GUI_THREADPOOL`
turns it off): no clear gain measured either way. A text shown for the first
time at a column width costs one layout (≈ 25 µs): a keystroke that shows ≈ 130 new cells pays
≈ 3 ms, so the first typing round's p95 is ≈ 2 ms above the second's. Wall-clock p95 is 2–6 ms
above CPU p95 on this shared machine (load 2–4 on 2 cores). How a keystroke is timed: the key is
sent to the window (`QTest.keyClick` on the `QWindow`, the path of a real key press through
shortcut handling to the focused search field), then events are processed until the table's
viewport has been painted (a paint-event watch on the viewport; the view lays out on a 0 ms
timer, so this takes two or three rounds). "Filtered" is the moment the model publishes the
hits (`layoutChanged`). Before 2026-12-01 (evening) a keystroke was sent to the field itself
and one event round was counted, so a keystroke's repaint fell into the next keystroke's figure.
The first keystroke after unlock can pay one-off warm-up costs (up to ≈ 150 ms, once).
Measuring note: this benchmark waits for the background steps with `processEvents` +
`time.sleep`; `QTest.qWait` (and so pytest-qt's `waitUntil`) sleeps holding the GIL in
PySide6 6.12 and starved the loading thread (unlock → usable 2.5–4 s of wall-clock for
0.3 s of CPU). The app's event loop (`exec`) releases the GIL.
"""
    )
    print(
        f"search p50 {p50:.1f} ms p95 {p95:.1f} ms (CPU p50 {c50:.1f} p95 {c95:.1f}); "
        f"unlock→usable {unlock * 1000:.0f} ms, →alerts {alerts * 1000:.0f} ms; "
        f"unlocks in order: {', '.join(f'{u * 1000:.0f}' for u in usable)} ms"
    )
    assert p95 <= 250, "search regressed badly"
    assert unlock < 3.0
