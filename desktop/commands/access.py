"""One sign-in rule for `tocds-cli`.

When the data folder has operators (the GUI makes the first admin), every command that reads
or writes personal data signs in first: `--operator NAME`, the PIN or password from the
environment variable named by `--secret-env` (default TOCDS_OPERATOR_SECRET) or asked on a
terminal, never on the command line. The role is checked against the same matrix the GUI
uses (`operators.require`); the sign-in is audited with the command it was for, and wrong
secrets count towards the same lock-out as in the GUI. A refusal is one Vietnamese line and
exit code 1, before the command does anything.

Commands that run unattended keep doing so: `sync` (the device's enrolment) and
`backup --auto` (the passphrase kept in the keyring), and `check` (integrity only).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desktop.core.i18n import _
from desktop.core.permissions import Permission

SECRET_ENV = "TOCDS_OPERATOR_SECRET"


class NoSecret(Exception):
    """No secret where one was asked for; the message says where to put it."""


class SignInRequired(Exception):
    def __init__(self, command: str):
        super().__init__(_(
            "Cần đăng nhập để chạy lệnh «{command}»: thư mục dữ liệu này đã có người dùng. Thêm --operator \"HỌ TÊN\" "
            "(mã PIN/mật khẩu trong biến môi trường {env} hoặc nhập khi được hỏi).").format(command=command, env=SECRET_ENV))


def secret_from(env_name: str | None, default_env: str, prompt: str) -> str:
    """A secret from the named (or default) environment variable, else asked on a terminal."""
    name = env_name or default_env
    value = os.environ.get(name)
    if value:
        return value
    if env_name:
        raise NoSecret(_("Biến môi trường {name} chưa được đặt.").format(name=env_name))
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise NoSecret(_("Thiếu mật khẩu: đặt biến môi trường {name} hoặc chạy lệnh trong cửa sổ dòng lệnh.").format(name=name))


def operator_args(p: argparse.ArgumentParser) -> None:
    """--operator NAME [--secret-env VAR] on a command that reads or writes personal data."""
    p.add_argument("--operator", help=_("tên người dùng đăng nhập để thực hiện lệnh (bắt buộc khi thư mục dữ liệu đã có người dùng)"))
    p.add_argument("--secret-env", help=_("biến môi trường chứa mã PIN/mật khẩu của người dùng (mặc định TOCDS_OPERATOR_SECRET)"))


def command_name(args: argparse.Namespace) -> str:
    parts = [args.command]
    for attr in ("kind", "action", "complaints_command", "operator_command"):
        if getattr(args, attr, None):
            parts.append(getattr(args, attr))
    return " ".join(parts)


def sign_in(ctx, args: argparse.Namespace, permission: Permission | None = None) -> None:
    """Apply the rule to an open context: sign in as --operator and check `permission` (None: any signed-in
    role), or nothing when the folder has no operators yet and no --operator is given."""
    from desktop.services.people import operators

    name = getattr(args, "operator", None)
    if not name:
        if operators.has_operators(ctx):
            raise SignInRequired(command_name(args))
        return
    secret = secret_from(getattr(args, "secret_env", None), SECRET_ENV, _("Mã PIN/mật khẩu của {name}: ").format(name=name))
    operators.sign_in_by_name(ctx, name, secret, detail={"via": "tocds-cli", "command": command_name(args)})
    if permission is not None:
        operators.require(ctx, permission)


def open_signed_in(args: argparse.Namespace, permission: Permission | None = None, *, actor: str = "tocds-cli"):
    """The data folder's context with the rule applied (closed again when refused)."""
    from desktop.cli import open_ctx

    ctx = open_ctx(args, actor=actor)
    try:
        sign_in(ctx, args, permission)
    except BaseException:
        ctx.close()
        raise
    return ctx
