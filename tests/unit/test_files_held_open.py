"""Files another program holds open (#23 item 7): exports say so, erasure remembers and retries."""

from __future__ import annotations

import json

import pytest

from desktop.core.permissions import Role
from desktop.services.output_file import FileInUse
from desktop.services.people import privacy
from desktop.services.residents.export import export_residents
from tests.conftest import cli_env
from tests.support.cli_runner import run_cli
from tests.support.held_file import held_open
from tests.unit.people_helpers import as_role, plant_resident, staff

IN_USE = "Tệp đang mở trong chương trình khác — hãy đóng tệp rồi thử lại"


@pytest.mark.parametrize("name", ["cu_dan.xlsx", "cu_dan.csv"])
def test_export_over_an_open_file_says_close_it(app_ctx, tmp_path, name):
    staff(app_ctx)  # the admin is signed in: may export
    plant_resident(app_ctx)
    target = tmp_path / name
    target.write_bytes(b"the list Excel has open")
    with held_open(target):
        with pytest.raises(FileInUse) as refused:
            export_residents(app_ctx, target)
    assert IN_USE in str(refused.value) and str(target) in str(refused.value)
    assert target.read_bytes() == b"the list Excel has open"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cu_dan")) == [name]  # no .part left
    assert export_residents(app_ctx, target) == 1  # closed: the export goes through


def test_xlsx_report_over_an_open_file(app_ctx, tmp_path):
    from desktop.core.period import Period
    from desktop.services.reports.official_report import official_report
    from desktop.services.reports.xlsx_report import render

    doc = official_report(app_ctx, Period.for_kind("daily", None, None), "daily")
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"open in Excel")
    with held_open(target), pytest.raises(FileInUse, match=IN_USE):
        render(app_ctx, "daily", doc, target)
    assert target.read_bytes() == b"open in Excel" and not (tmp_path / "bao-cao.xlsx.part").exists()


def test_cli_report_over_an_open_file(tmp_path):
    data = str(tmp_path / "d")
    env = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"), TOCDS_OPERATOR_SECRET="matkhau-quantri",
                  TOCDS_ADMIN_SECRET="matkhau-quantri")
    init = run_cli(["--data-dir", data, "init", "--ward-code", "00166", "--admin-name", "Ngô Quản Trị"], env=env)
    assert init.returncode == 0, init.stderr
    target = tmp_path / "bao-cao.json"
    target.write_text("{}", encoding="utf-8")
    with held_open(target):  # (its stand-in where chattr cannot work reaches only this process)
        proc = run_cli(["--data-dir", data, "report", "daily", "--out", str(target), "--operator", "Ngô Quản Trị"],
                       env=env)
    assert proc.returncode == 1 and IN_USE in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and target.read_text(encoding="utf-8") == "{}"


def test_erasure_reports_files_it_could_not_delete_and_retries(app_ctx):
    from desktop.services.context import open_context
    from desktop.store.models.complaints import Attachment, Complaint

    ids = staff(app_ctx)
    rid = plant_resident(app_ctx)
    photo = app_ctx.folder.attachments / "ab" / "abcdef.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8 photo of the resident's gate")
    with app_ctx.write() as s:
        c = Complaint(code="PA-1", kind="phan_anh", category="giao_thong", title="Ổ gà", reporter_resident_id=rid)
        s.add(c)
        s.flush()
        s.add(Attachment(complaint_id=c.id, sha256="abcdef", path="attachments/ab/abcdef.jpg", mime="image/jpeg", size=10))
    as_role(app_ctx, ids, Role.TEAM_LEAD)
    with held_open(photo):
        result = privacy.erase_resident(app_ctx, rid)
    assert result.files_deleted == 0 and result.files_failed == ("attachments/ab/abcdef.jpg",)
    assert "attachments/ab/abcdef.jpg" in result.failure_message()
    assert photo.exists()
    pending = app_ctx.folder.root / privacy.PENDING_FILES
    assert json.loads(pending.read_text(encoding="utf-8")) == {"files": ["attachments/ab/abcdef.jpg"]}
    # the photo is closed; the next start deletes it and forgets it
    reopened = open_context(str(app_ctx.folder.root))
    reopened.close()
    assert not photo.exists() and not pending.exists()


def test_the_next_erasure_retries_too(app_ctx):
    ids = staff(app_ctx)
    left = app_ctx.folder.attachments / "cd" / "left.jpg"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"left behind")
    (app_ctx.folder.root / privacy.PENDING_FILES).write_text(json.dumps({"files": ["attachments/cd/left.jpg"]}),
                                                           encoding="utf-8")
    as_role(app_ctx, ids, Role.TEAM_LEAD)
    result = privacy.erase_resident(app_ctx, plant_resident(app_ctx))
    assert result.files_failed == () and not left.exists()
    assert not (app_ctx.folder.root / privacy.PENDING_FILES).exists()
