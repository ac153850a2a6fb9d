"""Operators of a shared laptop: first admin, management (admin only), sign-in, switch, `require`.

Signing in sets `ctx.actor` (stamped on every record as created_by/updated_by) and
`ctx.operator` (a `SignedIn`). Secrets are argon2id hashes; five wrong
tries lock an operator for a few minutes. Every sign-in, failed or not, is audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from desktop.core.i18n import _
from desktop.core.permissions import Permission, PermissionDenied, Role, allowed, role_label
from desktop.core.text import fold, nfc
from desktop.services.people import audit
from desktop.services.context import AppContext
from desktop.services.people.secret_strength import STRONG_SECRET_ROLES, weakness
from desktop.store.base import utcnow
from desktop.store.models.people import Operator

MAX_ATTEMPTS = 5
LOCK_MINUTES = 5
SECRET_KINDS = ("pin", "password")
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)  # OWASP minimum for argon2id


class OperatorError(ValueError):
    """Refused operator input or sign-in; the message is for people."""


@dataclass(frozen=True)
class SignedIn:
    """Who is signed in (`ctx.operator`)."""

    id: str
    name: str
    role: str


@dataclass(frozen=True)
class OperatorInfo:
    id: str
    name: str
    role: str
    role_label: str
    secret_kind: str
    active: bool
    locked: bool
    last_sign_in_at: datetime | None


# -- who is signed in --------------------------------------------------------------------
def current(ctx: AppContext) -> SignedIn | None:
    return ctx.operator


def has_operators(ctx: AppContext) -> bool:
    with ctx.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Operator).where(Operator.active.is_(True))))


def can(ctx: AppContext, permission: Permission | str) -> bool:
    try:
        require(ctx, permission)
    except PermissionDenied:
        return False
    return True


def require(ctx: AppContext, permission: Permission | str) -> None:
    """Refuse unless the signed-in operator's role has `permission`.

    Before the first operator exists (a fresh data folder being set up) nothing is refused:
    there is nobody to be yet. After that, someone must be signed in.
    """
    permission = Permission(permission)
    op = current(ctx)
    if op is None:
        if has_operators(ctx):
            raise PermissionDenied(permission)
        return
    if not allowed(op.role, permission):
        raise PermissionDenied(permission, op.role)


# -- listing -----------------------------------------------------------------------------
def _info(o: Operator, now: datetime) -> OperatorInfo:
    return OperatorInfo(o.id, o.name, o.role, role_label(o.role), o.secret_kind, o.active,
                        bool(o.locked_until and o.locked_until > now), o.last_sign_in_at)


def list_operators(ctx: AppContext, include_inactive: bool = False) -> list[OperatorInfo]:
    now = utcnow()
    stmt = select(Operator).order_by(Operator.name_folded)
    if not include_inactive:
        stmt = stmt.where(Operator.active.is_(True))
    with ctx.read() as s:
        return [_info(o, now) for o in s.scalars(stmt)]


# -- validation --------------------------------------------------------------------------
def check_secret(secret: str, kind: str, *, strong: bool = False) -> None:
    """The PIN/password's form; with `strong` (an admin's) also `secret_strength.weakness`."""
    if kind not in SECRET_KINDS:
        raise OperatorError(_("Loại mã đăng nhập không hợp lệ: {kind}").format(kind=kind))
    if kind == "pin" and not re.fullmatch(r"\d{6,12}", secret or ""):
        raise OperatorError(_("Mã PIN phải gồm 6 đến 12 chữ số."))
    if kind == "password" and len(secret or "") < 8:
        raise OperatorError(_("Mật khẩu phải có ít nhất 8 ký tự."))
    if strong:
        reason = weakness(secret, kind)
        if reason:
            raise OperatorError(reason)


def check_role_secret(secret: str, kind: str, role: str) -> None:
    """The one rule for a secret given to an operator of `role` (wizard, operators page, CLI)."""
    check_secret(secret, kind, strong=role in STRONG_SECRET_ROLES)


def check_name(name: str) -> str:
    """An operator's name as stored (NFC, trimmed), or OperatorError saying what is wrong."""
    name = nfc(name or "").strip()
    if not name:
        raise OperatorError(_("Chưa nhập tên người dùng."))
    if len(name) > 120:
        raise OperatorError(_("Tên người dùng dài quá 120 ký tự."))
    return name


