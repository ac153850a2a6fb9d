"""init and stats.

`init --ward-code CODE [--admin-name NAME]` also creates the first admin: the password (or
PIN with `--admin-kind pin`) comes from the environment variable named by
`--admin-secret-env` (default TOCDS_ADMIN_SECRET), else from the first line of stdin when
it is not a terminal, else it is asked twice on the terminal. Never on the command line.
Without --admin-name the app asks for the first admin when it is opened.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desktop.core import formatting
from desktop.cli import EXIT_OK, EXIT_REFUSED, input_file, open_ctx, os_reason, print_json, say
from desktop.commands.access import open_signed_in, operator_args, sign_in
from desktop.core.i18n import _
from desktop.core.permissions import Permission, Role
from desktop.services.setup import stats, ward_setup


def register(sub) -> None:
    p = sub.add_parser("init", help=_("thiết lập phường/xã cho thư mục dữ liệu"))
    p.add_argument("--ward-code", required=True, help=_("mã phường/xã theo danh mục hành chính (ví dụ 00166)"))
    p.add_argument("--team-name", default="", help=_("tên tổ CĐS"))
    p.add_argument("--groups-file", help=_("tệp văn bản, mỗi dòng một tổ dân phố / thôn"))
    p.add_argument("--admin-name", help=_("họ tên người quản trị đầu tiên"))
    p.add_argument("--admin-kind", default="password", choices=["password", "pin"],
                   help=_("loại mã đăng nhập của người quản trị (mặc định: mật khẩu)"))
    p.add_argument("--admin-secret-env", help=_("biến môi trường chứa mật khẩu / mã PIN của người quản trị "
                                                "(mặc định TOCDS_ADMIN_SECRET; nếu không có thì đọc một dòng từ stdin)"))
    p.add_argument("--json", action="store_true")
    operator_args(p)  # only once the folder has operators: then it takes an admin
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("stats", help=_("số bản ghi theo loại và số thay đổi chờ đồng bộ"))
    p.add_argument("--json", action="store_true")
    operator_args(p)
    p.set_defaults(func=cmd_stats)


ADMIN_SECRET_ENV = "TOCDS_ADMIN_SECRET"
GROUPS_FILE_MAX = 1 << 20


def _admin_secret(args: argparse.Namespace) -> str | None:
    name = args.admin_secret_env or ADMIN_SECRET_ENV
    if os.environ.get(name):
        return os.environ[name]
    if args.admin_secret_env:
        say(_("Biến môi trường {name} chưa được đặt.").format(name=name))
        return None
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            say(_("Thiếu mật khẩu người quản trị: đặt biến môi trường {name} hoặc đưa vào stdin.").format(name=name))
            return None
        return line
    first = getpass.getpass(_("Mật khẩu / mã PIN của người quản trị: "))
    if getpass.getpass(_("Nhập lại: ")) != first:
        say(_("Hai lần nhập mật khẩu / mã PIN không khớp."))
        return None
    return first


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.services.people import operators

    groups: list[str] = []
    if args.groups_file:
        path = input_file(args.groups_file)
        if path.stat().st_size > GROUPS_FILE_MAX:
            say(_("Tệp {file} lớn hơn {n} kB: không phải danh sách tổ dân phố / thôn.").format(
                file=args.groups_file, n=GROUPS_FILE_MAX >> 10))
            return EXIT_REFUSED
        try:
            groups = ward_setup.parse_group_lines(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            say(_("Tệp {file} không phải văn bản UTF-8 (mỗi dòng một tổ dân phố / thôn).").format(file=args.groups_file))
            return EXIT_REFUSED
        except OSError as exc:
            say(_("Không đọc được {file}: {reason}.").format(file=args.groups_file, reason=os_reason(exc)))
            return EXIT_REFUSED
    secret = None
    if args.admin_name is not None:
        secret = _admin_secret(args)
        if secret is None:
            return EXIT_REFUSED
        try:  # before the data folder is even opened
            operators.check_name(args.admin_name)
            operators.check_role_secret(secret, args.admin_kind, Role.ADMIN.value)
        except operators.OperatorError as exc:
            say(_("--admin-name / mật khẩu: {error}").format(error=exc))
            return EXIT_REFUSED
    ctx = open_ctx(args)
    admin = None
    try:
        if operators.has_operators(ctx) and secret is None:
            sign_in(ctx, args, Permission.MANAGE_OPERATORS)  # changing a ward in use: an admin's job
        info = ward_setup.first_setup(ctx, args.ward_code, args.team_name, groups,
                                      None if secret is None else (args.admin_name, secret, args.admin_kind))
        if secret is not None:
            admin = operators.check_name(args.admin_name)  # the name as stored
        has_admin = operators.has_operators(ctx)
    except (ward_setup.SetupError, operators.OperatorError) as exc:
        say(str(exc))
        return EXIT_REFUSED
    finally:
        ctx.close()
    data = {
        "ward_code": info.ward_code,
        "ward_name": info.ward_name,
        "province_name": info.province_name,
        "team_name": info.team_name,
        "data_dir": str(ctx.folder.root),
        "admin": admin,
    }
    if args.json:
        print_json(data)
    else:
        say(_("Đã thiết lập {ward}, {province}. Thư mục dữ liệu: {path}").format(
            ward=info.ward_name, province=info.province_name, path=ctx.folder.root))
        if admin:
            say(_("Đã tạo tài khoản quản trị {name}.").format(name=admin))
    if not has_admin:
        say(_("Chưa có tài khoản quản trị: ứng dụng sẽ yêu cầu tạo khi mở lần đầu "
              "(hoặc chạy tocds-cli init --ward-code {code} --admin-name \"HỌ TÊN\").").format(code=info.ward_code))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    ctx = open_signed_in(args)
    try:
        data = stats.store_stats(ctx)
        info = ward_setup.ward_info(ctx)
    finally:
        ctx.close()
    data["ward_code"] = info.ward_code if info else None
    if args.json:
        print_json(data)
    else:
        if info:
            print(f"{info.ward_name} ({info.ward_code})")
        for kind, n in data["records"].items():
            print(f"{kind}: {formatting.number(n)}")
        print(_("Thay đổi chờ đồng bộ: {n}").format(n=formatting.number(data["pending_changes"])))
    return EXIT_OK
