"""Record payloads on the wire, per kind: which fields, of which type, how long, from which vocabulary.

Part of the wire format (re-exported by desktop.sync.protocol, which the server imports): the server
refuses an item whose payload breaks these rules (per item, with the reason), and the laptop checks
the same rules before it saves a record (desktop.store.changelog) and when it applies a pulled one
(desktop.sync.apply), so nothing is typed that the server will refuse and nothing is stored that the
laptop cannot read. A field a kind does not list (sent by a newer app) passes if its name is a plain
identifier: new optional fields keep the protocol version. No pydantic here: the store imports it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Callable

import msgspec

UUID_PATTERN = r"^[0-9a-fA-F-]{1,36}$"


# One encoder for every call: `json.dumps` with options builds a new JSONEncoder each time (a tenth of the
# server's CPU per pushed item went to that). `encode` keeps no state between calls (safe in threads) and
# its text is `json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`, byte for byte.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
# msgspec writes the same text four times faster (3 us a resident's payload, not 13: a tenth of the server's
# CPU per pushed item) for everything but floats (1e+16 is 1e16 there, NaN null) and lone surrogates (it
# refuses them): a payload of plain strings, integers, booleans and nulls goes through it, anything else
# through the json module. A test holds the two equal over every character and integer size.
_FAST = msgspec.json.Encoder(order="sorted").encode
_FAST_SCALARS = frozenset((str, int, bool, type(None)))
_STR_ONLY = frozenset((str,))


def canonical(value: Any) -> str:
    """The one canonical JSON text (sorted keys, no spaces, UTF-8 as is), used by the change log, the
    wire format, the server's store, the audit chain and personal-data requests: sync and the audit
    chain compare these texts byte for byte, so there is no second definition."""
    kind = value.__class__
    if (kind is dict and set(map(type, value.values())) <= _FAST_SCALARS and set(map(type, value)) <= _STR_ONLY) \
            or (kind is list and set(map(type, value)) <= _FAST_SCALARS):
        try:
            return _FAST(value).decode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: the json module writes it as it is
            pass
    return _CANONICAL(value)


def same_values(before: dict, after: dict, names) -> bool:
    """Whether two payloads hold the same value, of the same type, in each of these fields (1 and True, or 1
    and 1.0, are different values on the wire)."""
    for name in names:
        was, now = before.get(name), after.get(name)
        if type(was) is not type(now) or was != now:
            return False
    return True


MAX_PAYLOAD_BYTES = 64_000  # a record's canonical JSON, in UTF-8 bytes
MAX_FIELD_NAME = 64
MAX_PAYLOAD_FIELDS = 200
NOTE_MAX_CHARS = 10_000  # notes, comments, follow-up notes
DESCRIPTION_MAX_CHARS = 15_000  # a complaint's description, a complaint event's note
ID_LIST_MAX_CHARS = 20_000  # comma-separated record ids (a campaign's volunteers)
DETAIL_MAX_CHARS = 20_000  # an audit entry's detail JSON
MIN_YEAR, MAX_YEAR = 1900, 2999
INT32 = 2**31 - 1

_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ID = re.compile(UUID_PATTERN)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@dataclass(frozen=True)
class FieldRule:
    """What one field of a record kind may hold on the wire.

    `type`: text | id | int | float | bool | date (YYYY-MM-DD) | datetime (ISO 8601 with its UTC offset).
    `required`: an insert must carry it (the column has no default); `null`: None is allowed.
    `ref`: the kind an id field points at (the server checks it is of the same ward)."""

    type: str
    max_length: int | None = None
    required: bool = False
    null: bool = False
    choices: frozenset[str] | None = None
    low: float | None = None
    high: float | None = None
    ref: str | None = None


@dataclass(frozen=True)
class PayloadProblem:
    """One broken rule: `reason` is the wire form (English, machine-readable), e.g.
    `notes: too_long (max 4000)`; the laptop words it for people."""

    field: str
    # missing | null | type | too_long | choice | date | timezone | range | name | size | count, and on the
    # laptop only MISSING_REF (a pulled record points at one not here)
    code: str
    limit: int | None = None

    @property
    def reason(self) -> str:
        return f"{self.field}: {self.code}" + (f" (max {self.limit})" if self.limit is not None else "")


MISSING_REF = "missing_ref"
_REASON = re.compile(r"^([A-Za-z0-9_*]{1,64}): ([a-z_]+)(?: \(max (\d+)\))?$")


def parse_reason(reason: str) -> PayloadProblem | None:
    """The problem a server reason names (None for reasons of another shape)."""
    m = _REASON.match((reason or "").strip())
    if not m:
        return None
    return PayloadProblem(m.group(1), m.group(2), int(m.group(3)) if m.group(3) else None)


def _text(n: int, **kw: Any) -> FieldRule:
    return FieldRule("text", max_length=n, **kw)


def _id(ref: str | None = None, **kw: Any) -> FieldRule:
    return FieldRule("id", max_length=36, ref=ref, **kw)


def _int(low: float = -INT32, high: float = INT32, **kw: Any) -> FieldRule:
    return FieldRule("int", low=low, high=high, **kw)


def _bool() -> FieldRule:
    return FieldRule("bool")


def _date(**kw: Any) -> FieldRule:
    return FieldRule("date", **kw)


def _moment(**kw: Any) -> FieldRule:
    return FieldRule("datetime", **kw)


def _choice(n: int, words, **kw: Any) -> FieldRule:
    return FieldRule("text", max_length=n, choices=frozenset(words), **kw)


@lru_cache(maxsize=1)
def kind_rules() -> dict[str, dict[str, FieldRule]]:
    """Every record kind's fields (tests/unit/test_payload_rules.py keeps them equal to the models)."""
    from desktop.core.complaint_catalogue import CHANNELS as COMPLAINT_CHANNELS, SEVERITIES
    from desktop.core.complaint_lifecycle import STATUSES
    from desktop.core.outreach_vocab import (AUDIENCE_ALL, CAMPAIGN_KINDS, CHANNELS, FAILURE_REASONS, FORCES,
                                             HANDOFF_STATES, OUTCOMES)
    from desktop.core.vocab import ADOPTION_STAGES, RESIDENTIAL_GROUP_KINDS, SEXES, TARGET_GROUPS, VISIT_OUTCOMES

    audiences = {AUDIENCE_ALL, *TARGET_GROUPS}
    note = _text(NOTE_MAX_CHARS)
    lat, lon = FieldRule("float", low=-90, high=90, null=True), FieldRule("float", low=-180, high=180, null=True)
    return {
        "resident": {
            "full_name": _text(200, required=True), "name_folded": _text(200), "sort_key": _text(220),
            "birth_date": _date(null=True), "birth_year": _int(MIN_YEAR, MAX_YEAR, null=True),
            "sex": _choice(4, SEXES, null=True), "cccd": _text(12, null=True), "cmnd": _text(9, null=True),
            "phone": _text(16, null=True), "residential_group_id": _id("residential_group", null=True),
            "address_detail": _text(300), "household_id": _id("household", null=True), "target_group": _choice(24, TARGET_GROUPS), "workplace": _text(200),
            "adoption_stage": _choice(20, ADOPTION_STAGES), "aware_on": _date(null=True),
            "installed_on": _date(null=True), "account_on": _date(null=True), "consent_given": _bool(),
            "consent_by": _text(120), "consent_at": _moment(null=True), "consent_version": _text(20), "notes": note,
        },
        "residential_group": {
            "name": _text(120, required=True), "name_folded": _text(120, required=True),
            "kind": _choice(16, RESIDENTIAL_GROUP_KINDS), "sort_order": _int(),
        },
        "household": {
            "code": _text(8, required=True), "residential_group_id": _id("residential_group", null=True),
            "address": _text(300), "address_folded": _text(300), "register_no": _text(40),
            "head_resident_id": _id("resident", null=True), "notes": note,
        },
        "household_visit": {
            "household_id": _id("household", required=True), "visited_on": _date(required=True),
            "visited_by": _text(120), "met": _text(300), "next_visit_on": _date(null=True), "notes": note,
        },
        "household_visit_member": {
            "visit_id": _id("household_visit", required=True), "resident_id": _id("resident", required=True),
            "outcome": _choice(20, VISIT_OUTCOMES, required=True),
        },
        "complaint": {
            "code": _text(16, required=True), "kind": _text(40, required=True), "category": _text(40, required=True),
            "severity": _choice(16, SEVERITIES), "status": _choice(24, STATUSES), "title": _text(200, required=True),
            "description": _text(DESCRIPTION_MAX_CHARS), "reporter_resident_id": _id("resident", null=True),
            "reporter_name": _text(200), "reporter_phone": _text(16), "anonymous": _bool(),
            "hide_name_publicly": _bool(), "withhold_identity_from_agency": _bool(), "consent_to_contact": _bool(),
            "address_text": _text(300), "address_folded": _text(300),
            "residential_group_id": _id("residential_group", null=True), "latitude": lat, "longitude": lon,
            "occurred_at": _moment(null=True), "channel": _choice(20, COMPLAINT_CHANNELS), "taken_by": _text(120),
            "agency": _text(200), "duplicate_of_id": _id("complaint", null=True), "recorded_at": _moment(null=True),
            "accepted_at": _moment(null=True), "handled_at": _moment(null=True), "closed_at": _moment(null=True),
            "accept_due_at": _moment(null=True), "handle_due_at": _moment(null=True), "reopen_count": _int(0),
            "no_after_photo_reason": _text(NOTE_MAX_CHARS),
        },
        "complaint_event": {
            "complaint_id": _id("complaint", required=True), "at": _moment(required=True), "actor": _text(120),
            "action": _text(32, required=True), "from_status": _choice(24, STATUSES, null=True),
            "to_status": _choice(24, STATUSES, required=True), "note": _text(DESCRIPTION_MAX_CHARS),
            "agency": _text(200), "duplicate_of_id": _id("complaint", null=True),
        },
        "attachment": {
            "complaint_id": _id("complaint", required=True), "sha256": _text(64, required=True),
            "path": _text(300, required=True), "mime": _text(60, required=True), "size": _int(0, required=True),
            "media": _choice(8, ("photo", "video")), "original_name": _text(260), "captured_at": _moment(null=True),
            "latitude": lat, "longitude": lon, "phase": _choice(8, ("truoc", "sau")),
        },
        "complaint_feedback": {
            "complaint_id": _id("complaint", required=True),
            "resolved": _choice(12, ("co", "mot_phan", "khong", "khong_biet"), required=True),
            "rating": _int(1, 5, null=True), "comment": note, "collected_by": _text(120),
            "collected_at": _moment(required=True),
        },
        "volunteer": {
            "full_name": _text(200, required=True), "force": _choice(24, FORCES), "phone": _text(16), "active": _bool(),
        },
        "campaign": {
            "name": _text(200, required=True), "kind": _choice(24, CAMPAIGN_KINDS, required=True), "place": _text(300),
            "residential_group_id": _id("residential_group", null=True), "starts_at": _moment(required=True),
            "ends_at": _moment(required=True), "forces": _text(200), "volunteer_ids": _text(ID_LIST_MAX_CHARS),
            "outside_office_hours": _bool(), "notes": note,
        },
        "help_session": {
            "resident_id": _id("resident", required=True), "campaign_id": _id("campaign", null=True),
            "volunteer_ids": _text(ID_LIST_MAX_CHARS), "started_at": _moment(), "ended_at": _moment(null=True),
            "informed": _bool(), "installed": _bool(), "account_created": _bool(), "vneid_linked": _bool(),
            "first_use": _bool(), "outcome": _choice(20, OUTCOMES), "failure_reasons": _text(300),
            "failure_other": _text(300), "follow_up_needed": _bool(), "follow_up_on": _date(null=True),
            "follow_up_done_on": _date(null=True), "follow_up_note": note, "notes": note,
        },
        "outreach_target": {
            "target_group": _choice(24, audiences, required=True), "percent": _int(0, 100),
            "deadline": _date(required=True), "stage": _choice(20, ADOPTION_STAGES),
        },
        "communication_item": {
            "published_on": _date(required=True), "title": _text(300, required=True), "channel": _choice(24, CHANNELS),
            "audience": _choice(24, audiences), "notes": note,
        },
        "training_class": {
            "held_on": _date(required=True), "place": _text(300), "trainer": _text(200),
            "audience": _choice(24, audiences), "attendance": _int(0), "campaign_id": _id("campaign", null=True),
            "notes": note,
        },
        "police_handoff": {
            "resident_id": _id("resident", required=True), "help_session_id": _id("help_session", null=True),
            "reason": _choice(40, FAILURE_REASONS, required=True), "needed": _text(200), "since": _date(required=True),
            "state": _choice(12, HANDOFF_STATES), "closed_on": _date(null=True), "closed_by": _text(120), "notes": note,
        },
        "ward_figures": {
            "year": _int(MIN_YEAR, MAX_YEAR, required=True), "population_15_plus": _int(0),
            "smartphone_owners_15_plus": _int(0, null=True), "households": _int(0, null=True),
            "officials": _int(0, null=True), "source": _text(300),
        },
        "audit_entry": {
            "origin": _id(required=True), "seq": _int(1, required=True), "occurred_at": _moment(required=True),
            "actor": _text(120), "operator_id": _text(36), "role": _text(20), "action": _text(32, required=True),
            "record_kind": _text(64), "record_id": _text(36), "detail_json": _text(DETAIL_MAX_CHARS),
            "prev_hash": _text(64, required=True), "hash": _text(64, required=True),
        },
    }