def _check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise OperatorError(_("Vai trò không hợp lệ: {role}").format(role=role)) from None


def _name_taken(s, name: str, except_id: str | None = None) -> bool:
    stmt = select(Operator.id).where(Operator.name_folded == fold(name))
    if except_id:
        stmt = stmt.where(Operator.id != except_id)
    return s.scalar(stmt) is not None


# -- management --------------------------------------------------------------------------
def _already_have_operators() -> OperatorError:
    return OperatorError(_("Đã có người dùng; hãy đăng nhập bằng tài khoản quản trị để thêm người."))


def check_first_admin(ctx: AppContext, name: str, secret: str, secret_kind: str = "password") -> None:
    """What `create_first_admin` would refuse, found without writing (for a caller that writes
    something else first, e.g. setting up the ward)."""
    check_name(name)
    check_role_secret(secret, secret_kind, Role.ADMIN.value)
    if has_operators(ctx):
        raise _already_have_operators()


def create_first_admin(ctx: AppContext, name: str, secret: str, secret_kind: str = "password") -> OperatorInfo:
    """On first run: the first operator is an admin, and is signed in."""
    name = check_name(name)
    check_role_secret(secret, secret_kind, Role.ADMIN.value)
    with ctx.write() as s:
        if s.scalar(select(func.count()).select_from(Operator)):
            raise _already_have_operators()
        o = Operator(name=name, name_folded=fold(name), role=Role.ADMIN.value, secret_kind=secret_kind,
                     secret_hash=_HASHER.hash(secret))
        s.add(o)
        s.flush()
        _set_signed_in(ctx, o)
        audit.append(s, ctx, "operator", "operator", o.id, {"change": "create_first_admin", "role": o.role})
        audit.append(s, ctx, "sign_in", "operator", o.id, {})
        return _info(o, utcnow())


def create_operator(ctx: AppContext, name: str, role: str, secret: str, secret_kind: str = "pin") -> OperatorInfo:
    require(ctx, Permission.MANAGE_OPERATORS)
    name = check_name(name)
    role_ = _check_role(role)
    check_role_secret(secret, secret_kind, role_.value)
    with ctx.write() as s:
        if _name_taken(s, name):
            raise OperatorError(_("Đã có người dùng tên «{name}».").format(name=name))
        o = Operator(name=name, name_folded=fold(name), role=role_.value, secret_kind=secret_kind,
                     secret_hash=_HASHER.hash(secret))
        s.add(o)
        s.flush()
        audit.append(s, ctx, "operator", "operator", o.id, {"change": "create", "role": o.role})
        return _info(o, utcnow())


def update_operator(ctx: AppContext, operator_id: str, *, name: str | None = None, role: str | None = None,
                    secret: str | None = None, secret_kind: str | None = None, active: bool | None = None) -> OperatorInfo:
    """Change name, role, PIN/password or active state; the last active admin stays an active admin."""
    require(ctx, Permission.MANAGE_OPERATORS)
    with ctx.write() as s:
        o = s.get(Operator, operator_id)
        if o is None:
            raise OperatorError(_("Không tìm thấy người dùng."))
        changed: list[str] = []
        if name is not None and check_name(name) != o.name:
            name = check_name(name)
            if _name_taken(s, name, o.id):
                raise OperatorError(_("Đã có người dùng tên «{name}».").format(name=name))
            o.name, o.name_folded = name, fold(name)
            changed.append("name")
        if role is not None and _check_role(role).value != o.role:
            o.role = _check_role(role).value
            changed.append("role")
        if secret:
            kind = secret_kind or o.secret_kind
            check_role_secret(secret, kind, o.role)
            o.secret_hash, o.secret_kind = _HASHER.hash(secret), kind
            o.failed_attempts, o.locked_until = 0, None
            changed.append("secret")
        if active is not None and active != o.active:
            o.active = active
            changed.append("active")
        s.flush()
        admins = s.scalar(select(func.count()).select_from(Operator).where(
            Operator.active.is_(True), Operator.role == Role.ADMIN.value))
        if not admins:
            raise OperatorError(_("Phải còn ít nhất một người quản trị đang hoạt động."))
        o.updated_at = utcnow()
        if changed:
            audit.append(s, ctx, "operator", "operator", o.id, {"change": "update", "fields": changed, "role": o.role})
        info = _info(o, utcnow())
    op = current(ctx)
    if op and op.id == operator_id:
        if not info.active:
            sign_out(ctx)
        else:
            ctx.operator = SignedIn(info.id, info.name, info.role)
            ctx.actor = info.name
    return info


