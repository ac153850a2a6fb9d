"""The city's figures kept in SQL, in the transaction that stores a change (issue #19).

Every stored change of a resident, help session, complaint, complaint answer or communication item
moves what that record counts for: per-ward counters (`ward_count`: residents by stage, group and
target group; accounts by the day they were made; help sessions by day and outcome; complaints by
day, accepted and handled on time or late; rated complaint answers by their complaint's day and
their rating) and one narrow row per complaint, answer and communication item (`city_record`: its
day, its acceptance and handling state, the due time still running: overdue depends on the time of
the request). The city view then answers from indexed SQL.

A rating counts while the answer and its complaint are both live in one ward: it moves when either
changes, so `apply` reads the ratings of the records it touches before and after writing their rows
and counts the difference (a change that moves nothing, a batch delivered again, adds nothing).

What a record counts for is `facts(kind, payload)`, a pure function of the stored payload: the
contribution taken away when a record changes is exactly the one added when it was stored. A
payload that cannot be read for a figure (a wrong type, a date that is not one, a due time without
its zone) counts for nothing, like the city view's guard left such rows out. Changing `facts` means
a migration that recomputes both tables (`rebuild`).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timezone
from typing import Any, Iterable, NamedTuple

from sqlalchemy import Connection, and_, delete, select, tuple_
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import postgresql, sqlite

from desktop.core.complaint_lifecycle import AWAITING_ACCEPTANCE, AWAITING_HANDLING
from desktop.core.period import VN_TZ
from desktop.core.vocab import ADOPTION_ORDER
from desktop.sync.payload_rules import same_values
from server.db import city_record, record, ward_count
from server.setwise import among, id_chunks, insert_rows

KINDS = ("resident", "help_session", "complaint", "complaint_feedback", "communication_item")
ROW_KINDS = ("complaint", "complaint_feedback", "communication_item")
ACCOUNT_STAGE = len(ADOPTION_ORDER) - 1
FINISHED = ("thanh_cong", "mot_phan", "khong_thanh_cong")


class Count(NamedTuple):
    """One counter of `ward_count` (without its ward)."""

    figure: str
    day: str = ""
    stage: int = 0
    outcome: str = ""
    group_id: str = ""
    target_group: str = ""


class Unreadable(ValueError):
    """A payload field a figure needs is not what the wire format says."""


def _text(payload: dict, name: str) -> str:
    value = payload.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Unreadable(name)
    return value


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise Unreadable("moment without its zone")
    return moment


def local_day(stamp: str) -> str:
    """The calendar day (Hanoi) of a moment or a date, as the city view's period filter reads it."""
    if "T" in stamp:
        return _moment(stamp).astimezone(VN_TZ).date().isoformat()
    return date.fromisoformat(stamp).isoformat()


def utc_text(stamp: str) -> str:
    """A moment as fixed-width UTC text: comparing two such texts compares the moments."""
    return _moment(stamp).astimezone(timezone.utc).isoformat(timespec="microseconds")


def _resident(payload: dict) -> list[Count]:
    stage = _text(payload, "adoption_stage")
    index = ADOPTION_ORDER.index(stage) if stage in ADOPTION_ORDER else 0
    out = [Count("resident", stage=index, group_id=_text(payload, "residential_group_id"),
                 target_group=_text(payload, "target_group"))]
    if index == ACCOUNT_STAGE:
        account_on = _text(payload, "account_on")
        out.append(Count("account", day=date.fromisoformat(account_on).isoformat() if account_on else ""))
    return out


def _session(payload: dict) -> list[Count]:
    started = _text(payload, "started_at")
    outcome = _text(payload, "outcome")
    kind = "ok" if outcome == "thanh_cong" else "done" if outcome in FINISHED else ""
    return [Count("session", day=local_day(started) if started else "", outcome=kind)]


def _complaint(payload: dict) -> dict:
    recorded = _text(payload, "recorded_at")
    status = _text(payload, "status")
    acc_due, accepted = _text(payload, "accept_due_at"), _text(payload, "accepted_at")
    han_due, handled = _text(payload, "handle_due_at"), _text(payload, "handled_at")
    row = {"day": local_day(recorded) if recorded else "", "acc_state": "", "acc_due": "", "han_state": "",
           "han_due": ""}
    if acc_due:
        utc_text(acc_due)  # a due time that is no moment: the complaint counts for nothing
        if accepted:
            row["acc_state"] = "ok" if accepted <= acc_due else "late"
        elif status in AWAITING_ACCEPTANCE:
            row["acc_state"], row["acc_due"] = "open", utc_text(acc_due)
    if han_due and (accepted or handled):
        utc_text(han_due)
        if handled:
            row["han_state"] = "ok" if handled <= han_due else "late"
        elif status in AWAITING_HANDLING:
            row["han_state"], row["han_due"] = "open", utc_text(han_due)
    return row


