"""Households and door-to-door visits for the demo ward (services/setup/demo_data.py).

Residents are placed as they are made: consecutive residents of a residential group share a household
(1 to 5 people, the first is the head, the others take the head's address); a few stay out of any
household. Once the residents are written, about half of the households get a visit in the last
month with an outcome per member that agrees with the member's stage (an account made on the visit's
day reads "helped now"); someone not at home gets a date to come back; someone who needs the police gets an
open police hand-off for the unspecified need, as `visits.record_visit` makes one, unless a help session's
hand-off already waits for them (`waiting`).
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Callable

from desktop.core.formatting import format_date
from desktop.core.household_code import ALPHABET, LENGTH, shown
from desktop.core.i18n import _
from desktop.core.outreach_vocab import POLICE_UNSPECIFIED
from desktop.core.text import fold
from desktop.core.vocab import VISIT_OUTCOMES_FOR_POLICE
from desktop.services.setup.demo_bulk import bulk_insert
from desktop.store.models import Household, HouseholdVisit, HouseholdVisitMember, PoliceHandoff

SIZES = {1: 15, 2: 25, 3: 25, 4: 20, 5: 15}
OPEN_OUTCOMES = {"vang_nha": 45, "tu_choi": 15, "can_cong_an": 15}
MET = ("Chủ hộ", "Vợ chủ hộ", "Con trai chủ hộ", "Con gái chủ hộ", "Người giúp việc", "Hàng xóm")


class DemoHouseholds:
    def __init__(self, rng: random.Random, new_id: Callable[[], str]):
        self.rng, self.new_id = rng, new_id
        self.pending: list[dict] = []  # household rows not written yet
        self.members: dict[str, list[tuple[str, str, date | None]]] = {}  # household id -> (resident id, stage, account_on)
        self._open: dict[str, list] = {}  # group id -> [household row, places left]
        self._codes: set[str] = set()
        self.code_of: dict[str, str] = {}  # household id -> code
        self.waiting: set[str] = set()  # residents with an open hand-off from a help session

    def _code(self) -> str:
        while True:
            code = "".join(self.rng.choice(ALPHABET) for _ in range(LENGTH))
            if code not in self._codes:
                self._codes.add(code)
                return code

    def place(self, row: dict) -> None:
        """Give a resident row (before it is written) its household."""
        if self.rng.random() < 0.04:
            row["household_id"] = None  # someone not grouped yet: the list says how many
            return
        group = row["residential_group_id"]
        current = self._open.get(group)
        if current is None or current[1] == 0:
            address = row["address_detail"]
            household = {"id": self.new_id(), "code": self._code(), "residential_group_id": group, "address": address,
                         "address_folded": fold(address), "register_no": "", "head_resident_id": row["id"], "notes": ""}
            self.pending.append(household)
            self.code_of[household["id"]] = household["code"]
            current = self._open[group] = [household, self.rng.choices(list(SIZES), weights=list(SIZES.values()))[0]]
        else:
            row["address_detail"] = current[0]["address"]
        current[1] -= 1
        row["household_id"] = current[0]["id"]
        self.members.setdefault(current[0]["id"], []).append((row["id"], row["adoption_stage"], row["account_on"]))

    def write_pending(self, s, actor: str) -> int:
        """The households made since the last call (before their residents: the residents point at them)."""
        n = bulk_insert(s, Household, self.pending, actor)
        self.pending = []
        return n

    def write_visits(self, s, today: date, actor: str, visitors: list[str], police_needed: str) -> dict:
        """The visits, their outcomes and the hand-offs of those who need the police (`police_needed`: what
        the unspecified need's guide says). A hand-off's id comes from its outcome's (no draw from the seed:
        the rest of the demo stays as it was; the outcome's id already differs per ward)."""
        visits, outcomes, handed = [], [], []
        for household_id, people in self.members.items():
            if self.rng.random() > 0.5:
                continue
            day = today - timedelta(days=self.rng.randint(1, 30))
            visit_id = self.new_id()
            results = {}
            for rid, stage, account_on in people:
                if stage == "da_tao_tai_khoan":
                    results[rid] = "da_ho_tro" if account_on == day else "da_xong"
                    if account_on and account_on > day:
                        results[rid] = "vang_nha"  # the account came later
                else:
                    results[rid] = self.rng.choices(list(OPEN_OUTCOMES), weights=list(OPEN_OUTCOMES.values()))[0]
            away = "vang_nha" in results.values()
            visits.append({"id": visit_id, "household_id": household_id, "visited_on": day,
                           "visited_by": self.rng.choice(visitors) if visitors else actor,
                           "met": "" if all(v == "vang_nha" for v in results.values()) else self.rng.choice(MET),
                           "next_visit_on": day + timedelta(days=7) if away else None, "notes": ""})
            rows = [{"id": self.new_id(), "visit_id": visit_id, "resident_id": rid, "outcome": outcome}
                    for rid, outcome in results.items()]
            outcomes += rows
            note = "{day} {who}: {text}".format(day=format_date(day), who=visits[-1]["visited_by"], text=_(
                "Ghi khi đến hộ {code}.").format(code=shown(self.code_of.get(household_id, ""))))
            for row in rows:
                if row["outcome"] in VISIT_OUTCOMES_FOR_POLICE and row["resident_id"] not in self.waiting:
                    self.waiting.add(row["resident_id"])
                    handed.append({"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"tocds-demo-handoff:{row['id']}")),
                                   "resident_id": row["resident_id"], "help_session_id": None,
                                   "reason": POLICE_UNSPECIFIED, "needed": police_needed, "since": day, "state": "mo",
                                   "closed_on": None, "closed_by": "", "notes": note})
        return {"household_visits": bulk_insert(s, HouseholdVisit, visits, actor),
                "household_visit_members": bulk_insert(s, HouseholdVisitMember, outcomes, actor),
                "handoffs": bulk_insert(s, PoliceHandoff, handed, actor)}
