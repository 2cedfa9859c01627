"""Passphrase rules and strength feedback (Dutch), shared by the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field

from zxcvbn import zxcvbn

from .errors import WeakPassphrase

MIN_LENGTH = 12
MIN_SCORE = 2  # zxcvbn 0..4

_LABELS = ("zeer zwak", "zwak", "redelijk", "sterk", "zeer sterk")


@dataclass(frozen=True)
class PassphraseAssessment:
    score: int  # 0..4
    label: str
    problems: list[str] = field(default_factory=list)

    @property
    def acceptable(self) -> bool:
        return not self.problems


def assess_passphrase(
    passphrase: str, user_inputs: list[str] | None = None
) -> PassphraseAssessment:
    problems: list[str] = []
    if len(passphrase) < MIN_LENGTH:
        problems.append(f"Gebruik minstens {MIN_LENGTH} tekens; een zin van vier woorden is goed.")
    if passphrase != passphrase.strip():
        problems.append("Begin of eindig niet met een spatie.")
    score = (
        int(zxcvbn(passphrase[:100], user_inputs=user_inputs or [])["score"]) if passphrase else 0
    )
    if score < MIN_SCORE and len(passphrase) >= MIN_LENGTH:
        problems.append("Te makkelijk te raden: vermijd bekende woorden, reeksen en herhalingen.")
    return PassphraseAssessment(score=score, label=_LABELS[score], problems=problems)


def require_acceptable(passphrase: str) -> None:
    assessment = assess_passphrase(passphrase)
    if not assessment.acceptable:
        raise WeakPassphrase(" ".join(assessment.problems))
