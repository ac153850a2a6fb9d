"""Consent wording, data-subject requests (see, correct, delete), planted values never in plain bytes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.core.permissions import PermissionDenied, Role
from desktop.services.people import audit, backup, privacy
from desktop.services.residents import residents
from desktop.store.changelog import ChangeLogEntry
from tests.unit.people_helpers import (
    PLANTED_CCCD, PLANTED_E164, PLANTED_NAME, PLANTED_PHONE, as_role, plant_resident, staff,
)


def test_consent_wording_is_versioned():
    current = privacy.current_consent()
    assert current.version == privacy.CURRENT_CONSENT_VERSION
    assert "iHaNoi" in current.text and "xóa" in current.text
    assert privacy.consent_wording(current.version) == current
    assert privacy.consent_wording("1999-01") is None
    named = privacy.current_consent("Phường Cầu Giấy").text
    assert "Tổ Chuyển đổi số cộng đồng Phường Cầu Giấy ghi lại" in named and "phường/xã" not in named
    assert "phường/xã" in privacy.consent_wording("2025-07").text  # what was agreed to then stays as it was


def test_subject_access_export_holds_everything(app_ctx, tmp_path):
    ids = staff(app_ctx)
    rid = plant_resident(app_ctx)
    as_role(app_ctx, ids, Role.POLICE)
    privacy.reveal_identifier(app_ctx, rid, "cccd")
    with pytest.raises(PermissionDenied):
        privacy.export_subject_data(app_ctx, rid, tmp_path / "x.json")
    as_role(app_ctx, ids, Role.TEAM_LEAD)
    result = privacy.export_subject_data(app_ctx, rid, tmp_path / "out" / "subject.json")
    doc = json.loads(Path(result.path).read_text(encoding="utf-8"))
    assert doc["resident"]["full_name"] == PLANTED_NAME
    assert doc["resident"]["cccd"] == PLANTED_CCCD and doc["resident"]["phone"] == PLANTED_E164
    assert doc["consent_wording"] == privacy.consent_wording("2025-07").text  # the wording this resident agreed to
    assert sorted(e["action"] for e in doc["access_log"]) == ["create", "reveal"]  # registered, then revealed
    assert audit.query(app_ctx, action="data_subject_request")[0].detail["request"] == "access"


def test_correction_is_audited_with_field_names_only(app_ctx):
    staff(app_ctx)
    rid = plant_resident(app_ctx)
    detail = privacy.correct_resident(app_ctx, rid, {"phone": "0912000111"})
    assert detail.phone == "+84912000111"
    entry = audit.query(app_ctx, action="data_subject_request")[0]
    assert entry.detail == {"request": "correct", "fields": ["phone"]} and entry.record_id == rid


def _help_session_and_complaint(ctx, rid: str) -> tuple[str, str, Path]:
    from desktop.store.models import HelpSession
    from desktop.store.models.complaints import Attachment, Complaint

    photo = ctx.folder.attachments / "ab" / "abcdef.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8 photo of the pothole")
    with ctx.write() as s:
        hs = HelpSession(resident_id=rid, notes=f"Gọi lại {PLANTED_PHONE}")
        c = Complaint(code="PA-1", kind="phan_anh", category="giao_thong", title="Ổ gà", reporter_resident_id=rid,
                      reporter_name=PLANTED_NAME, reporter_phone=PLANTED_E164)
        s.add_all([hs, c])
        s.flush()
        s.add(Attachment(complaint_id=c.id, sha256="abcdef", path="attachments/ab/abcdef.jpg", mime="image/jpeg",
                         size=10, original_name="IMG_Xuyen.jpg"))
        return hs.id, c.id, photo


def test_erasure_clears_everything_and_syncs_a_tombstone(app_ctx):
    ids = staff(app_ctx)
    rid = plant_resident(app_ctx)
    hs_id, c_id, photo = _help_session_and_complaint(app_ctx, rid)
    as_role(app_ctx, ids, Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        privacy.erase_resident(app_ctx, rid)
    as_role(app_ctx, ids, Role.TEAM_LEAD)
    result = privacy.erase_resident(app_ctx, rid)
    assert result.records == {"resident": 1, "help_session": 1, "complaint": 1, "attachment": 1}
    assert result.files_deleted == 1 and not photo.exists()
    from desktop.store.models import HelpSession, Resident
    from desktop.store.models.complaints import Attachment, Complaint

    with app_ctx.read() as s:
        r = s.get(Resident, rid)
        assert r.deleted_at is not None and r.full_name == "" and r.cccd is None and r.phone is None
        assert s.get(HelpSession, hs_id).notes == ""
        c = s.get(Complaint, c_id)
        assert c.reporter_name == "" and c.reporter_phone == "" and c.title == "Ổ gà"
        assert s.scalars(select(Attachment)).one().deleted_at is not None
        log = list(s.scalars(select(ChangeLogEntry)))
        everything = " ".join(e.payload_json for e in log)
    tomb = [e for e in log if e.record_id == rid and e.op == "delete"]
    assert len(tomb) == 1, "the deletion syncs as a tombstone"
    for value in (PLANTED_NAME, PLANTED_CCCD, PLANTED_E164, PLANTED_PHONE[1:]):
        assert value not in everything, f"{value} left in the change log"
    with app_ctx.read() as s:
        fts = [s.execute(text(f"SELECT count(*) FROM {t} WHERE rowid = (SELECT rowid FROM resident WHERE id = :id)"),
                         {"id": rid}).scalar() for t in ("resident_fts", "resident_ids_fts")]
    assert fts == [0, 0], "the search index (names and digits) forgets the erased resident"
    entry = audit.query(app_ctx, action="data_subject_request")[0]
    assert entry.detail["request"] == "erase" and entry.detail["files"] == 1
    assert audit.verify(app_ctx) == []


def _planted_bytes() -> list[bytes]:
    values = [PLANTED_NAME, PLANTED_CCCD, PLANTED_PHONE, PLANTED_E164, "hoang thi xuyen chi"]
    out = []
    for v in values:
        out += [v.encode("utf-8"), v.encode("utf-16-le")]
    return out


def test_planted_values_never_in_plain_bytes(app_ctx, tmp_path):
    """Database (+WAL), backups and logs: the planted name, CCCD and phone are nowhere readable."""
    ids = staff(app_ctx)
    rid = plant_resident(app_ctx)
    as_role(app_ctx, ids, Role.POLICE)
    privacy.reveal_identifier(app_ctx, rid, "cccd")
    as_role(app_ctx, ids, Role.TEAM_LEAD)
    privacy.correct_resident(app_ctx, rid, {"notes": f"Số khác {PLANTED_PHONE}"})
    backup.set_backup_passphrase(app_ctx, "mat-khau-sao-luu")
    backup.create_backup(app_ctx, app_ctx.folder.backups / "manual.tocdsbak", "mat-khau-sao-luu")
    backup.run_auto_backup(app_ctx, force=True)
    logging.getLogger("desktop.test").error("failed for CCCD %s phone %s", PLANTED_CCCD, PLANTED_E164)
    for h in logging.getLogger().handlers:
        h.flush()
    files = [p for p in app_ctx.folder.root.rglob("*") if p.is_file()]
    kinds = {p.name.split(".")[0] if p.suffix != ".tocdsbak" else "backup" for p in files}
    assert {"tocds", "backup"} <= kinds and any(p.suffix == ".log" for p in files)
    assert any(p.name == "tocds.db-wal" for p in files)
    searched = 0
    for p in files:
        data = p.read_bytes()
        searched += 1
        for needle in _planted_bytes():
            assert needle not in data, f"{needle!r} found in {p.relative_to(app_ctx.folder.root)}"
    assert searched >= 5
    # The values are really there, behind the key: the search is not vacuous.
    assert residents.get_resident(app_ctx, rid).cccd == PLANTED_CCCD


# The planted card: the raw QR text (and what only the QR holds: the issue date) must be kept nowhere.
PLANTED_QR = f"{PLANTED_CCCD}|012345679|{PLANTED_NAME}|17031997|Nữ|Số 9 ngõ Plantedcard, Cầu Giấy, Hà Nội|23112021"


def test_a_scanned_card_leaves_no_raw_text_in_the_database_logs_or_crash_reports(app_ctx):
    """#21: only the fields the form keeps are stored; the raw QR text is never written to the database,
    the logs or a crash report, whatever path the scan takes (registered, found again, corrected, broken)."""
    import sys

    from desktop.core.card_qr import NotCardQr, parse_card_qr
    from desktop.gui import crash
    from desktop.services.residents import card as card_svc

    staff(app_ctx)
    card = parse_card_qr(PLANTED_QR + "\r\n")
    match = card_svc.match_card(app_ctx, card)
    assert not match.known
    draft = match.draft
    draft.consent_given = True
    rid = residents.register_resident(app_ctx, draft, confirmed_warnings=True).id
    again = card_svc.match_card(app_ctx, card)  # found again: audited as a reveal
    assert again.known and again.resident.id == rid
    residents.update_resident(app_ctx, rid, residents.ResidentInput(full_name="Hoang Thi Xuyen Chi", birth_year=1997),
                              confirmed_warnings=True)
    card_svc.correct_from_card(app_ctx, rid, card, ["full_name", "birth_date", "address_detail"])
    logging.getLogger("desktop.test").info("scanned %r for %s", card, again.how)
    try:
        parse_card_qr(PLANTED_QR.replace("17031997", "31021997"))  # a broken card, uncaught: a crash report
    except NotCardQr:
        crash.handle_exception(*sys.exc_info(), log_path="")
    for h in logging.getLogger().handlers:
        h.flush()
    needles = [PLANTED_QR, PLANTED_QR.split("|Nữ|")[0], f"{PLANTED_CCCD}|", "|Nữ|", "23112021", "23/11/2021",
               "2021-11-23", "012345679|"]
    # decrypted: every text value of every table (records, change log, audit trail, outbox)
    with app_ctx.read() as s:
        conn = s.connection()
        tables = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        stored = []
        for t in tables:
            for row in conn.exec_driver_sql(f'SELECT * FROM "{t}"'):
                stored += [str(v) for v in row if isinstance(v, (str, bytes))]
    everything = "\n".join(stored)
    assert "Plantedcard" in everything  # the kept address is there: the search is not vacuous
    for needle in needles:
        assert needle not in everything, f"{needle!r} stored in the database"
    files = [p for p in app_ctx.folder.root.rglob("*") if p.is_file()]
    logs = [p for p in files if ".log" in p.name]
    assert logs and "uncaught exception" in "".join(p.read_text("utf-8", "replace") for p in logs)
    for p in files:
        data = p.read_bytes()
        for needle in needles + [PLANTED_NAME]:
            assert needle.encode("utf-8") not in data, f"{needle!r} found in {p.relative_to(app_ctx.folder.root)}"
