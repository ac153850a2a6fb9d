"""The role matrix through the services, every role x every permission; sign-in and operators."""

from __future__ import annotations

import pytest

from desktop.core.permissions import MATRIX, Permission, PermissionDenied, Role, allowed, matrix_markdown
from desktop.services.outreach import handoffs
from desktop.services.people import audit, backup, operators, privacy, restore
from desktop.services.reports import indicators
from tests.unit.people_helpers import ADMIN_SECRET, NAMES, PINS, as_role, plant_resident, staff

EXPECTED = {  # the matrix the issue asks for, written out independently of MATRIX
    Role.VOLUNTEER: {"register", "sync"},
    Role.POLICE: {"register", "sync", "reveal", "handoff"},  # the police liaison sees and closes hand-offs (#20)
    Role.TEAM_LEAD: {"register", "sync", "reveal", "export", "subject_request", "backup", "restore", "view_audit",
                     "handoff", "ward_figures"},
    Role.ADMIN: {p.value for p in Permission},
}


def _attempt(ctx, permission: Permission, rid: str, tmp_path) -> None:
    """Exercise the service that guards `permission` (require() for the ones other areas wire)."""
    if permission is Permission.REVEAL:
        assert privacy.reveal_identifier(ctx, rid, "cccd") == "001297054321"
    elif permission is Permission.EXPORT:
        privacy.authorize_export(ctx, "resident", 1, "xlsx")
    elif permission is Permission.SUBJECT_REQUEST:
        privacy.export_subject_data(ctx, rid, tmp_path / f"subject-{ctx.actor}.json")
    elif permission is Permission.BACKUP:
        backup.create_backup(ctx, tmp_path / f"b-{ctx.actor}.tocdsbak", "mat-khau-sao-luu")
    elif permission is Permission.RESTORE:
        restore.restore_backup(tmp_path / "missing.tocdsbak", "x" * 12, tmp_path / "r", ctx=ctx)
    elif permission is Permission.VIEW_AUDIT:
        audit.query(ctx)
    elif permission is Permission.HANDOFF:
        handoffs.list_handoffs(ctx)
    elif permission is Permission.WARD_FIGURES:
        indicators.set_ward_figures(ctx, 2026, population_15_plus=1000 + len(ctx.actor or ""))
    elif permission is Permission.MANAGE_OPERATORS:
        operators.create_operator(ctx, f"Người mới {ctx.actor}", "tinh_nguyen_vien", "999999")
    else:
        operators.require(ctx, permission)


@pytest.fixture(scope="module")
def matrix_results(tmp_path_factory):
    """Every role tries every permission once on one data folder (argon2 hashing is slow by design)."""
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward

    tmp = tmp_path_factory.mktemp("matrix")
    ctx = open_context(str(tmp / "data"))
    initialize_ward(ctx, "00166", "Tổ", ["Tổ 1"])
    ids = staff(ctx)
    rid = plant_resident(ctx)
    results = {}
    for role in Role:
        as_role(ctx, ids, role)
        for permission in Permission:
            before = audit.count(ctx)
            try:
                _attempt(ctx, permission, rid, tmp)
                results[(role, permission)] = ("allowed", audit.count(ctx) - before)
            except PermissionDenied as exc:
                results[(role, permission)] = ("denied", str(exc))
            except backup.BackupError:
                results[(role, permission)] = ("allowed", 0)  # got past the check to the (missing) file
    ctx.close()
    return results


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_role_matrix_through_services(matrix_results, role, permission):
    outcome, info = matrix_results[(role, permission)]
    expected = permission.value in EXPECTED[role]
    assert (outcome == "allowed") is expected, (role, permission, info)
    assert allowed(role, permission) is expected
    if outcome == "denied":
        assert "không được phép" in info  # a Vietnamese message naming the role
    if expected and permission in (Permission.REVEAL, Permission.EXPORT, Permission.SUBJECT_REQUEST):
        assert info >= 1, "reveal, export and subject requests are audited"


def test_matrix_markdown_lists_every_cell():
    table = matrix_markdown()
    assert table.count("\n") == 1 + len(Permission)
    assert table.count("✔") == sum(len(v) for v in MATRIX.values())


