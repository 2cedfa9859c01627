"""Closed value sets of the domain. Values are stable codes stored in the database."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASEWORKER = "caseworker"
    TEAM_LEAD = "team_lead"
    ADMINISTRATOR = "administrator"


class HouseholdStatus(StrEnum):
    INTAKE = "intake"  # aanmelding / intake loopt
    ACTIVE = "active"  # plan in uitvoering
    CLOSED = "closed"  # afgesloten


class PersonRole(StrEnum):
    PARENT = "parent"  # ouder / verzorger
    CHILD = "child"  # kind
    OTHER = "other"  # overig gezinslid


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRISIS = "crisis"


class IntakeStatus(StrEnum):
    DRAFT = "draft"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


class IntakeStep(StrEnum):
    """The five steps of seed 003 (Groningen voor elkaar)."""

    FIRST_CONTACT = "first_contact"  # eerste contact
    CLARIFICATION = "clarification"  # vraagverheldering & resultaat vaststellen
    SOLUTION = "solution"  # oplossing afspreken
    ARRANGEMENT = "arrangement"  # arrangement
    ALLOCATION = "allocation"  # toewijzing voorzieningen


class PlanStatus(StrEnum):
    DRAFT = "draft"  # concept
    AGREED = "agreed"  # vastgesteld
    CLOSED = "closed"


class GoalStatus(StrEnum):
    OPEN = "open"
    REACHED = "reached"
    NOT_REACHED = "not_reached"
    CANCELLED = "cancelled"


class Actor(StrEnum):
    """Who carries out an action (actie / afspraak)."""

    SELF = "self"  # het gezin zelf
    NETWORK = "network"  # sociaal netwerk
    CASEWORKER = "caseworker"  # WIJ-medewerker
    PROVIDER = "provider"  # aanbieder


class ProvisionKind(StrEnum):
    GENERAL = "general"  # algemene voorziening
    TAILORED = "tailored"  # maatwerkvoorziening


class Law(StrEnum):
    WMO = "wmo"
    JEUGDWET = "jeugdwet"
    PARTICIPATIEWET = "participatiewet"
    NONE = "none"


class Funding(StrEnum):
    ZIN = "zin"  # zorg in natura
    PGB = "pgb"  # persoonsgebonden budget
    NONE = "none"  # algemene voorziening, geen beschikking


class ProvisionStatus(StrEnum):
    PROPOSED = "proposed"
    GRANTED = "granted"  # beschikt
    ENDED = "ended"
    REJECTED = "rejected"


class AssessmentKind(StrEnum):
    BASELINE = "baseline"  # nulmeting
    INTERIM = "interim"  # tussenmeting
    FINAL = "final"  # eindmeting


class EscalationKind(StrEnum):
    TASKFORCE = "taskforce"
    DE_PLOEG = "de_ploeg"
    VEILIG_THUIS = "veilig_thuis"


class SafetySignalKind(StrEnum):
    DOMESTIC_VIOLENCE = "domestic_violence"  # huiselijk geweld
    CHILD_ABUSE = "child_abuse"  # kindermishandeling
    ELDER_ABUSE = "elder_abuse"  # ouderenmishandeling
    OTHER = "other"


class ConflictStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