def _feedback(payload: dict) -> dict:
    rating = payload.get("rating")
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)):
        raise Unreadable("rating")
    return {"ref_id": _text(payload, "complaint_id"), "rating": rating or None}


def _communication(payload: dict) -> dict:
    published = _text(payload, "published_on")
    return {"day": date.fromisoformat(published).isoformat() if published else ""}


def _complaint_counts(row: dict) -> list[Count]:
    """A dated complaint counts by its day; its acceptance and handling once they are on time or late (an
    open one is counted from its row, against the time of the request)."""
    if not row["day"]:
        return []
    out = [Count("complaint", day=row["day"])]
    out += [Count(figure, day=row["day"], outcome=row[state]) for figure, state in
            (("complaint_acc", "acc_state"), ("complaint_han", "han_state")) if row[state] in ("ok", "late")]
    return out


_COUNTS = {"resident": _resident, "help_session": _session}
_ROWS = {"complaint": _complaint, "complaint_feedback": _feedback, "communication_item": _communication}


def facts(kind: str, payload: Any) -> tuple[list[Count], dict | None]:
    """The counters a live record adds one to, and its `city_record` columns (None: no row)."""
    if kind not in KINDS or not isinstance(payload, dict):
        return [], None
    try:
        if kind in _COUNTS:
            return _COUNTS[kind](payload), None
        row = _ROWS[kind](payload)
        return (_complaint_counts(row) if kind == "complaint" else []), row
    except (Unreadable, ValueError, TypeError, OverflowError):
        return [], None


# The payload fields `facts` reads, per kind: a change that leaves every one of them as it was (the same value of
# the same type) moves no counter and no row, and is passed over (an edit of a resident's notes: most pushes).
READS = {
    "resident": ("adoption_stage", "residential_group_id", "target_group", "account_on"),
    "help_session": ("started_at", "outcome"),
    "complaint": ("recorded_at", "status", "accept_due_at", "accepted_at", "handle_due_at", "handled_at"),
    "complaint_feedback": ("rating", "complaint_id"),
    "communication_item": ("published_on",),
}


def _same_facts(kind: str, before: Any, after: Any, touched: frozenset[str] | None = None) -> bool:
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return False
    reads = READS[kind]
    return (touched is not None and touched.isdisjoint(reads)) or same_values(before, after, reads)


class Change(NamedTuple):
    """A record as it was counted before (None: not at all, being new, deleted or unreadable) and now.
    `touched`: the only fields in which `after` can differ from `before` (a push's merge), None when any can."""

    kind: str
    record_id: str
    before: Any
    after: Any
    touched: frozenset[str] | None = None


class Plan(NamedTuple):
    """How a ward's changes move the figures, worked out without the database (`plan`), stored by `store`."""

    delta: Counter  # counter -> by how much
    gone: list[tuple[str, str]]  # (kind, record id) whose `city_record` row goes (or is replaced)
    rows: list[dict]  # the new `city_record` rows
    rated: tuple[set[str], set[str]]  # answers and complaints whose ratings may move


def plan(ward: str, changes: Iterable[Change]) -> Plan:
    delta: Counter = Counter()
    gone: list[tuple[str, str]] = []
    rows: list[dict] = []
    rated: tuple[set[str], set[str]] = (set(), set())
    for ch in changes:
        if ch.kind not in KINDS or _same_facts(ch.kind, ch.before, ch.after, ch.touched):
            continue
        old_counts, old_row = facts(ch.kind, ch.before) if ch.before is not None else ([], None)
        new_counts, new_row = facts(ch.kind, ch.after) if ch.after is not None else ([], None)
        for c in old_counts:
            delta[c] -= 1
        for c in new_counts:
            delta[c] += 1
        if old_row is not None or new_row is not None:
            gone.append((ch.kind, ch.record_id))
            if ch.kind in RATED:
                rated[RATED.index(ch.kind)].add(ch.record_id)
        if new_row is not None:
            rows.append(dict(_EMPTY_ROW, kind=ch.kind, record_id=ch.record_id, ward_code=ward, **new_row))
    return Plan(delta, gone, rows, rated)


def store(conn: Connection, ward: str, counted: Plan) -> None:
    """Move the figures by a `plan`, set-based (one upsert, one delete, one insert), after the records are written."""
    delta, gone, rows, rated = counted
    by_ward: dict[str, Counter] = {ward: delta}
    before = _ratings(conn, *rated) if any(rated) else {}
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in gone:
        by_kind.setdefault(kind, []).append(record_id)
    for kind, ids in by_kind.items():  # per kind: a row-value IN is no index lookup on PostgreSQL
        for chunk in id_chunks(conn, ids):
            conn.execute(delete(city_record).where(city_record.c.kind == kind, among(conn, city_record.c.record_id, chunk)))
    insert_rows(conn, city_record, rows)
    if any(rated):
        for (answer_ward, count), n in _moved(before, _ratings(conn, *rated)).items():
            by_ward.setdefault(answer_ward, Counter())[count] += n
    for code in sorted(by_ward):
        _add_counts(conn, code, {c: n for c, n in by_ward[code].items() if n})


