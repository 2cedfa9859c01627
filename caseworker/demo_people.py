"""People for the demo data (caseworker.demo): household compositions per archetype,
names from Faker ``nl_NL``, birth dates, valid BSNs (11-proef), addresses."""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from faker import Faker

from caseworker.models.enums import PersonRole

from . import demo_content as content

_POSTCODE_LETTERS = "ABCDEFGHJKLMNPRTVWXZ"
_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` (negative: back), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def make_bsn(rng: random.Random) -> str:
    """A random 9-digit number that passes the 11-proef."""
    while True:
        digits = [rng.randint(1, 6)] + [rng.randint(0, 9) for _ in range(7)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def household_name(family: str) -> str:
    """'van Dijk' -> 'Van Dijk' (Dutch: capital tussenvoegsel without a given name)."""
    return family[:1].upper() + family[1:]


@dataclass
class Member:
    id: str
    role: PersonRole
    birth: date
    given: str
    female: bool
    tag: str = ""  # youth16, youth18, absent


class PeopleMaker:
    def __init__(
        self, fake: Faker, rng: random.Random, today: date, new_id: Callable[[], str]
    ) -> None:
        self.new_id = new_id
        self.fake = fake
        self.rng = rng
        self.today = today
        self.bsns: set[str] = set()

    def _born(self, min_years: int, max_years: int) -> date:
        months = self.rng.randint(min_years * 12, max_years * 12 + 11)
        return add_months(self.today, -months) - timedelta(days=self.rng.randint(0, 27))

    def _member(
        self, role: PersonRole, birth: date, tag: str = "", female: bool | None = None
    ) -> Member:
        if female is None:
            female = self.rng.random() < 0.5
        given = self.fake.first_name_female() if female else self.fake.first_name_male()
        return Member(self.new_id(), role, birth, given, female, tag)

    def members(self, archetype: str) -> tuple[list[Member], str, str]:
        """(members, family name, household display name) for one household."""
        family = self.fake.last_name()
        P, C, O = PersonRole.PARENT, PersonRole.CHILD, PersonRole.OTHER  # noqa: E741
        rng = self.rng
        m: list[Member] = []
        if archetype == "elderly_alone":
            m.append(self._member(O, self._born(75, 92)))
        elif archetype == "young_adult_alone":
            m.append(self._member(O, self._born(18, 27)))
        elif archetype == "couple":
            m += [self._member(O, self._born(60, 85), female=False),
                  self._member(O, self._born(58, 85), female=True)]  # fmt: skip
        elif archetype == "single_parent_three_children":
            m.append(self._member(P, self._born(28, 45), female=rng.random() < 0.8))
            m += [self._member(C, self._born(1, 15)) for _ in range(3)]
        else:
            parents = 1 if archetype.startswith("youth") and rng.random() < 0.4 else 2
            m += [self._member(P, self._born(30, 52), female=i == 0) for i in range(parents)]
            if archetype == "youth_16_half":
                months = rng.randint(198, 206)  # 16½ up to 17¼
                birth = add_months(self.today, -months) - timedelta(days=rng.randint(0, 27))
                m.append(self._member(C, birth, "youth16"))
            elif archetype == "youth_turning_18":
                months = rng.randint(210, 215)  # turns 18 within six months
                birth = add_months(self.today, -months) - timedelta(days=rng.randint(0, 27))
                m.append(self._member(C, birth, "youth18"))
            young = {"multi_problem": (2, 4), "debts_family": (1, 3), "school_absence": (1, 3)}
            low, high = young.get(archetype, (0, 2))
            m += [self._member(C, self._born(1, 15)) for _ in range(rng.randint(low, high))]
        school_age = [x for x in m if x.role is C and not x.tag and 6 <= self._age(x.birth) <= 16]
        wants_absent = archetype == "school_absence" or (
            archetype in ("single_parent_three_children", "debts_family", "multi_problem")
            and rng.random() < 0.3
        )
        if wants_absent:
            if not school_age:
                m.append(self._member(C, self._born(8, 15)))
                school_age = [m[-1]]
            rng.choice(school_age).tag = "absent"
        m.sort(key=lambda x: x.birth)
        adults = [x for x in m if x.role is not C]
        if len(m) == 1:
            name = f"{'Mevrouw' if m[0].female else 'De heer'} {household_name(family)}"
        else:
            name = f"Familie {household_name(family)}"
        assert adults
        return m, family, name

    def _age(self, birth: date) -> int:
        t = self.today
        return t.year - birth.year - ((t.month, t.day) < (birth.month, birth.day))

    def bsn(self) -> str:
        while True:
            value = make_bsn(self.rng)
            if value not in self.bsns:
                self.bsns.add(value)
                return value

    def person_fields(self, m: Member, family: str) -> dict[str, Any]:
        child = m.role is PersonRole.CHILD
        age = self._age(m.birth)
        note = None
        if m.tag == "absent":
            note = "Schoolverzuim: vaak afwezig sinds de zomervakantie; leerplicht is ingeschakeld."
        elif m.tag:
            note = "Ontvangt jeugdhulp."
        school = None
        if child and age >= 4:
            school = self.rng.choice(content.SCHOOLS)
        elif child:
            school = "Kinderopvang Olleke Bolleke"
        elif age < 67:
            school = self.rng.choice(content.WORK)
        return {
            "given_name": m.given,
            "family_name": family,
            "birth_date": m.birth,
            "role": m.role,
            "bsn": self.bsn() if self.rng.random() < 0.85 else None,
            "phone": None if child and age < 12 else self.phone(),
            "email": None if child else self.fake.free_email() if self.rng.random() < 0.5 else None,
            "school_or_work": school,
            "note": note,
        }

    def professional_name(self) -> tuple[str, str]:
        return self.fake.first_name(), self.fake.last_name()

    def contact_name(self) -> str:
        return f"{self.fake.first_name()} {self.fake.last_name()}"

    def street(self) -> str:
        return str(self.fake.street_name())

    def house_number(self) -> str:
        number = str(self.rng.randint(1, 240))
        return number + (self.rng.choice(("", "", "", "A", "B", "-1", "-2")))

    def postcode_letters(self) -> str:
        while True:
            letters = self.rng.choice(_POSTCODE_LETTERS) + self.rng.choice(_POSTCODE_LETTERS)
            if letters not in _FORBIDDEN_LETTERS:
                return letters

    def phone(self) -> str:
        return f"06-{self.rng.randint(10000000, 99999999)}"