def deactivate_operator(ctx: AppContext, operator_id: str) -> OperatorInfo:
    return update_operator(ctx, operator_id, active=False)


# -- sign-in -----------------------------------------------------------------------------
def _set_signed_in(ctx: AppContext, o: Operator) -> SignedIn:
    signed = SignedIn(o.id, o.name, o.role)
    ctx.operator = signed
    ctx.actor = o.name
    return signed


def sign_in(ctx: AppContext, operator_id: str, secret: str, detail: dict | None = None) -> SignedIn:
    """Check the PIN/password; on success this operator is the one stamped on every change.
    `detail` goes into the audit entry (e.g. the command-line command signed in for)."""
    now = utcnow()
    failure: str | None = None
    with ctx.write() as s:
        o = s.get(Operator, operator_id)
        if o is None or not o.active:
            failure = _("Người dùng không tồn tại hoặc đã bị vô hiệu hóa.")
            audit.append(s, _anonymous(ctx), "sign_in_failed", "operator", operator_id or "", {"reason": "unknown"})
        elif o.locked_until and o.locked_until > now:
            minutes = max(1, int((o.locked_until - now).total_seconds() // 60) + 1)
            failure = _("Đã nhập sai quá {n} lần. Thử lại sau {m} phút.").format(n=MAX_ATTEMPTS, m=minutes)
            audit.append(s, _anonymous(ctx), "sign_in_failed", "operator", o.id, {"reason": "locked"})
        elif not _verify(o.secret_hash, secret):
            o.failed_attempts += 1
            if o.failed_attempts >= MAX_ATTEMPTS:
                o.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                o.failed_attempts = 0
                failure = _("Đã nhập sai quá {n} lần. Thử lại sau {m} phút.").format(n=MAX_ATTEMPTS, m=LOCK_MINUTES)
            else:
                failure = _("Mã PIN hoặc mật khẩu không đúng (còn {n} lần thử).").format(n=MAX_ATTEMPTS - o.failed_attempts)
            audit.append(s, _anonymous(ctx), "sign_in_failed", "operator", o.id, {"reason": "wrong_secret"})
        else:
            o.failed_attempts, o.locked_until, o.last_sign_in_at = 0, None, now
            previous = current(ctx)
            signed = _set_signed_in(ctx, o)
            audit.append(s, ctx, "sign_in", "operator", o.id,
                         {**({"switch_from": previous.id} if previous and previous.id != o.id else {}), **(detail or {})})
    if failure:
        raise OperatorError(failure)
    return signed


def sign_in_by_name(ctx: AppContext, name: str, secret: str, detail: dict | None = None) -> SignedIn:
    with ctx.read() as s:
        operator_id = s.scalar(select(Operator.id).where(Operator.name_folded == fold(nfc(name or "").strip())))
    return sign_in(ctx, operator_id or "", secret, detail)


def sign_out(ctx: AppContext, reason: str = "sign_out") -> None:
    """Nobody is signed in afterwards (lock or switch); audited."""
    op = current(ctx)
    if op is None:
        return
    audit.record(ctx, "lock" if reason == "lock" else "sign_out", "operator", op.id, {})
    ctx.operator = None
    ctx.actor = ""


def _verify(secret_hash: str, secret: str) -> bool:
    try:
        return _HASHER.verify(secret_hash, secret or "")
    except (VerificationError, InvalidHashError):
        return False


def _anonymous(ctx: AppContext) -> AppContext:
    """The context with nobody signed in (failed sign-ins are nobody's act)."""
    return ctx.acting_as("")