def apply(conn: Connection, ward: str, changes: Iterable[Change]) -> None:
    """Move the figures by the changes of one ward. Called in the transaction that stores the changes (records'
    `_write` by `plan` and `store`, `central_update`, the backfill), after the records are written."""
    store(conn, ward, plan(ward, changes))


RATED = ("complaint_feedback", "complaint")


def _ratings(conn: Connection, answers: set[str], complaints: set[str]) -> dict[str, tuple[str, Count]]:
    """The rating counters the given answers, and the answers to the given complaints, count for now: answer id
    -> (its ward, Count("rating", complaint's day, stage=rating)). An answer counts while it and its complaint
    are live in the same ward, the answer rated and the complaint dated: the city view's average rating, read
    by the complaint's day (`city_figures._ratings`) without joining the rows at request time."""
    answer, complaint = city_record.alias("answer"), city_record.alias("complaint")
    found: dict[str, tuple[str, Count]] = {}
    base = (select(answer.c.record_id, answer.c.ward_code, complaint.c.day, answer.c.rating)
            .join(complaint, and_(complaint.c.kind == "complaint", complaint.c.record_id == answer.c.ref_id,
                                  complaint.c.ward_code == answer.c.ward_code))
            .where(answer.c.kind == "complaint_feedback", answer.c.rating.is_not(None), complaint.c.day != ""))
    for column, ids in ((answer.c.record_id, sorted(answers)), (answer.c.ref_id, sorted(complaints))):
        for chunk in id_chunks(conn, ids):
            for record_id, answer_ward, day, rating in conn.execute(base.where(among(conn, column, chunk))):
                found[record_id] = (answer_ward, Count("rating", day=day, stage=rating))
    return found


def _moved(before: dict[str, tuple[str, Count]], after: dict[str, tuple[str, Count]]) -> Counter:
    moved: Counter = Counter()
    for key in before.values():
        moved[key] -= 1
    for key in after.values():
        moved[key] += 1
    return moved


RATINGS_BACKFILL = (
    "INSERT INTO ward_count (ward_code, figure, day, stage, outcome, group_id, target_group, n) "
    "SELECT a.ward_code, 'rating', c.day, a.rating, '', '', '', count(*) FROM city_record a "
    "JOIN city_record c ON c.kind = 'complaint' AND c.record_id = a.ref_id AND c.ward_code = a.ward_code "
    "WHERE a.kind = 'complaint_feedback' AND a.rating IS NOT NULL AND c.day <> '' "
    "GROUP BY a.ward_code, c.day, a.rating")


def rebuild_ratings(conn: Connection) -> None:
    """The rating counters recomputed from the stored rows, in one statement (migration 0005's backfill)."""
    conn.execute(delete(ward_count).where(ward_count.c.figure == "rating"))
    conn.execute(sql_text(RATINGS_BACKFILL))


_EMPTY_ROW = {"day": "", "acc_state": "", "acc_due": "", "han_state": "", "han_due": "", "ref_id": "", "rating": None}


def _add_counts(conn: Connection, ward: str, delta: dict[Count, int]) -> None:
    if not delta:
        return
    values = [dict(c._asdict(), ward_code=ward, n=n) for c, n in sorted(delta.items())]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(ward_count).values(values)
    conn.execute(stmt.on_conflict_do_update(index_elements=[c.name for c in ward_count.primary_key.columns],
                                            set_={"n": ward_count.c.n + stmt.excluded.n}))


def parsed(text: str | None) -> Any:
    """A stored payload text as the figures read it (None when it is no JSON)."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def rebuild(conn: Connection, batch: int = 20_000) -> int:
    """Recompute every figure from the stored records (the migration's backfill). Records read."""
    conn.execute(delete(ward_count))
    conn.execute(delete(city_record))
    seen, last = 0, ("", "")
    while True:
        found = conn.execute(
            select(record.c.kind, record.c.record_id, record.c.ward_code, record.c.payload)
            .where(record.c.deleted.is_(False), record.c.kind.in_(KINDS),
                   tuple_(record.c.kind, record.c.record_id) > tuple_(*last))
            .order_by(record.c.kind, record.c.record_id).limit(batch)).all()
        if not found:
            return seen
        by_ward: dict[str, list[Change]] = {}
        for kind, record_id, ward, payload in found:
            by_ward.setdefault(ward, []).append(Change(kind, record_id, None, parsed(payload)))
        for ward, changes in by_ward.items():
            apply(conn, ward, changes)
        seen += len(found)
        last = (found[-1].kind, found[-1].record_id)
