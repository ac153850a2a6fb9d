"""Households made by the resident import: from a household-number column (số hộ), or, when the user
agrees, by grouping residents with the same address in the same residential group.

The checker calls `assign` on each row it passes to the writer; the row gets a household id (an
existing household with that number or address, or a new one). After the residents are written,
`write` stores the new households in the same transaction, each headed by its eldest member. The
residents point at households written after them, so the import defers foreign keys to the commit
(`defer_foreign_keys`): a refused or cancelled import still stores nothing.
"""

from __future__ import annotations

from sqlalchemy import select

from desktop.core import household_code as hc
from desktop.core.text import fold
from desktop.services.people import audit
from desktop.store.base import new_id
from desktop.store.bulk import in_chunks
from desktop.store.models import Household

REGISTER_NO_MAX = 40
ADDRESS_MAX = 300


class ImportHouseholds:
    """The households of one import: `for_file` (what the file and the user ask for), `assign` per row
    passed to the writer, `planned` for a dry run, `store` after the residents are written."""

    def __init__(self, s, *, by_register_no: bool, by_address: bool):
        self.by_register_no, self.by_address = by_register_no, by_address
        self.keys: dict[tuple, str] = {}  # key -> household id
        self.new: dict[str, dict] = {}  # household id -> its values, for the ones to make
        self.codes: set[str] = set()
        if not self.active:
            return
        s.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # off again at the commit
        for hid, code, group, folded, number in s.execute(select(
                Household.id, Household.code, Household.residential_group_id, Household.address_folded,
                Household.register_no).where(Household.deleted_at.is_(None))):
            self.codes.add(code)
            if number:
                self.keys.setdefault(("no", number), hid)
            if folded:
                self.keys.setdefault(("addr", group, folded), hid)

    @classmethod
    def for_file(cls, s, fields, by_address: bool) -> ImportHouseholds:
        """Households by the file's "số hộ" column when it has one (`fields`: the fields its columns give),
        by address when the user agreed."""
        return cls(s, by_register_no="household_no" in fields, by_address=by_address)

    @classmethod
    def none(cls) -> ImportHouseholds:
        """An import that makes no households."""
        return cls(None, by_register_no=False, by_address=False)

    @property
    def planned(self) -> int:
        """New households the rows so far make."""
        return len(self.new)

    @property
    def active(self) -> bool:
        return self.by_register_no or self.by_address

    def assign(self, cols: dict, register_no: object) -> None:
        """Set the row's `household_id` (None when the row names no household)."""
        number = " ".join(str(register_no).split())[:REGISTER_NO_MAX] if register_no not in (None, "") else ""
        if isinstance(register_no, float) and register_no.is_integer():
            number = str(int(register_no))
        address = " ".join((cols.get("address_detail") or "").split())[:ADDRESS_MAX]
        if number and self.by_register_no:
            key = ("no", number)
        elif address and self.by_address:
            key = ("addr", cols.get("residential_group_id"), fold(address))
        else:
            cols["household_id"] = None
            return
        hid = self.keys.get(key)
        if hid is None:
            hid = self.keys[key] = new_id()
            self.new[hid] = {"residential_group_id": cols.get("residential_group_id"), "address": address,
                             "address_folded": fold(address), "register_no": number}
        cols["household_id"] = hid

    def write(self, s) -> int:
        """Store the new households (after their residents): how many."""
        if not self.new:
            return 0
        heads: dict[str, str] = {}
        ids = list(self.new)
        for chunk in in_chunks(ids):
            marks = ",".join("?" * len(chunk))
            for hid, rid in s.connection().exec_driver_sql(
                    f"SELECT household_id, id FROM resident WHERE household_id IN ({marks}) AND deleted_at IS NULL "
                    "ORDER BY birth_year IS NULL, birth_year, sort_key", tuple(chunk)):
                heads.setdefault(hid, rid)
        for hid, values in self.new.items():
            code = hc.new_code()
            while code in self.codes:
                code = hc.new_code()
            self.codes.add(code)
            s.add(Household(id=hid, code=code, head_resident_id=heads.get(hid), **values))
        s.flush()
        return len(self.new)

    def store(self, s, ctx) -> int:
        """`write`, and the audit line saying how many (counts only): how many."""
        made = self.write(s)
        if made:
            audit.append(s, ctx, "create", "household", "", {"imported": made})
        return made
