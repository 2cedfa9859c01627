"""Search-as-you-type over the FTS5 index in the encrypted store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from caseworker.models import Household
from caseworker.services import ServiceContext
from caseworker.services.persons import PersonInput, add_person, remove_person
from caseworker.services.search import build_match_query, search_households
from caseworker.store import KdfParams, OpenStore, Store

from .test_svc_builders import household


def _make_families(s: Session, ctx: ServiceContext) -> dict[str, str]:
    zoe = household(
        s, ctx, "Familie Jansen", street="Hoofdstraat", house_number="7", postcode="9712AB",
        city="Groningen",
    )  # fmt: skip
    add_person(s, ctx, zoe, PersonInput("Zoë", "Jansen", date(2015, 3, 12), "child",
                                        bsn="123456782"))  # fmt: skip
    add_person(s, ctx, zoe, PersonInput("Mark", "Jansen", date(1984, 7, 1), "parent"))
    smit = household(s, ctx, "Familie Smit", street="Korreweg", house_number="101",
                     postcode="9715 AC", city="Groningen")  # fmt: skip
    add_person(s, ctx, smit, PersonInput("Jan", "Smit", date(1950, 1, 2), "parent",
                                         bsn="111222333"))  # fmt: skip
    janssen = household(s, ctx, "Familie Janssen", postcode="9741 KL", city="Groningen",
                        street="Çelikstraat")  # fmt: skip
    add_person(s, ctx, janssen, PersonInput("Noor", "Janssen", date(2001, 12, 3), "other"))
    return {"zoe": zoe, "smit": smit, "janssen": janssen}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpenStore, dict[str, str]]]:
    """One store for the read-only search cases (creating a store per case is slow)."""
    store = Store(tmp_path_factory.mktemp("search") / "store").create(
        "zoeken in het versleutelde archief", KdfParams.fast_for_tests()
    )
    ctx = ServiceContext(user_id=None, today=lambda: date(2026, 11, 23))
    try:
        with store.transaction() as s:
            ids = _make_families(s, ctx)
        yield store, ids
    finally:
        store.close()


@pytest.fixture
def families(shared: tuple[OpenStore, dict[str, str]]) -> dict[str, str]:
    return shared[1]


@pytest.fixture
def s(shared: tuple[OpenStore, dict[str, str]]) -> Iterator[Session]:
    with shared[0].session() as session:
        yield session


@pytest.fixture
def own(open_store: OpenStore, ctx: ServiceContext) -> dict[str, str]:
    """A fresh store with the same families, for tests that change data."""
    with open_store.transaction() as s:
        return _make_families(s, ctx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zoe", {"zoe"}),  # diacritics folded
        ("Zoë", {"zoe"}),
        ("ZOE JANS", {"zoe"}),
        ("jans", {"zoe", "janssen"}),  # prefix on the last token
        ("jansen ", {"zoe"}),  # a trailing space ends the word: no prefix
        ("celikstr", {"janssen"}),  # Ç folded
        ("janss", {"janssen"}),
        ("123456782", {"zoe"}),  # BSN
        ("1234 56 782", {"zoe"}),  # BSN typed in groups
        ("123.456.782", {"zoe"}),
        ("12345", {"zoe"}),  # BSN as you type it
        ("9712AB", {"zoe"}),  # postcode without space
        ("9712 ab", {"zoe"}),  # postcode with space, lower case
        ("9712a", {"zoe"}),
        ("9715 AC", {"smit"}),
        ("12-03-2015", {"zoe"}),  # birth date
        ("12-3-2015", {"zoe"}),
        ("2015-03-12", {"zoe"}),
        ("12/03/2015", {"zoe"}),
        ("02-01-1950", {"smit"}),
        ("hoofdstraat 7", {"zoe"}),  # address
        ("korreweg", {"smit"}),
        ("groningen", {"zoe", "smit", "janssen"}),
        ("jan smit", {"smit"}),
        ("13-03-2015", set()),
        ("pietersen", set()),
    ],
)
def test_search_cases(s: Session, families: dict[str, str], text: str, expected: set[str]) -> None:
    found = search_households(s, text)
    assert set(found) == {families[k] for k in expected}
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    "text",
    ['"', "AND", "OR", "NOT", "*", "(", ")", "NEAR(", "NEAR(jan smit, 2)", "jan AND", "^jan",
     "jan:", "col:jan", "'", "''", '"jan', "jan*", "-jan", "+", "{jan}", "[", "\\", "%", "_",
     "; DROP TABLE households; --", "\x00", "ë", "  ", "", "12-99-2015", "9999-99-99"],
)  # fmt: skip
def test_hostile_input_never_raises(s: Session, text: str) -> None:
    result = search_households(s, text)
    assert isinstance(result, list)


def test_operator_words_are_plain_words(s: Session, families: dict[str, str]) -> None:
    assert search_households(s, "smi*") == [families["smit"]]  # '*' kept as prefix
    assert search_households(s, '"smit') == [families["smit"]]
    assert search_households(s, "AND") == []
    assert search_households(s, "smit AND") == []  # AND is a word nobody has


def test_tombstoned_household_is_excluded(open_store: OpenStore, own: dict[str, str]) -> None:
    with open_store.transaction() as s:
        assert search_households(s, "korreweg") == [own["smit"]]
        row = s.get(Household, own["smit"])
        assert row is not None
        row.deleted = True
    with open_store.session() as s:
        assert search_households(s, "smit") == []
        assert search_households(s, "korreweg") == []
        assert set(search_households(s, "groningen")) == {own["zoe"], own["janssen"]}


def test_removed_person_is_no_longer_found(
    open_store: OpenStore, ctx: ServiceContext, own: dict[str, str]
) -> None:
    with open_store.transaction() as s:
        noor = add_person(s, ctx, own["smit"], PersonInput("Noortje", "Visser"))
        assert search_households(s, "visser") == [own["smit"]]
        remove_person(s, ctx, noor)
        assert search_households(s, "visser") == []
        assert search_households(s, "smit") == [own["smit"]]


def test_limit_and_stable_order(s: Session, families: dict[str, str]) -> None:
    assert len(search_households(s, "groningen", limit=2)) == 2
    assert search_households(s, "groningen", limit=0) == []
    assert search_households(s, "groningen") == search_households(s, "groningen")
    # the only household whose name and members match on the exact word comes first
    assert search_households(s, "smit")[0] == families["smit"]


def test_build_match_query_quotes_everything() -> None:
    assert build_match_query("") is None
    assert build_match_query(" ( * ) ") is None
    assert build_match_query("zoe") == '"zoe" *'
    assert build_match_query("jan ") == '"jan"'
    assert build_match_query("jan*") == '"jan" *'
    assert build_match_query("NEAR(a b)") == '"NEAR" AND "a" AND "b"'
    assert build_match_query('say "hi"') == '"say" AND "hi"'
    assert build_match_query("12-3-2015 jan") == '"12 03 2015" AND "jan" *'
    assert build_match_query("2015-03-12") == '"12 03 2015" *'
    assert build_match_query("1234 56 782") == '(("1234" AND "56" AND "782" *) OR "123456782" *)'


_PIECES = [*"aZë019 -./:*\"()^+{}[],;'\\_%\t", "AND", "OR", "NEAR", "NOT", "12-3-2015", "9712"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join) | st.text(max_size=30))
def test_any_text_is_a_valid_fts_query(shared: tuple[OpenStore, dict[str, str]], text: str) -> None:
    with shared[0].session() as session:
        assert isinstance(search_households(session, text), list)
