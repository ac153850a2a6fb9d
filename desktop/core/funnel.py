"""The iHaNoi adoption funnel: stages in order, moves only forward, each reached stage dated.

Pure domain rules; services apply the result to a resident record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.core.vocab import ADOPTION_ORDER

# Date field stamped when a stage is reached (chua_biet has none).
STAGE_DATE_FIELD = {"da_biet": "aware_on", "da_cai_dat": "installed_on", "da_tao_tai_khoan": "account_on"}

# The stage a help-session step proves the resident has reached.
STEP_STAGE = {
    "informed": "da_biet",
    "installed": "da_cai_dat",
    "account_created": "da_tao_tai_khoan",
    "vneid_linked": "da_tao_tai_khoan",
    "first_use": "da_tao_tai_khoan",
}


def rank(stage: str) -> int:
    try:
        return ADOPTION_ORDER.index(stage)
    except ValueError as exc:
        raise ValueError(f"unknown adoption stage: {stage!r}") from exc


def at_least(stage: str, floor: str) -> bool:
    return rank(stage) >= rank(floor)


def stage_for_steps(steps) -> str:
    """The furthest stage the given steps prove (chua_biet when none)."""
    best = "chua_biet"
    for step in steps:
        stage = STEP_STAGE[step]
        if rank(stage) > rank(best):
            best = stage
    return best


@dataclass(frozen=True)
class Position:
    """A resident's place in the funnel: the stage and the date each stage was reached."""

    stage: str
    aware_on: date | None = None
    installed_on: date | None = None
    account_on: date | None = None

    def advance(self, target: str, on: date) -> "Position":
        """Move forward to `target` (never backwards), dating every stage passed that had no date.

        A resident who reaches "account created" directly is also dated as aware and
        installed on that day, unless those dates are already known.
        """
        new_stage = target if rank(target) > rank(self.stage) else self.stage
        dates = {"aware_on": self.aware_on, "installed_on": self.installed_on, "account_on": self.account_on}
        for stage in ADOPTION_ORDER[1 : rank(new_stage) + 1]:
            field = STAGE_DATE_FIELD[stage]
            if dates[field] is None:
                dates[field] = on
        return Position(new_stage, **dates)

    def changed_fields(self, other: "Position") -> dict:
        out = {}
        for name in ("stage", "aware_on", "installed_on", "account_on"):
            if getattr(self, name) != getattr(other, name):
                out[name] = getattr(other, name)
        return out
