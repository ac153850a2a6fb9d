"""Compaction of the change log: rows the server confirmed go once the check after sync has passed.

A change-log row is the outbox entry of one local change. Once the server answered it
`applied` / `already_stored` (`outbox.settle`: state `sent`, no error, its batch `done`)
and the check after sync found the server holding the same records, nothing on the laptop
reads it again: pushes read pending rows, conflict resolution the rows in conflict
(`error`) and those typed since (`pending`), the check the inserts not yet acknowledged,
a pull the records with unacknowledged changes. Such rows are removed (at 100,000 residents
they were a third of the database). Kept, and why (docs/sync-protocol.md, "Compaction"):
- rows not confirmed: `pending`, `sending`, `error` (in conflict), `quarantined` (refused:
  retried from the sync page), and `sent` rows marked by a conflict's resolution (`error`
  holds "resolved: …"; the server never stored them; the conflict row tells the story);
- every row of an audit entry: `audit.verify` finds an entry removed from the trail
  through the change-log row that was written with it;
- nothing at all while the last check after sync failed or never ran.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.store.models.sync import SyncState

log = logging.getLogger(__name__)

# Kinds whose change-log rows stay: the audit trail's check reads them (desktop.services.people.audit.verify).
KEPT_KINDS = ("audit_entry",)

_CONFIRMED = (
    "state = 'sent' AND error IS NULL AND record_kind NOT IN ({kept}) "
    "AND batch_id IN (SELECT batch_id FROM sync_batch WHERE state = 'done')"
).format(kept=", ".join(f"'{k}'" for k in KEPT_KINDS))


def check_passed(s: Session) -> bool:
    """Whether the last check after sync found the server holding what this laptop expects."""
    st = s.get(SyncState, 1)
    if st is None or not st.last_check_json:
        return False
    return bool(json.loads(st.last_check_json).get("ok", False))


def compact(s: Session) -> int:
    """Remove the confirmed rows (see the module docstring) in the caller's write; how many."""
    if not check_passed(s):
        return 0
    removed = s.execute(text(f"DELETE FROM change_log WHERE {_CONFIRMED}")).rowcount or 0
    if removed:
        log.info("change log compacted: %d confirmed rows removed", removed)
    return removed


def compact_sent(ctx) -> int:
    """`compact` in its own write (after a sync run; the bench)."""
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        return compact(s)
