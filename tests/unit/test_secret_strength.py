"""An admin's PIN/password is not one a stranger guesses first (#17 item 5): one service rule, used by the
setup wizard, the operators page and `tocds-cli`; other roles keep the plain length rule."""

from __future__ import annotations

import pytest

from desktop.core.permissions import Role
from desktop.services.people import operators
from desktop.services.people.secret_strength import weakness


@pytest.mark.parametrize("secret,kind,why", [
    ("123456", "pin", "liên tiếp"),
    ("654321", "pin", "liên tiếp"),
    ("0123456789", "pin", "liên tiếp"),
    ("000000", "pin", "lặp lại"),
    ("111111", "pin", "lặp lại"),
    ("121212", "pin", "lặp lại"),
    ("123123", "pin", "lặp lại"),
    ("112112", "pin", "lặp lại"),
    ("150890", "pin", "ngày tháng năm"),  # DDMMYY
    ("15081990", "pin", "ngày tháng năm"),  # DDMMYYYY
    ("19900815", "pin", "ngày tháng năm"),  # YYYYMMDD
    ("01011990", "password", "ngày tháng năm"),  # an all-digit password is a PIN in disguise
    ("12345678", "password", "liên tiếp"),
    ("matkhau123", "password", "hay dùng nhất"),
    ("Password", "password", "hay dùng nhất"),
    ("aaaaaaaa", "password", "lặp lại"),
])
def test_weak_admin_secrets_are_refused_with_the_reason(secret, kind, why):
    assert why in weakness(secret, kind)
    with pytest.raises(operators.OperatorError, match=why):
        operators.check_role_secret(secret, kind, Role.ADMIN.value)


@pytest.mark.parametrize("secret,kind", [
    ("246810", "pin"), ("739164", "pin"), ("48213957", "pin"), ("325899", "pin"),  # 32/58/99: no month 58
    ("matkhau-quantri", "password"), ("Hoa sen 2026", "password"),
])
def test_ordinary_secrets_pass(secret, kind):
    assert weakness(secret, kind) == ""
    operators.check_role_secret(secret, kind, Role.ADMIN.value)


def test_length_rules_stay_for_everyone():
    with pytest.raises(operators.OperatorError, match="6 đến 12 chữ số"):
        operators.check_role_secret("12345", "pin", Role.VOLUNTEER.value)
    with pytest.raises(operators.OperatorError, match="ít nhất 8 ký tự"):
        operators.check_role_secret("abc", "password", Role.ADMIN.value)
    operators.check_role_secret("111111", "pin", Role.VOLUNTEER.value)  # only an admin's secret must be strong


def test_the_service_refuses_a_weak_first_admin_and_a_weak_admin_pin(bare_ctx):
    with pytest.raises(operators.OperatorError, match="liên tiếp"):
        operators.create_first_admin(bare_ctx, "Ngô Quản Trị", "123456", "pin")
    assert not operators.has_operators(bare_ctx)
    admin = operators.create_first_admin(bare_ctx, "Ngô Quản Trị", "739164", "pin")
    with pytest.raises(operators.OperatorError, match="ngày tháng năm"):
        operators.create_operator(bare_ctx, "Quản Trị Hai", Role.ADMIN.value, "15081990")
    with pytest.raises(operators.OperatorError, match="lặp lại"):
        operators.update_operator(bare_ctx, admin.id, secret="000000")
    operators.create_operator(bare_ctx, "Tình Nguyện", Role.VOLUNTEER.value, "111111")
