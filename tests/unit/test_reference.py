"""Reference data: the shipped resources load, carry every shared code, and a malformed
file fails with its file name and the line of the problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caseworker.models.enums import Law, ProvisionKind
from caseworker.paths import builtin_resources_dir
from caseworker.reference.loader import ReferenceDataError, load_reference

ZRM_2017 = [
    "financien",
    "werk_opleiding",
    "tijdsbesteding",
    "huisvesting",
    "huiselijke_relaties",
    "geestelijke_gezondheid",
    "lichamelijke_gezondheid",
    "middelengebruik",
    "basale_adl",
    "instrumentele_adl",
    "sociaal_netwerk",
    "maatschappelijke_participatie",
    "justitie",
]
ZRM_HOUSEHOLD = [
    "hh_financien",
    "hh_huisvesting",
    "hh_organisatie",
    "hh_relaties",
    "hh_sociale_omgeving",
]
ZRM_CHILDREN = [
    "kind_gezinsstructuur",
    "kind_lichamelijke_verzorging",
    "kind_emotionele_ondersteuning",
    "kind_socialisering",
    "kind_opvang",
    "kind_scholing",
]
LIFE_AREAS = ["werk_inkomen", "maatschappelijke_participatie", "opgroeien_opvoeden", "zorg"]
REFERRAL_SOURCES = [
    "zelf",
    "huisarts",
    "school",
    "medisch_specialist",
    "gi",
    "politie",
    "veilig_thuis",
    "woningcorporatie",
    "netwerk",
    "wijkteam_partner",
    "overig",
]
CLOSING_REASONS = [
    "doelen_bereikt",
    "verhuisd",
    "gestopt_door_client",
    "overgedragen",
    "geen_contact",
    "overleden",
    "overig",
]
CATALOGUE = [
    "wmo-hh1",
    "wmo-hh2",
    "wmo-io-licht",
    "wmo-io-middel",
    "wmo-io-zwaar",
    "wmo-dagbesteding",
    "wmo-kortdurend-verblijf",
    "wmo-beschermd-wonen",
    "wmo-woonvoorziening",
    "wmo-vervoersvoorziening",
    "jw-ambulant",
    "jw-ambulant-specialistisch",
    "jw-verblijf-met-behandeling",
    "jw-verblijf-zonder-behandeling",
    "jw-pleegzorg",
    "jw-integraal-traject",
]
LEVEL_NAMES = [
    "acute problematiek",
    "niet zelfredzaam",
    "beperkt zelfredzaam",
    "voldoende zelfredzaam",
    "volledig zelfredzaam",
]


def test_builtin_resources_load_with_every_shared_code() -> None:
    ref = load_reference()
    assert list(ref.instruments["zrm-2017"].domain_codes) == ZRM_2017
    assert list(ref.instruments["zrm-household"].domain_codes) == ZRM_HOUSEHOLD
    assert list(ref.instruments["zrm-children"].domain_codes) == ZRM_CHILDREN
    for instrument in ref.instruments.values():
        assert [lv.score for lv in instrument.levels] == [1, 2, 3, 4, 5]
        assert [lv.name for lv in instrument.levels] == LEVEL_NAMES
        assert all(d.life_area in LIFE_AREAS for d in instrument.domains)
    assert ref.instruments["zrm-2017"].subject == "person"
    assert list(ref.life_areas) == LIFE_AREAS
    assert list(ref.referral_sources) == REFERRAL_SOURCES
    assert list(ref.closing_reasons) == CLOSING_REASONS
    assert [c for c, r in ref.closing_reasons.items() if r.goals_reached] == ["doelen_bereikt"]
    assert set(CATALOGUE) <= set(ref.catalogue)
    general = [c for c in ref.catalogue if c.startswith("av-")]
    assert len(general) >= 6


def test_catalogue_follows_the_viertrap_and_the_laws() -> None:
    cat = load_reference().catalogue
    assert cat["wmo-hh1"].kind is ProvisionKind.GENERAL  # HH1 is an algemene voorziening since 2016
    assert cat["wmo-hh2"].kind is ProvisionKind.TAILORED
    assert cat["wmo-dagbesteding"].step == 3  # gerichte collectieve voorziening
    assert cat["wmo-beschermd-wonen"].step == 4
    assert cat["jw-pleegzorg"].law is Law.JEUGDWET and cat["jw-pleegzorg"].youth
    for item in cat.values():
        if item.kind is ProvisionKind.GENERAL:
            assert item.step in (1, 2) and not item.pgb_allowed
        else:
            assert item.step in (3, 4)
        assert item.category


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    target = tmp_path / "resources"
    shutil.copytree(builtin_resources_dir(), target, ignore=shutil.ignore_patterns("translations"))
    return target


def _replace(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace the first ``count`` occurrences; returns the 1-based line of the first."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text.count("\n", 0, index) + 1


def _expect_error(resources: Path, relative: str, line: int, fragment: str) -> None:
    with pytest.raises(ReferenceDataError) as info:
        load_reference(resources, overlay=None)
    err = info.value
    assert err.path.name == Path(relative).name
    assert err.line == line, str(err)
    assert fragment in str(err)
    assert str(err).startswith(f"{err.path}:{line}: ")


def test_score_outside_range_names_file_and_line(resources: Path) -> None:
    rel = "instruments/zrm-2017.yaml"
    line = _replace(resources / rel, "score: 5", "score: 6")
    _expect_error(resources, rel, line, "less than or equal to 5")


def test_duplicate_domain_code(resources: Path) -> None:
    rel = "instruments/zrm-household.yaml"
    line = _replace(resources / rel, "code: hh_relaties", "code: hh_huisvesting")
    _expect_error(resources, rel, line, "hh_huisvesting")


def test_missing_level(resources: Path) -> None:
    rel = "instruments/zrm-children.yaml"
    _replace(resources / rel, "score: 3", "score: 2")
    text = (resources / rel).read_text(encoding="utf-8")
    second = text.index("score: 2", text.index("score: 2") + 1)
    _expect_error(resources, rel, text.count("\n", 0, second) + 1, "score")


def test_unknown_life_area(resources: Path) -> None:
    rel = "instruments/zrm-2017.yaml"
    line = _replace(resources / rel, "life_area: zorg", "life_area: gezondheid")
    _expect_error(resources, rel, line, "onbekend leefgebied 'gezondheid'")


def test_unknown_law(resources: Path) -> None:
    rel = "catalogue/provisions.yaml"
    line = _replace(resources / rel, "law: jeugdwet", "law: awbz")
    _expect_error(resources, rel, line, "law")


def test_duplicate_catalogue_code(resources: Path) -> None:
    rel = "catalogue/provisions.yaml"
    line = _replace(resources / rel, "code: wmo-hh2", "code: wmo-hh1")
    _expect_error(resources, rel, line, "'wmo-hh1' komt dubbel voor")


def test_general_provision_with_pgb_is_refused(resources: Path) -> None:
    rel = "catalogue/provisions.yaml"
    path = resources / rel
    text = path.read_text(encoding="utf-8")
    start = text.index("code: wmo-hh1")
    index = text.index("pgb_allowed: false", start)
    path.write_text(text[:index] + "pgb_allowed: true" + text[index + 18 :], encoding="utf-8")
    _expect_error(resources, rel, text.count("\n", 0, index) + 1, "pgb")


def test_step_outside_viertrap(resources: Path) -> None:
    rel = "catalogue/provisions.yaml"
    line = _replace(resources / rel, "step: 4", "step: 5")
    _expect_error(resources, rel, line, "step")


def test_duplicate_list_code_and_unknown_key(resources: Path) -> None:
    rel = "lists/referral_sources.yaml"
    line = _replace(resources / rel, "code: gi", "code: school")
    _expect_error(resources, rel, line, "'school' komt dubbel voor")


def test_unknown_field_and_duplicate_yaml_key(resources: Path) -> None:
    rel = "lists/closing_reasons.yaml"
    line = _replace(resources / rel, "    name: Verhuisd", "    name: Verhuisd\n    naam: x")
    _expect_error(resources, rel, line + 1, "naam")
    shutil.copy(builtin_resources_dir() / rel, resources / rel)
    line = _replace(resources / rel, "    name: Overleden", "    name: Overleden\n    name: Dood")
    _expect_error(resources, rel, line + 1, "dubbel")


def test_broken_yaml_syntax(resources: Path) -> None:
    rel = "lists/life_areas.yaml"
    line = _replace(resources / rel, "  - code: zorg", "  - code: [zorg")
    with pytest.raises(ReferenceDataError) as info:
        load_reference(resources, overlay=None)
    assert info.value.path.name == "life_areas.yaml"
    assert info.value.line is not None and info.value.line >= line


def test_missing_list_file(resources: Path) -> None:
    (resources / "lists/closing_reasons.yaml").unlink()
    with pytest.raises(ReferenceDataError, match=r"closing_reasons\.yaml"):
        load_reference(resources, overlay=None)


def test_overlay_replaces_instrument_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overlay = tmp_path / "gemeente"
    (overlay / "instruments").mkdir(parents=True)
    licensed = (builtin_resources_dir() / "instruments/zrm-2017.yaml").read_text(encoding="utf-8")
    licensed = licensed.replace(
        "description: Inkomen, uitgaven, schulden en de eigen administratie.",
        "description: Gelicentieerde tekst van de gemeente.",
    )
    (overlay / "instruments/zrm-2017.yaml").write_text(licensed, encoding="utf-8")
    monkeypatch.setenv("CASEWORKER_RESOURCES", str(overlay))
    ref = load_reference()
    assert ref.instruments["zrm-2017"].domain("financien").description == (
        "Gelicentieerde tekst van de gemeente."
    )
    assert "zrm-children" in ref.instruments  # the rest still comes from the built-in files
    # a malformed overlay file is reported with the overlay's path
    (overlay / "instruments/zrm-2017.yaml").write_text(
        licensed.replace("score: 1\n", "score: 0\n"), encoding="utf-8"
    )
    with pytest.raises(ReferenceDataError) as info:
        load_reference()
    assert info.value.path.parent == overlay / "instruments"
    monkeypatch.setenv("CASEWORKER_RESOURCES", str(tmp_path / "missing"))
    with pytest.raises(ReferenceDataError):
        load_reference()
