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


# Emptying the table and writing back the rows that stay: at most this many rows are held to be written back.
MAX_REWRITTEN = 20_000


def compact(s: Session) -> int:
    """Remove the confirmed rows (see the module docstring) in the caller's write; how many.

    After a large push nearly every row goes. Deleting them one by one costs SQLite a search and a delete in
    the table and in each of its four indexes (two of them on random keys: change and record ids) for every
    row: 1.5-2.1 s for 100,000 rows in the bench's push, 2.9-3.5 s from a cold cache. When few rows stay
    (at most half as many as go, and at most `MAX_REWRITTEN`), the table is emptied at once (SQLite frees its
    pages instead of deleting row by row; `secure_delete` still zeroes them) and the rows that stay are written
    back as they were, their numbers included; their payloads (`change_payload`) go and stay with them. Either way
    one transaction: a reader sees all or none of it."""
    if not check_passed(s):
        return 0
    conn = s.connection()
    total = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar() or 0
    kept = conn.exec_driver_sql(f"SELECT * FROM change_log WHERE ({_CONFIRMED}) IS NOT 1 "  # false or unknown (a NULL batch id): it stays
                                  f"LIMIT {MAX_REWRITTEN + 1}").all()
    removed = total - len(kept)
    if len(kept) <= MAX_REWRITTEN and removed > 0 and removed >= 2 * len(kept):
        payloads = conn.exec_driver_sql(
            "SELECT seq, payload_json FROM change_payload WHERE seq IN (SELECT value FROM json_each(?))",
            (json.dumps([row.seq for row in kept]),)).all() if kept else []
        conn.exec_driver_sql("DELETE FROM change_log")
        conn.exec_driver_sql("DELETE FROM change_payload")
        if kept:
            marks = ", ".join("?" * len(kept[0]))
            conn.exec_driver_sql(f"INSERT INTO change_log VALUES ({marks})", [tuple(row) for row in kept])
            conn.exec_driver_sql("INSERT INTO change_payload (seq, payload_json) VALUES (?, ?)",
                                 [tuple(row) for row in payloads])
    else:
        gone = f"SELECT seq FROM change_log WHERE {_CONFIRMED}"
        conn.exec_driver_sql(f"DELETE FROM change_payload WHERE seq IN ({gone})")
        removed = conn.exec_driver_sql(f"DELETE FROM change_log WHERE {_CONFIRMED}").rowcount or 0
    if removed:
        log.info("change log compacted: %d confirmed rows removed", removed)
    return removed


def compact_sent(ctx) -> int:
    """`compact` in its own write (after a sync run; the bench)."""
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        return compact(s)