def test_nobody_signed_in_is_refused_once_operators_exist(app_ctx):
    operators.require(app_ctx, Permission.EXPORT)  # fresh folder, nobody to be yet
    staff(app_ctx)
    operators.sign_out(app_ctx)
    with pytest.raises(PermissionDenied, match="Cần đăng nhập"):
        operators.require(app_ctx, Permission.REGISTER)
    assert app_ctx.actor == ""


def test_sign_in_stamps_actor_and_records_switch(app_ctx):
    ids = staff(app_ctx)
    as_role(app_ctx, ids, Role.VOLUNTEER)
    assert app_ctx.actor == NAMES[Role.VOLUNTEER]
    assert app_ctx.operator.role == "tinh_nguyen_vien"
    rid = plant_resident(app_ctx)
    from desktop.services.residents import residents

    assert residents.get_resident(app_ctx, rid).created_by == NAMES[Role.VOLUNTEER]
    as_role(app_ctx, ids, Role.POLICE)
    assert app_ctx.actor == NAMES[Role.POLICE]
    as_role(app_ctx, ids, Role.ADMIN)
    entries = audit.query(app_ctx, action="sign_in")
    assert entries[0].actor == NAMES[Role.ADMIN]
    assert entries[1].detail.get("switch_from") == ids[Role.VOLUNTEER]


def test_wrong_pin_is_audited_and_locks_after_five(app_ctx):
    ids = staff(app_ctx)
    for _n in range(4):
        with pytest.raises(operators.OperatorError, match="không đúng"):
            operators.sign_in(app_ctx, ids[Role.VOLUNTEER], "000000")
    with pytest.raises(operators.OperatorError, match="Thử lại sau 5 phút"):
        operators.sign_in(app_ctx, ids[Role.VOLUNTEER], "000000")
    with pytest.raises(operators.OperatorError, match="Thử lại sau"):
        operators.sign_in(app_ctx, ids[Role.VOLUNTEER], PINS[Role.VOLUNTEER])  # locked even with the right PIN
    operators.sign_in(app_ctx, ids[Role.ADMIN], ADMIN_SECRET)
    failed = audit.query(app_ctx, action="sign_in_failed")
    assert len(failed) == 6 and {e.detail["reason"] for e in failed} == {"wrong_secret", "locked"}
    assert all(e.actor == "" for e in failed)
    # The admin resets the PIN: the lock is lifted.
    operators.update_operator(app_ctx, ids[Role.VOLUNTEER], secret="654321")
    operators.sign_in(app_ctx, ids[Role.VOLUNTEER], "654321")


def test_operator_rules(app_ctx):
    ids = staff(app_ctx)
    with pytest.raises(operators.OperatorError, match="Đã có người dùng"):
        operators.create_first_admin(app_ctx, "Ai đó", "matkhau12345")
    with pytest.raises(operators.OperatorError, match="6 đến 12 chữ số"):
        operators.create_operator(app_ctx, "Người A", "tinh_nguyen_vien", "12ab")
    with pytest.raises(operators.OperatorError, match="Đã có người dùng tên"):
        operators.create_operator(app_ctx, "le van tinh", "tinh_nguyen_vien", "123456")
    with pytest.raises(operators.OperatorError, match="ít nhất một người quản trị"):
        operators.update_operator(app_ctx, ids[Role.ADMIN], role="to_truong")
    operators.deactivate_operator(app_ctx, ids[Role.POLICE])
    assert NAMES[Role.POLICE] not in [o.name for o in operators.list_operators(app_ctx)]
    with pytest.raises(operators.OperatorError, match="vô hiệu hóa"):
        operators.sign_in(app_ctx, ids[Role.POLICE], PINS[Role.POLICE])
    with pytest.raises(operators.OperatorError):
        operators.sign_in(app_ctx, ids[Role.ADMIN], "")
    # The admin is signed out by the failed try? No: failures do not sign anyone out.
    assert app_ctx.actor == NAMES[Role.ADMIN]


def test_secrets_are_argon2_hashes(app_ctx):
    staff(app_ctx)
    from sqlalchemy import select

    from desktop.store.models.people import Operator

    with app_ctx.read() as s:
        hashes = list(s.scalars(select(Operator.secret_hash)))
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(pin in h for h in hashes for pin in PINS.values())
