"""One sync run: resend open batches, push, upload files, pull, check, targeted resync.

Failures are sorted: a transport failure stops the run (the caller backs off); a bad
record is quarantined and the run goes on; a refused protocol version stops the run
with "cập nhật ứng dụng".
"""

from __future__ import annotations

import json
import logging
from collections import deque
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from typing import Callable

from sqlalchemy import select

from desktop.core import collection
from desktop.store.changelog import ALL_FIELDS, CHANGE_LOG, ChangeLogEntry, pending_count
from desktop.sync.payload_rules import canonical
from desktop.store.models.sync import SyncState
from desktop.store.records import record_fields, record_kinds
from desktop.store.bulk import in_chunks
from desktop.sync import attachments, compaction, cross_ward, outbox, protocol as p
from desktop.sync.apply import apply_records, retry_set_aside, set_aside_ids, unsynced_ids
from desktop.sync.transport import Transport, UpgradeRequired

log = logging.getLogger(__name__)

PULL_PAGE = p.MAX_PULL_LIMIT  # the largest page the protocol allows: fewer round trips
FETCH_PAGE = 1000
# push batches at the server at once: one being stored while the next is parsed and checked
PUSH_IN_FLIGHT = 2


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    set_aside: int = 0  # pulled records that could not be stored here (quarantined or a duplicate person)
    pending: int = 0
    changes_sent: int = 0  # local changes settled by the server (several of one record go as one record)
    already_stored: int = 0  # records the server had already (a batch sent again after a lost answer)
    merged: int = 0  # changes that were later edits of a record sent in the same item
    files: int = 0
    downloaded: int = 0
    check: dict = field(default_factory=dict)
    resynced: dict = field(default_factory=dict)
    cross_ward: int = 0  # residents' CCCDs another ward registered too (matches, as the server last said)

    def as_dict(self) -> dict:
        return asdict(self)


def is_bookkeeping(record) -> bool:
    """The audit entry of a sync run (`record`: anything with a `kind` and a `payload`, an outbox item or a pulled
    record): it travels like any record but is not counted as data moved. The kind is looked at first, so
    the payload of any other record (an outbox item's stored text) is never decoded for it."""
    return record.kind == "audit_entry" and record.payload.get("action") == "sync"


# progress(stage, done, total): stage "push" (changes sent of those waiting) or "pull" (records
# received of those the server said would come; total 0: the server does not say, being older)
Progress = Callable[[str, int, int], None]


