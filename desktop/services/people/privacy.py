"""Consent wording and data-subject requests: see (export), correct, delete.

Deletion clears the personal fields of the resident and of the records tied to them
(help sessions, complaints they reported and their attachments), deletes attachment
files, tombstones the resident (the tombstone syncs), scrubs the old values out of the
change log, and is audited. No image of an ID card is ever stored by this app.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import inspect, select, update

from desktop.core.i18n import N_, _
from desktop.core.permissions import Permission
from desktop.services.people import audit
from desktop.services.context import AppContext
from desktop.services.output_file import put_in_place
from desktop.services.people.operators import require
from desktop.store.base import SyncedRecord, utcnow
from desktop.store.changelog import CHANGE_PAYLOAD, ChangeLogEntry
from desktop.store.records import kind_of, record_fields, record_kinds, to_plain
from desktop.sync.payload_rules import canonical

log = logging.getLogger(__name__)

# -- consent wording ---------------------------------------------------------------------
CONSENT_WORDINGS: dict[str, str] = {
    "2025-07": N_(
        "Tôi đồng ý để Tổ Chuyển đổi số cộng đồng của phường/xã ghi lại họ tên, năm sinh, số CCCD "
        "và số điện thoại của tôi để hỗ trợ tôi cài đặt và sử dụng ứng dụng iHaNoi, theo dõi kết quả hỗ trợ "
        "và tiếp nhận phản ánh của tôi. Dữ liệu chỉ dùng cho mục đích này, không cung cấp cho bên thứ ba "
        "ngoài cơ quan nhà nước có thẩm quyền. Tôi có quyền xem, yêu cầu sửa hoặc xóa dữ liệu của mình "
        "và rút lại sự đồng ý bất cứ lúc nào (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."
    ),
    # the same promise, naming the ward whose team takes it ({ward}: "Phường Cầu Giấy")
    "2026-12": N_(
        "Tôi đồng ý để Tổ Chuyển đổi số cộng đồng {ward} ghi lại họ tên, năm sinh, số CCCD "
        "và số điện thoại của tôi để hỗ trợ tôi cài đặt và sử dụng ứng dụng iHaNoi, theo dõi kết quả hỗ trợ "
        "và tiếp nhận phản ánh của tôi. Dữ liệu chỉ dùng cho mục đích này, không cung cấp cho bên thứ ba "
        "ngoài cơ quan nhà nước có thẩm quyền. Tôi có quyền xem, yêu cầu sửa hoặc xóa dữ liệu của mình "
        "và rút lại sự đồng ý bất cứ lúc nào (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."
    ),
}
CURRENT_CONSENT_VERSION = "2026-12"


@dataclass(frozen=True)
class ConsentWording:
    version: str
    text: str


def _worded(text: str, ward: str) -> str:
    return _(text).replace("{ward}", ward or _("phường/xã"))


def current_consent(ward: str = "") -> ConsentWording:
    """The wording the registration form shows now, naming the ward ("Phường Cầu Giấy"); store its
    `version` with the consent."""
    return ConsentWording(CURRENT_CONSENT_VERSION, _worded(CONSENT_WORDINGS[CURRENT_CONSENT_VERSION], ward))


def consent_wording(version: str, ward: str = "") -> ConsentWording | None:
    text = CONSENT_WORDINGS.get(version)
    return ConsentWording(version, _worded(text, ward)) if text else None


def ward_name(ctx: AppContext) -> str:
    """The ward the consent names ("" before set-up)."""
    from desktop.store.models import WardProfile

    with ctx.read() as s:
        profile = s.get(WardProfile, 1)
        return profile.ward_name if profile else ""


# -- which fields are personal -----------------------------------------------------------
# Per record kind, the fields a deletion request clears. Areas add theirs here.
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "resident": ("full_name", "name_folded", "sort_key", "birth_date", "birth_year", "sex", "cccd", "cmnd",
                 "phone", "address_detail", "workplace", "notes"),
    "help_session": ("notes", "failure_other", "follow_up_note"),
    "complaint": ("reporter_name", "reporter_phone"),
    "complaint_feedback": ("comment",),
    "attachment": ("original_name", "latitude", "longitude"),
}
# Kinds whose rows are removed (tombstoned) with the resident, and whose files go too.
REMOVED_KINDS = ("attachment",)


class SubjectRequestError(ValueError):
    """Refused request; the message is for people."""


@dataclass(frozen=True)
class SubjectExport:
    path: str
    records: dict[str, int]


@dataclass(frozen=True)
class ErasureResult:
    resident_id: str
    records: dict[str, int]
    files_deleted: int
    # Files that could not be deleted (held open by another program, a read-only disk): paths in the data
    # folder, remembered and deleted again at the next start or erasure (`retry_pending_files`).
    files_failed: tuple[str, ...] = ()

    def failure_message(self) -> str:
        """For people: which files are left and when they are tried again ("" when none)."""
        if not self.files_failed:
            return ""
        return _("Chưa xóa được {n} tệp đính kèm (có thể đang mở trong chương trình khác): {files}. "
                 "Ứng dụng sẽ tự xóa lại khi mở lần sau hoặc lần xóa dữ liệu tiếp theo; hãy đóng các tệp đó.").format(
            n=len(self.files_failed), files=", ".join(self.files_failed))


def _referrers(parent_kind: str) -> list[tuple[type[SyncedRecord], str]]:
    """(kind class, column) pairs whose column is a foreign key to `parent_kind`.id."""
    out = []
    for cls in record_kinds().values():
        for column in inspect(cls).columns:
            for fk in column.foreign_keys:
                if fk.column.table.name == parent_kind and fk.column.name == "id" and cls.__tablename__ != parent_kind:
                    out.append((cls, column.key))
    return out


def _related(s, resident) -> list[SyncedRecord]:
    """Records tied to the resident: direct references, then records referring to those."""
    found: list[SyncedRecord] = []
    frontier = [resident]
    seen = {resident.id}
    for _depth in range(2):
        nxt = []
        for parent in frontier:
            for cls, col in _referrers(kind_of(parent)):
                for obj in s.scalars(select(cls).where(getattr(cls, col) == parent.id)):
                    if obj.id not in seen:
                        seen.add(obj.id)
                        found.append(obj)
                        nxt.append(obj)
        frontier = nxt
    return found


def _get_resident(s, resident_id: str):
    cls = record_kinds()["resident"]
    r = s.get(cls, resident_id)
    if r is None:
        raise SubjectRequestError(_("Không tìm thấy cư dân (mã {id}).").format(id=resident_id))
    return r


def _plain(obj: SyncedRecord) -> dict:
    data = {"id": obj.id, "version": obj.version, "created_at": to_plain(obj.created_at),
            "created_by": obj.created_by, "updated_at": to_plain(obj.updated_at), "updated_by": obj.updated_by,
            "deleted_at": to_plain(obj.deleted_at)}
    data.update(record_fields(obj))
    return data


# -- reveal and export (called by the residents list and the export service) -----------------
REVEALABLE = ("cccd", "cmnd", "phone")


def reveal_identifier(ctx: AppContext, resident_id: str, field: str) -> str:
    """The unmasked CCCD/CMND/phone of one resident, for police and lead roles; audited."""
    if field not in REVEALABLE:
        raise ValueError(f"not a revealable field: {field}")
    require(ctx, Permission.REVEAL)
    with ctx.read() as s:
        value = getattr(_get_resident(s, resident_id), field) or ""
    audit.record(ctx, "reveal", "resident", resident_id, {"field": field})
    return value


def authorize_export(ctx: AppContext, what: str, count: int, file_format: str) -> None:
    """Call at the top of any export of personal data: refuses other roles, audits the export."""
    require(ctx, Permission.EXPORT)
    audit.record(ctx, "export", what, "", {"count": int(count), "format": file_format})


# -- access ------------------------------------------------------------------------------
def export_subject_data(ctx: AppContext, resident_id: str, out_path: str | os.PathLike) -> SubjectExport:
    """Write everything held on one resident to a JSON file (their request to see their data)."""
    require(ctx, Permission.SUBJECT_REQUEST)
    out = Path(out_path)
    with ctx.read() as s:
        r = _get_resident(s, resident_id)
        related = _related(s, r)
        entries = audit.query_unchecked(ctx, record_id=resident_id, limit=10_000)
    groups: dict[str, list[dict]] = {}
    for obj in related:
        groups.setdefault(kind_of(obj), []).append(_plain(obj))
    consent = consent_wording(getattr(r, "consent_version", "") or "", ward_name(ctx))
    doc = {
        "generated_at": utcnow().isoformat(),
        "generated_by": ctx.actor,
        "resident": _plain(r),
        "consent_wording": consent.text if consent else None,
        "related_records": groups,
        "access_log": [
            {"at": e.occurred_at.isoformat(), "who": e.actor, "action": e.action, "detail": e.detail} for e in entries
        ],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".subject-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1, default=str)
        put_in_place(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
    counts = {"resident": 1, **{k: len(v) for k, v in groups.items()}}
    audit.record(ctx, "data_subject_request", "resident", resident_id, {"request": "access", "records": counts})
    return SubjectExport(str(out), counts)


# -- correction --------------------------------------------------------------------------
def correct_resident(ctx: AppContext, resident_id: str, changes: dict):
    """Apply the resident's corrections through the residents service (its validation), audited."""
    from desktop.services.residents import residents

    require(ctx, Permission.SUBJECT_REQUEST)
    current = residents.get_resident(ctx, resident_id)
    data = replace(current.to_input(), **changes)
    detail = residents.update_resident(ctx, resident_id, data, confirmed_warnings=True, allow_duplicates=True)
    audit.record(ctx, "data_subject_request", "resident", resident_id,
                 {"request": "correct", "fields": sorted(changes)})
    return detail


