"""The sync wire format, defined once: the desktop client and the server both import it.

Bump PROTOCOL_VERSION on any incompatible change. Each side refuses a peer older than
its MIN_* constant with HTTP 426 / "cập nhật ứng dụng". See docs/sync-protocol.md.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring_ascii as _quoted  # what json.dumps does with a str (ensure_ascii)
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field

# The per-kind rules of record payloads live in a module of their own (no pydantic: the laptop's store
# checks every save against them); they are part of this wire format and named from here.
from desktop.sync.payload_rules import (  # noqa: F401
    DESCRIPTION_MAX_CHARS,
    DETAIL_MAX_CHARS,
    ID_LIST_MAX_CHARS,
    MAX_FIELD_NAME,
    MAX_PAYLOAD_BYTES,
    MAX_PAYLOAD_FIELDS,
    NOTE_MAX_CHARS,
    UUID_PATTERN,
    FieldRule,
    PayloadProblem,
    canonical,
    kind_rules,
    parse_reason,
    payload_problems,
    refs,
)

PROTOCOL_VERSION = 1
MIN_CLIENT_PROTOCOL = 1  # the server refuses clients older than this
MIN_SERVER_PROTOCOL = 1  # the client refuses servers older than this
PROTOCOL_HEADER = "X-Tocds-Protocol"
API_PREFIX = "/v1"

# Push batches are bounded in items and in (uncompressed) bytes. A server says what it accepts in its
# `ServerInfo`; one that does not say (older than #19) accepts the former bounds, and a client sends it no more.
MAX_BATCH_ITEMS = 2000
MAX_BATCH_BYTES = 4_000_000
FORMER_BATCH_ITEMS = 500
FORMER_BATCH_BYTES = 1_000_000
# The server refuses bodies larger than this (compressed or not).
MAX_BODY_BYTES = 8_000_000
MAX_PULL_LIMIT = 2000
BLOB_CHUNK_BYTES = 256 * 1024
BLOB_SIZE_HEADER = "X-Tocds-Blob-Size"  # on a file download: the whole file's size

ItemStatus = Literal["applied", "already_stored", "conflict", "rejected"]
Op = Literal["insert", "update", "delete"]

KIND_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
WARD_PATTERN = r"^[0-9]{5}$"
HASH_PATTERN = r"^[0-9a-f]{64}$"
DEVICE_KEY_PATTERN = r"^$|^[A-Za-z0-9_-]{32,128}$"


class ServerInfo(BaseModel):
    protocol_version: int
    min_client_protocol: int
    server_version: str
    # added in #19 (absent from an older server's answer: the defaults are what that server accepts)
    max_batch_items: int = FORMER_BATCH_ITEMS
    max_batch_bytes: int = FORMER_BATCH_BYTES


class EnrollRequest(BaseModel):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(default="", max_length=120)
    # Made once by the laptop and kept in its keyring. The same code with the same key again (the first
    # answer was lost) gets this device's credentials again: a new token, the previous one revoked.
    device_key: str = Field(default="", max_length=128, pattern=DEVICE_KEY_PATTERN)


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    ward_code: str


class ChangeItem(BaseModel):
    """One record change: `fields` were edited on top of `base_version`; `payload` is the whole record.
    Also read from any object with these attributes (the client's outbox items)."""

    model_config = ConfigDict(from_attributes=True)

    change_id: str = Field(pattern=UUID_PATTERN)
    kind: str = Field(pattern=KIND_PATTERN)
    record_id: str = Field(pattern=UUID_PATTERN)
    op: Op
    base_version: int = Field(ge=0, le=2**31)
    version: int = Field(ge=1, le=2**31)
    fields: list[str] = Field(max_length=200)
    payload: dict[str, Any]
    deleted: bool = False


class PushRequest(BaseModel):
    batch_id: str = Field(pattern=UUID_PATTERN)
    items: list[ChangeItem] = Field(max_length=MAX_BATCH_ITEMS)


class ItemResult(BaseModel):
    change_id: str
    status: ItemStatus
    reason: str = ""
    server_version: int | None = None
    # The record as the server holds it after this item (merged) or, on conflict, as it is there.
    server_payload: dict[str, Any] | None = None
    server_deleted: bool = False
    # a factory, not `= []`: pydantic deep-copies a mutable default for every result (an eighth of a push's server CPU)
    conflict_fields: list[str] = Field(default_factory=list)


class PushResponse(BaseModel):
    batch_id: str
    results: list[ItemResult]


class RemoteRecord(BaseModel):
    kind: str
    record_id: str
    version: int
    payload: dict[str, Any]
    deleted: bool
    seq: int


class PullResponse(BaseModel):
    records: list[RemoteRecord]
    cursor: int
    more: bool
    # added in #19, when the pull asks for it (`count=true`): the records after this page the device will be
    # sent (None: not counted, or an older server)
    remaining: int | None = None


class KindCheck(BaseModel):
    count: int
    hash: str


class CheckResponse(BaseModel):
    kinds: dict[str, KindCheck]


class IdsRequest(BaseModel):
    kind: str = Field(pattern=KIND_PATTERN)


class IdsResponse(BaseModel):
    kind: str
    ids: list[str]


class FetchRequest(BaseModel):
    kind: str = Field(pattern=KIND_PATTERN)
    ids: list[str] = Field(max_length=MAX_PULL_LIMIT)


class FetchResponse(BaseModel):
    records: list[RemoteRecord]


class BlobStatus(BaseModel):
    content_hash: str
    size: int
    received: int
    complete: bool


class CrossWardMatch(BaseModel):
    """A resident of this ward whose CCCD another ward has registered too (wards merged in 2025, people move).
    Of the other ward's record only its ward, name and birth year are ever sent."""

    record_id: str  # this ward's resident
    other_ward: str = Field(pattern=WARD_PATTERN)
    other_name: str
    other_birth_year: int | None = None
    moved: Literal["", "here", "there"] = ""  # which side was marked as moved away ("": not resolved)


class CrossWardMatches(BaseModel):
    matches: list[CrossWardMatch]


class MovedRequest(BaseModel):
    """Mark this ward's resident as moved away (or not), which resolves its cross-ward matches."""

    record_id: str = Field(pattern=r"^[0-9a-fA-F-]{1,36}$")
    moved: bool = True


class ErrorBody(BaseModel):
    code: str
    message: str


def payload_hash(payload: dict[str, Any], deleted: bool = False, text: str | None = None) -> str:
    """Canonical hash of a record's content (same payload, same hash, on both sides)."""
    body = (text if text is not None else canonical(payload)) + ("|deleted" if deleted else "")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def ids_hash(ids) -> str:
    """Order-independent hash of a set of record ids: sum of SHA-256 digests mod 2**256."""
    total = 0
    for record_id in ids:
        total += int.from_bytes(hashlib.sha256(record_id.encode("ascii", "replace")).digest(), "big")
    return format(total % (1 << 256), "064x")


def pull_page_json(rows, cursor: int, more: bool, remaining: int | None = None) -> bytes:
    """The JSON of a `PullResponse` built from stored rows `(kind, record_id, version, payload_text,
    deleted, seq)`, each payload text (canonical JSON, as the server keeps it) spliced in as is:
    the server need not parse and re-encode every record it sends."""
    dumps = json.dumps
    parts = [
        f'{{"kind":{dumps(kind)},"record_id":{dumps(record_id)},"version":{int(version)},"payload":{payload_text},'
        f'"deleted":{"true" if deleted else "false"},"seq":{int(seq)}}}'
        for kind, record_id, version, payload_text, deleted, seq in rows
    ]
    counted = "" if remaining is None else f',"remaining":{int(remaining)}'
    tail = f'],"cursor":{int(cursor)},"more":{"true" if more else "false"}{counted}}}'
    return ('{"records":[' + ",".join(parts) + tail).encode("utf-8")


def names_texts() -> Callable[[list[str]], str]:
    """`canonical` of field-name lists, each distinct list written once: a batch's items mostly name the same
    fields (one per batch, laptop and server; it lives as long as its batch)."""
    made: dict[tuple[str, ...], str] = {}

    def text(names: list[str]) -> str:
        key = tuple(names)
        found = made.get(key)
        if found is None:
            found = made[key] = canonical(names)
        return found

    return text


def push_request_json(batch_id: str, items) -> bytes:
    """The JSON of a `PushRequest` from items that carry their payload as canonical JSON text (`payload_text`,
    the change log's stored text), spliced in as is: the laptop need not parse and re-encode every record it
    sends. The same document as `PushRequest(...).model_dump_json()` (a test holds the two equal)."""
    quote = _quoted  # json.dumps of a str, without its per-call Python layers (a third of this function's time)
    fields_text = names_texts()
    parts = [
        f'{{"change_id":{quote(i.change_id)},"kind":{quote(i.kind)},"record_id":{quote(i.record_id)},'
        f'"op":{quote(i.op)},"base_version":{int(i.base_version)},"version":{int(i.version)},'
        f'"fields":{fields_text(i.fields)},"payload":{i.payload_text},'
        f'"deleted":{"true" if i.deleted else "false"}}}'
        for i in items
    ]
    return ('{"batch_id":' + quote(batch_id) + ',"items":[' + ",".join(parts) + "]}").encode("utf-8")
