"""A complaint's life replayed from its event log up to a moment: its state then, and every handling.

The event log is the history; the complaint row keeps only the present (a reopening clears
`handled_at`). Reports "as of" a period's end replay the events written before that moment,
so a complaint reopened later still reads as handled, and a reopened complaint keeps the
handling it had before (each handling runs from the recording, or from the reopening, to
"đã xử lý xong").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

# Actions written at the same instant happen in this order (recording a complaint writes
# "tao" then "ghi_nhan", and "danh_dau_trung" when it is a duplicate).
_SAME_INSTANT_ORDER = ("tao", "ghi_nhan", "danh_dau_trung", "chuyen", "tiep_nhan", "bat_dau_xu_ly",
                       "hoan_thanh", "mo_lai", "danh_gia")
# What starts the handling clock (its deadline): recording (provisionally), acceptance, reopening.
CLOCK_STARTS = ("ghi_nhan", "tiep_nhan", "mo_lai")


@dataclass(frozen=True)
class Handling:
    started_at: datetime  # recorded (the first handling) or reopened (a later one)
    handled_at: datetime

    @property
    def hours(self) -> float:
        return (self.handled_at - self.started_at).total_seconds() / 3600


@dataclass(frozen=True)
class ComplaintState:
    """A complaint at a moment: what its row said then, and every handling finished by then."""

    status: str
    accepted_at: datetime | None
    handled_at: datetime | None  # the last handling, unless reopened since (as the row keeps it)
    clock_started_at: datetime | None  # when the handling clock running then started
    handlings: tuple[Handling, ...]
    reopenings: int = 0


def _key(event: tuple[datetime, str, str]) -> tuple:
    at, action, _to = event
    rank = _SAME_INSTANT_ORDER.index(action) if action in _SAME_INSTANT_ORDER else len(_SAME_INSTANT_ORDER)
    return at, rank


def replay(events: Iterable[tuple[datetime, str, str]], moment: datetime | None = None) -> ComplaintState:
    """The state after the events (at, action, to_status) written before `moment` (all when None)."""
    status, accepted, handled, clock, started = "nhap", None, None, None, None
    handlings: list[Handling] = []
    reopenings = 0
    for at, action, to_status in sorted(events, key=_key):
        if moment is not None and at >= moment:
            break
        status = to_status
        if action in CLOCK_STARTS:
            clock = at
        if action == "ghi_nhan":
            started = at
        elif action == "tiep_nhan":
            accepted = at
        elif action == "hoan_thanh":
            handled = at
            handlings.append(Handling(started or at, at))
        elif action == "mo_lai":
            handled, started = None, at
            reopenings += 1
    return ComplaintState(status, accepted, handled, clock, tuple(handlings), reopenings)


def events_from_row(status: str, recorded_at: datetime | None, accepted_at: datetime | None,
                    handled_at: datetime | None) -> list[tuple[datetime, str, str]]:
    """The events a complaint without a log implies (a record made outside the app): recorded,
    accepted and handled at the row's times, then its present status at the last of them."""
    events: list[tuple[datetime, str, str]] = []
    for at, action, to_status in ((recorded_at, "ghi_nhan", "da_ghi_nhan"), (accepted_at, "tiep_nhan", "da_tiep_nhan"),
                                  (handled_at, "hoan_thanh", "da_xu_ly")):
        if at is not None:
            events.append((at, action, to_status))
    if events and events[-1][2] != status:
        events.append((events[-1][0], "", status))
    return events