def _value_problem(name: str, rule: FieldRule, value: Any) -> PayloadProblem | None:
    if value is None:
        return None if rule.null else PayloadProblem(name, "null")
    kind = rule.type
    if kind in ("text", "id"):
        if not isinstance(value, str):
            return PayloadProblem(name, "type")
        if rule.max_length is not None and len(value) > rule.max_length:
            return PayloadProblem(name, "too_long", rule.max_length)
        if kind == "id" and not _ID.match(value):
            return PayloadProblem(name, "type")
        if rule.choices is not None and value not in rule.choices:
            return PayloadProblem(name, "choice")
        return None
    if kind in ("int", "float"):
        ok = isinstance(value, int) if kind == "int" else isinstance(value, (int, float))
        if not ok or isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
            return PayloadProblem(name, "type")
        if (rule.low is not None and value < rule.low) or (rule.high is not None and value > rule.high):
            return PayloadProblem(name, "range")
        return None
    if kind == "bool":
        return None if isinstance(value, bool) else PayloadProblem(name, "type")
    if not isinstance(value, str):
        return PayloadProblem(name, "type")
    try:
        if kind == "date":
            if not _DAY.match(value):
                return PayloadProblem(name, "date")
            year = date.fromisoformat(value).year
        else:
            if not _MOMENT.match(value) or len(value) > 40:
                return PayloadProblem(name, "date")
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None or moment.utcoffset() is None:
                return PayloadProblem(name, "timezone")
            year = moment.year
    except ValueError:
        return PayloadProblem(name, "date")
    return None if MIN_YEAR <= year <= MAX_YEAR else PayloadProblem(name, "range")