class SyncClient:
    def __init__(self, ctx, transport: Transport, ward: str, progress: Progress | None = None):
        self.ctx = ctx
        self.t = transport
        self.ward = ward
        self.report = SyncReport()
        self._progress = progress or (lambda _stage, _done, _total: None)
        self._push_total: int | None = 0
        # what the server accepts in a batch (its `ServerInfo`; until asked, what every server accepts)
        self.batch_items, self.batch_bytes = p.FORMER_BATCH_ITEMS, p.FORMER_BATCH_BYTES

    def _write(self):
        return self.ctx.store.write(actor="sync", applying_remote=True, background_checkpoint=True)

    # -- the run ------------------------------------------------------------------------
    def run(self, *, check: bool | None = None) -> SyncReport:
        info = self.t.info()
        if info.protocol_version < p.MIN_SERVER_PROTOCOL:
            raise UpgradeRequired(f"server protocol {info.protocol_version}")
        self.batch_items = max(1, min(p.MAX_BATCH_ITEMS, info.max_batch_items))
        self.batch_bytes = max(1, min(p.MAX_BATCH_BYTES, info.max_batch_bytes))
        self.push_all()
        self.report.files = attachments.upload_all(self.ctx, self.t, self.ward)
        self.pull_all()
        self.report.downloaded = attachments.download_all(self.ctx, self.t, self.ward)
        self.report.cross_ward = cross_ward.refresh(self.ctx, self.t, self.ward)
        moved = self.report.pushed or self.report.pulled
        if check if check is not None else (moved or self._check_due()):
            self.verify()
        compaction.compact_sent(self.ctx)  # confirmed rows go, once the check has passed
        with self.ctx.read() as s:
            self.report.pending = pending_count(s)
            from desktop.sync.conflicts import unresolved_count

            self.report.conflicts = unresolved_count(s)
        return self.report

    def _check_due(self) -> bool:
        with self.ctx.read() as s:
            st = s.get(SyncState, 1)
            if st is None or not st.last_check_json:
                return True
            return not json.loads(st.last_check_json).get("ok", False)

    # -- push -----------------------------------------------------------------------------
    def push_all(self, *, quiet: bool = False) -> None:
        """Send every waiting change; `quiet`: tell no progress (the run's own audit entry).

        No cycle hunting while it runs (`collection.quiet`): a batch's rows, items and answer are freed by
        their reference counts (an edit push of 100,000 leaves ~140 objects in cycles), but the thousands of
        them alive at once set off a collection every few hundred allocations and one of the whole heap every
        few batches (a second of 100,000 changes)."""
        with collection.quiet():
            self._push_waiting(quiet)

    def _push_waiting(self, quiet: bool) -> None:
        with self.ctx.read() as s:
            waiting = outbox.open_batches(s)
            self._push_total = None if quiet else self.report.changes_sent + pending_count(s)
        if self._push_total is not None:
            self._progress("push", self.report.changes_sent, self._push_total)
        for batch_id in waiting:  # answers lost last time: the same batch again
            log.info("resending batch %s", batch_id)
            self._send(batch_id)
        # Pipelined: while batches are at the server (up to PUSH_IN_FLIGHT), the next one is built, encoded and
        # sent, so neither the server nor this laptop waits for the other: the server parses and checks one
        # batch while the database stores the one before, and this laptop settles an answer meanwhile. A new
        # batch leaves out the records of those still out (settling them may rebase their later changes);
        # every batch is saved before it is sent, so a crash resends them in order. Answers are read and
        # settled oldest first. One local transaction per batch: settling one answer and building the next
        # batch commit together.
        with self.ctx.read() as s:
            watch = outbox.LaterWatch.taken(s)  # after the resends: their rows are settled
        with ThreadPoolExecutor(max_workers=PUSH_IN_FLIGHT, thread_name_prefix="sync-push") as pool:
            flights: deque = deque()  # (a batch at the server, its record ids, the future of its answer), oldest first
            answered = None  # (a batch, its answer): settled with the next transaction
            while True:
                out = set().union(*(ids for _batch, ids, _future in flights))
                with self._write() as s:
                    settled = outbox.settle(s, answered[0].batch_id, answered[0].groups, answered[0].items,
                                            answered[1], watch) if answered else None
                    batch = outbox.take_batch(s, self.batch_items, self.batch_bytes, exclude=out)
                if answered:
                    self._counted(answered[0].items, answered[0].groups, settled)
                if batch is not None:
                    body = self.t.push_body(batch)
                    flights.append((batch, {i.record_id for i in batch.items},
                                    pool.submit(self.t.send_push, self.ward, body)))
                answered = None
                if flights and (len(flights) >= PUSH_IN_FLIGHT or batch is None):
                    oldest, _ids, future = flights.popleft()
                    answered = (oldest, self.t.read_push(future.result()))
                if not flights and answered is None:
                    return

    def _send(self, batch_id: str) -> None:
        with self.ctx.read() as s:
            items, groups = outbox.batch_items(s, batch_id)
        if not items:
            with self._write() as s:
                from desktop.store.models.sync import SyncBatch

                b = s.get(SyncBatch, batch_id)
                if b is not None:
                    b.state = "done"
            return
        answer = self.t.push(self.ward, outbox.Batch(batch_id, items, groups))
        self._settle(batch_id, items, groups, answer)

    def _settle(self, batch_id: str, items: list, groups: list, answer: p.PushResponse) -> None:
        with self._write() as s:
            # rows of a `sending` batch change only here (one sync at a time): settle what was sent
            out = outbox.settle(s, batch_id, groups, items, answer)
        self._counted(items, groups, out)

    def _counted(self, items: list, groups: list, out: outbox.BatchOutcome) -> None:
        """A settled batch in the report and the progress."""
        runs = {i.record_id for i in items if is_bookkeeping(i)}
        self.report.pushed += out.applied - sum(1 for _kind, rid in out.records if rid in runs)
        self.report.rejected += out.rejected
        self.report.changes_sent += out.changes - sum(len(rows) for i, rows in zip(items, groups) if i.record_id in runs)
        self.report.already_stored += out.already_stored
        self.report.merged += out.merged
        if self._push_total is not None:
            self._progress("push", self.report.changes_sent, max(self._push_total, self.report.changes_sent))

    # -- pull -----------------------------------------------------------------------------
    def _state(self, s) -> SyncState:
        st = s.get(SyncState, 1)
        if st is None:
            st = SyncState(id=1, ward_code=self.ward)
            s.add(st)
        return st

    def pull_all(self) -> None:
        """Pages in cursor order. The next page is fetched while this one is stored (it depends
        only on this page's cursor); a failure fetching it surfaces after this page is saved. No cycle
        hunting meanwhile (`collection.quiet`, as for the push: a pull of 50,000 leaves ~130 objects in cycles)."""
        with collection.quiet():
            self._pull_pages()
        self.retry_set_aside()

    def _pull_pages(self) -> None:
        with self.ctx.read() as s:
            st = s.get(SyncState, 1)
            cursor = st.cursor if st else 0
        self._progress("pull", 0, 0)
        # records received of those this pull brings (the first page's and those the server said would follow)
        received, total = 0, 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as pool:
            page = self.t.pull(self.ward, cursor, PULL_PAGE, count=True)
            if page.remaining is not None:
                total = len(page.records) + page.remaining
            while True:
                last = not page.more or page.cursor == cursor
                ahead = None if last else pool.submit(self.t.pull, self.ward, page.cursor, PULL_PAGE)
                try:
                    with self._write() as s:
                        out = apply_records(s, page.records, unsynced_ids(s))
                        self._state(s).cursor = page.cursor
                except BaseException:
                    if ahead is not None:
                        ahead.cancel()
                        wait([ahead])
                    raise
                runs = sum(1 for rr in page.records if is_bookkeeping(rr))
                self.report.pulled += max(0, out.applied - runs)
                self.report.set_aside += out.failed + out.duplicates
                received += len(page.records)
                self._progress("pull", received, max(total, received) if total else 0)
                if ahead is None:
                    break
                cursor, page = page.cursor, ahead.result()

    def retry_set_aside(self) -> None:
        """Pulled records set aside earlier (a parent that came in a later page or sync, a duplicate decided
        here or on another laptop, a CCCD corrected in the form) are tried again once the pull is done;
        those that still fail stay where they are."""
        with self.ctx.read() as s:
            if not set_aside_ids(s):  # nothing quarantined on pull, no duplicate person waiting
                return
        with self._write() as s:
            out = retry_set_aside(s, unsynced_ids(s))
        self.report.pulled += out.applied

    # -- check after sync -----------------------------------------------------------------
    def local_sets(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """(ids the server should hold, every local id) per kind."""
        known: dict[str, set[str]] = {}
        every: dict[str, set[str]] = {}
        with self.ctx.read() as s:
            unsent = set(s.scalars(select(CHANGE_LOG.c.record_id).where(
                CHANGE_LOG.c.op == "insert", CHANGE_LOG.c.state != "sent")).all())  # one fetchall, not 100k fetchone
            aside = set_aside_ids(s)  # on the server, kept aside here: present, not to be fetched again
            for kind, cls in record_kinds().items():
                ids = set(s.scalars(select(cls.id)).all())
                every[kind] = ids | aside.get(kind, set())
                known[kind] = (ids - unsent) | aside.get(kind, set())
        return known, every

    def verify(self) -> dict:
        # The server counts and hashes its ids while this laptop reads its own (each ~0.4 s at 100,000 records)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-check") as pool:
            asked = pool.submit(self.t.check, self.ward)
            known, every = self.local_sets()
            server = asked.result().kinds
        result: dict = {"ok": True, "kinds": {}}
        mismatched = []
        for kind in sorted(set(server) | {k for k, v in known.items() if v}):
            mine = known.get(kind, set())
            theirs = server.get(kind, p.KindCheck(count=0, hash=p.ids_hash([])))
            ok = len(mine) == theirs.count and p.ids_hash(mine) == theirs.hash
            result["kinds"][kind] = {"local": len(mine), "server": theirs.count, "ok": ok}
            if not ok:
                mismatched.append(kind)
        if mismatched:
            log.warning("check after sync: mismatch in %s; targeted resync", ",".join(mismatched))
            for kind in mismatched:
                self.report.resynced[kind] = self.resync_kind(kind, known.get(kind, set()), every.get(kind, set()))
            self.push_all()
            server = self.t.check(self.ward).kinds
            known, _ = self.local_sets()
            for kind in mismatched:
                theirs = server.get(kind, p.KindCheck(count=0, hash=p.ids_hash([])))
                mine = known.get(kind, set())
                ok = len(mine) == theirs.count and p.ids_hash(mine) == theirs.hash
                result["kinds"][kind].update(local=len(mine), server=theirs.count, ok=ok)
            result["ok"] = all(v["ok"] for v in result["kinds"].values())
            log.warning("after targeted resync: %s", "consistent" if result["ok"] else "still different")
        self.report.check = result
        from desktop.store.base import utcnow

        with self._write() as s:
            st = self._state(s)
            st.last_check_json = json.dumps(result)
            st.last_check_at = utcnow()
        return result

    def resync_kind(self, kind: str, known: set[str], every: set[str]) -> dict:
        server_ids = set(self.t.ids(self.ward, kind))
        missing_here = sorted(server_ids - every)
        missing_there = sorted(known - server_ids)
        fetched = 0
        for start in range(0, len(missing_here), FETCH_PAGE):
            records = self.t.fetch(self.ward, kind, missing_here[start:start + FETCH_PAGE])
            with self._write() as s:
                out = apply_records(s, records, unsynced_ids(s))
            fetched += out.applied
        if missing_there:
            cls = record_kinds()[kind]
            with self._write() as s:
                for chunk in in_chunks(missing_there):
                    for obj in s.scalars(select(cls).where(cls.id.in_(chunk))):
                        payload = record_fields(obj)
                        s.add(ChangeLogEntry(
                            record_kind=kind, record_id=obj.id, op="delete" if obj.is_deleted else "insert", base_version=0,
                            version=max(obj.version, 1), fields_json=ALL_FIELDS,
                            payload_json=canonical(payload), actor="sync"))
                        obj.sync_state = "queued"
        log.warning("resync %s: fetched %d, re-sent %d", kind, fetched, len(missing_there))
        return {"fetched": fetched, "resent": len(missing_there)}