# -- deletion ----------------------------------------------------------------------------
def _blank(cls, name: str):
    column = inspect(cls).columns[name]
    if column.nullable:
        return None
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return ""
    return "" if python_type is str else (0 if python_type in (int, float) else False if python_type is bool else "")


def erase_resident(ctx: AppContext, resident_id: str) -> ErasureResult:
    """Clear personal fields everywhere, delete attachment files, tombstone the resident; audited."""
    require(ctx, Permission.SUBJECT_REQUEST)
    counts: dict[str, int] = {}
    files: list[Path] = []
    root = ctx.folder.root
    with ctx.write() as s:
        r = _get_resident(s, resident_id)
        targets = [r, *_related(s, r)]
        scrub: dict[str, tuple[str, ...]] = {}
        for obj in targets:
            kind = kind_of(obj)
            names = PERSONAL_FIELDS.get(kind, ())
            for name in names:
                setattr(obj, name, _blank(type(obj), name))
            if kind in REMOVED_KINDS or obj is r:
                obj.mark_deleted()
            if kind == "attachment" and getattr(obj, "path", ""):
                files.append((root / obj.path, obj.path))
            counts[kind] = counts.get(kind, 0) + 1
            scrub[obj.id] = names
        s.flush()
        # Earlier change-log rows still carry the old values: blank them there too.
        for entry in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_id.in_(list(scrub)))):
            payload = entry.payload
            if any(payload.get(n) not in (None, "") for n in scrub[entry.record_id]):
                for n in scrub[entry.record_id]:
                    if n in payload:
                        payload[n] = None
                s.execute(update(CHANGE_PAYLOAD).where(CHANGE_PAYLOAD.c.seq == entry.seq).values(
                    payload_json=canonical(payload)))
        # A file stored once for several complaints stays while another live record uses it.
        cls = record_kinds().get("attachment")
        still_used = set()
        if files and cls is not None:
            still_used = set(s.scalars(select(cls.path).where(cls.path.in_([rel for _p, rel in files]),
                                                               cls.deleted_at.is_(None))))
        files = [p for p, rel in files if rel not in still_used]
        audit.append(s, ctx, "data_subject_request", "resident", resident_id,
                     {"request": "erase", "records": counts, "files": len(files)})
    earlier = retry_pending_files(ctx.folder.root)
    deleted, failed = _delete_files(root, [p.relative_to(root).as_posix() for p in files if p.is_relative_to(root)])
    failed = sorted(set(failed) | set(earlier))
    _remember_pending(root, failed)
    if failed:
        log.warning("erasure: %d file(s) could not be deleted yet; tried again later", len(failed))
        audit.record(ctx, "data_subject_request", "resident", resident_id,
                     {"request": "erase", "files_not_deleted": len(failed)})
    return ErasureResult(resident_id, counts, deleted, tuple(failed))