def _quick(rule: FieldRule) -> Callable[[Any], bool]:
    """A fast yes for the usual valid values of a field (a no only means: look closer, with `_value_problem`)."""
    null = rule.null
    if rule.type in ("text", "id"):
        n, choices, is_id = rule.max_length or 0, rule.choices, rule.type == "id"
        return lambda v: (v is None and null) or (v.__class__ is str and len(v) <= n and (choices is None or v in choices)
                                                  and (not is_id or _ID.match(v) is not None))
    if rule.type == "int":
        low, high = rule.low, rule.high
        return lambda v: (v is None and null) or (v.__class__ is int and low <= v <= high)
    if rule.type == "bool":
        return lambda v: (v is None and null) or v.__class__ is bool
    if rule.type == "date":
        return lambda v: (v is None and null) or (v.__class__ is str and len(v) == 10 and v[:2] in ("19", "20")
                                                  and _DAY.match(v) is not None and _is_date(v))
    if rule.type == "datetime":
        return lambda v: (v is None and null) or (v.__class__ is str and len(v) >= 22 and v[:2] in ("19", "20")
                                                  and v[-6] in "+-" and _MOMENT.match(v) is not None and _is_moment(v))
    return lambda v: False  # float: always the full check (rare)


def _is_date(v: str) -> bool:
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_moment(v: str) -> bool:
    try:
        return datetime.fromisoformat(v).utcoffset() is not None
    except ValueError:
        return False


