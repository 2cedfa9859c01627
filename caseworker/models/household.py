"""Teams, users, households, their members and their social network."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from .base import Base, SyncMixin, enum_column
from .enums import HouseholdStatus, PersonRole, Role
from .validators import check_birth_date, normalise_bsn, normalise_postcode


def _bsn_weighted_sum(column: str) -> str:
    terms = [f"{9 - i}*CAST(substr({column},{i + 1},1) AS INTEGER)" for i in range(8)]
    return "(" + " + ".join(terms) + f" - CAST(substr({column},9,1) AS INTEGER))"


_BSN_SUM = _bsn_weighted_sum("bsn")
BSN_CHECK_SQLITE = CheckConstraint(
    f"bsn IS NULL OR (length(bsn) = 9 AND bsn NOT GLOB '*[^0-9]*' AND bsn != '000000000' "
    f"AND {_BSN_SUM} % 11 = 0)",
    name="bsn_11_proef",
).ddl_if(dialect="sqlite")
BSN_CHECK_POSTGRES = CheckConstraint(
    f"bsn IS NULL OR (CASE WHEN bsn ~ '^[0-9]{{9}}$' AND bsn <> '000000000' "
    f"THEN {_BSN_SUM} % 11 = 0 ELSE false END)",
    name="bsn_11_proef",
).ddl_if(dialect="postgresql")


class Team(SyncMixin, Base):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(120), nullable=False)
    code: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    area: Mapped[str | None] = mapped_column(String(120))  # stadsdeel / wijk

    __table_args__ = (CheckConstraint("length(name) > 0", name="name_not_empty"),)


class User(SyncMixin, Base):
    """A professional using Caseworker. Credentials live on the server only."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(120), nullable=False)
    role: Mapped[Role] = mapped_column(enum_column(Role, "user_role"), nullable=False)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    team: Mapped[Team | None] = relationship()

    __table_args__ = (CheckConstraint("length(username) > 0", name="username_not_empty"),)


class Household(SyncMixin, Base):
    """Huishouden / gezin: one household, one plan, one coordinator."""

    __tablename__ = "households"

    name: Mapped[str] = mapped_column(String(200), nullable=False)  # e.g. "Familie De Vries"
    street: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(20))
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(100))
    neighbourhood: Mapped[str | None] = mapped_column(String(100))  # wijk
    phone: Mapped[str | None] = mapped_column(String(32))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    coordinator_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))  # regisseur
    status: Mapped[HouseholdStatus] = mapped_column(
        enum_column(HouseholdStatus, "household_status"),
        nullable=False,
        default=HouseholdStatus.INTAKE,
    )
    opened_on: Mapped[date] = mapped_column(Date, nullable=False)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing_reason: Mapped[str | None] = mapped_column(String(64))  # code from reference data
    closing_note: Mapped[str | None] = mapped_column(Text)

    team: Mapped[Team | None] = relationship()
    coordinator: Mapped[User | None] = relationship()
    persons: Mapped[list[Person]] = relationship(
        back_populates="household", order_by="Person.birth_date"
    )
    network: Mapped[list[NetworkContact]] = relationship(back_populates="household")

    __table_args__ = (
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint(
            "(status = 'closed') = (closed_on IS NOT NULL AND closing_reason IS NOT NULL)",
            name="closed_has_date_and_reason",
        ),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"),
        Index("ix_households_team_status", "team_id", "status"),
        Index("ix_households_coordinator", "coordinator_id"),
    )

    @validates("postcode")
    def _postcode(self, _key: str, value: str | None) -> str | None:
        return normalise_postcode(value)


class Person(SyncMixin, Base):
    """Gezinslid."""

    __tablename__ = "persons"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    given_name: Mapped[str] = mapped_column(String(100), nullable=False)
    family_name: Mapped[str] = mapped_column(String(100), nullable=False)
    birth_date: Mapped[date | None] = mapped_column(Date)
    role: Mapped[PersonRole] = mapped_column(enum_column(PersonRole, "person_role"), nullable=False)
    bsn: Mapped[str | None] = mapped_column(String(9))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    school_or_work: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)

    household: Mapped[Household] = relationship(back_populates="persons")

    __table_args__ = (
        CheckConstraint("length(given_name) > 0", name="given_name_not_empty"),
        BSN_CHECK_SQLITE,
        BSN_CHECK_POSTGRES,
        Index("ix_persons_household", "household_id"),
        Index("ix_persons_bsn", "bsn"),
    )

    @validates("bsn")
    def _bsn(self, _key: str, value: str | None) -> str | None:
        return normalise_bsn(value)

    @validates("birth_date")
    def _birth_date(self, _key: str, value: date | None) -> date | None:
        return check_birth_date(value)

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class NetworkContact(SyncMixin, Base):
    """Sociaal netwerk: who around the household can help with what (trede 1)."""

    __tablename__ = "network_contacts"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))  # whose contact
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    relation: Mapped[str] = mapped_column(String(100), nullable=False)  # buurvrouw, oma, ...
    phone: Mapped[str | None] = mapped_column(String(32))
    can_help_with: Mapped[str | None] = mapped_column(Text)
    availability: Mapped[str | None] = mapped_column(String(200))

    household: Mapped[Household] = relationship(back_populates="network")

    __table_args__ = (
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        Index("ix_network_contacts_household", "household_id"),
    )
