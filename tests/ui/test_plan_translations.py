"""The Dutch translations of the intake, plan, ZRM and dashboard screens are complete:
every tr() string of those packages is in its .ts file, translated and finished."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "caseworker" / "ui"
PARTS = {
    "intake_nl.ts": ["intake"],
    "plan_nl.ts": ["plan"],
    "zrm_nl.ts": ["zrm", "dashboard"],
}


def _messages(ts: Path) -> dict[tuple[str, str], bool]:
    """(context, source) -> translated and finished."""
    found: dict[tuple[str, str], bool] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            assert tr is not None
            text = "".join(tr.itertext()).strip()
            found[(name, message.findtext("source") or "")] = bool(text) and not tr.get("type")
    return found


@pytest.mark.parametrize("ts_name", sorted(PARTS))
def test_ts_complete_and_finished(ts_name: str, tmp_path: Path) -> None:
    ts = ROOT / "resources" / "translations" / ts_name
    shipped = _messages(ts)
    assert shipped and all(shipped.values()), [k for k, ok in shipped.items() if not ok]
    sources = sorted(str(p) for part in PARTS[ts_name] for p in (UI / part).glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-silent"], check=True)
    missing = set(_messages(fresh)) - set(shipped)
    assert missing == set(), f"tr() strings missing from {ts_name}: {sorted(missing)}"