@lru_cache(maxsize=None)
def _compiled(kind: str) -> tuple[dict[str, tuple[FieldRule, Callable[[Any], bool]]], tuple[str, ...]]:
    rules = kind_rules().get(kind) or {}  # none: a kind of a newer app, relayed as it is
    return ({name: (rule, _quick(rule)) for name, rule in rules.items()},
            tuple(name for name, rule in rules.items() if rule.required))


def payload_problems(kind: str, payload: Any, *, insert: bool, fields: list[str] | None = None,
                     text: str | None = None, check_size: bool = True) -> list[PayloadProblem]:
    """What is wrong with a record's payload ([] when nothing).

    `insert`: the whole record is being stored (required fields must be there); otherwise only
    `fields` (the ones an update changes; None: every field present) are checked. `text`: the
    payload's canonical JSON when the caller has it (for the size check, which a laptop applying
    what the server already checked may skip)."""
    if not isinstance(payload, dict):
        return [PayloadProblem("*", "type")]
    if len(payload) > MAX_PAYLOAD_FIELDS:
        return [PayloadProblem("*", "count", MAX_PAYLOAD_FIELDS)]
    checks, required = _compiled(kind)
    for name in payload:
        if name not in checks and not (isinstance(name, str) and _FIELD_NAME.match(name)):
            return [PayloadProblem("*", "name")]
    out = []
    if insert:
        out.extend(PayloadProblem(name, "missing") for name in required if name not in payload)
    names = payload if insert or fields is None else [f for f in fields if f in payload]
    for name in names:
        check = checks.get(name)
        if check is not None and not check[1](payload[name]):
            problem = _value_problem(name, check[0], payload[name])
            if problem is not None:
                out.append(problem)
    if check_size and not out and len((text if text is not None else canonical(payload)).encode("utf-8")) > MAX_PAYLOAD_BYTES:
        out.append(PayloadProblem("*", "size", MAX_PAYLOAD_BYTES))
    return out


@lru_cache(maxsize=None)
def _ref_fields(kind: str) -> tuple[tuple[str, str], ...]:
    """(field, kind it points at) of a kind's reference fields (a few of its dozens of fields)."""
    return tuple((name, rule.ref) for name, rule in (kind_rules().get(kind) or {}).items() if rule.ref)


def refs(kind: str, payload: dict) -> list[tuple[str, str]]:
    """(kind, id) of the records a payload points at (the server asks it of every item pushed: only the
    kind's reference fields are looked at, not all its rules)."""
    return [(ref, payload[name]) for name, ref in _ref_fields(kind)
            if isinstance(payload.get(name), str) and payload[name]]
