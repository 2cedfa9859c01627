"""The Groninger viertrap: names and guiding questions per trede (shown in Dutch via .ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def step_name(step: int) -> str:
    names = {
        1: QCoreApplication.translate("steps", "Step 1 – own strength and social network"),
        2: QCoreApplication.translate("steps", "Step 2 – general provisions"),
        3: QCoreApplication.translate("steps", "Step 3 – targeted collective provisions"),
        4: QCoreApplication.translate("steps", "Step 4 – (specialist) individual provisions"),
    }
    return names.get(step, str(step))


def step_question(step: int) -> str:
    questions = {
        1: QCoreApplication.translate(
            "steps", "What can the family do itself, and what can the network do?"
        ),
        2: QCoreApplication.translate(
            "steps", "Which general provision in the neighbourhood fits (open access)?"
        ),
        3: QCoreApplication.translate(
            "steps", "Only if steps 1 and 2 are not enough: which targeted collective support?"
        ),
        4: QCoreApplication.translate(
            "steps", "Only if really needed: which individual provision, the cheapest adequate?"
        ),
    }
    return questions.get(step, "")


def actor_names() -> list[tuple[str, str]]:
    return [
        (QCoreApplication.translate("steps", "The family itself"), "self"),
        (QCoreApplication.translate("steps", "Network contact"), "network"),
        (QCoreApplication.translate("steps", "Caseworker"), "caseworker"),
        (QCoreApplication.translate("steps", "Provider"), "provider"),
    ]


def actor_name(code: str) -> str:
    return dict((c, n) for n, c in actor_names()).get(code, code)