PENDING_FILES = "pending-erasure.json"  # in the data folder: files an erasure must still delete


def _delete_files(root: Path, relative: list[str]) -> tuple[int, list[str]]:
    """Delete each file (paths relative to the data folder, never outside it): (deleted, those that failed)."""
    deleted, failed = 0, []
    for rel in relative:
        path = root / rel
        try:
            if not path.resolve().is_relative_to(root.resolve()):
                continue
            if path.exists():
                path.unlink()
                deleted += 1
        except OSError:
            failed.append(rel)
    return deleted, failed


def _remember_pending(root: Path, relative: list[str]) -> None:
    path = root / PENDING_FILES
    if not relative:
        path.unlink(missing_ok=True)
        return
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".pending-erasure-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"files": relative}, fh, ensure_ascii=False)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def retry_pending_files(root: Path) -> list[str]:
    """Delete again the files an earlier erasure could not; returns those still left (and remembers them)."""
    path = root / PENDING_FILES
    try:
        remembered = json.loads(path.read_text(encoding="utf-8")).get("files", [])
    except FileNotFoundError:
        return []
    except (OSError, ValueError, AttributeError):
        log.warning("erasure: the list of files still to delete is unreadable")
        return []
    _deleted, failed = _delete_files(root, [str(rel) for rel in remembered if isinstance(rel, str)])
    _remember_pending(root, failed)
    return failed
