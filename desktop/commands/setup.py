"""init and stats."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, EXIT_REFUSED, open_ctx, print_json, say
from desktop.core.i18n import _
from desktop.services import stats, ward_setup


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("init", help=_("thiết lập phường/xã cho thư mục dữ liệu"))
    p.add_argument("--ward-code", required=True, help=_("mã phường/xã theo danh mục hành chính (ví dụ 00166)"))
    p.add_argument("--team-name", default="", help=_("tên tổ CĐS"))
    p.add_argument("--groups-file", help=_("tệp văn bản, mỗi dòng một tổ dân phố / thôn"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("stats", help=_("số bản ghi theo loại và số thay đổi chờ đồng bộ"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)


def cmd_init(args: argparse.Namespace) -> int:
    groups: list[str] = []
    if args.groups_file:
        with open(args.groups_file, encoding="utf-8-sig") as fh:
            groups = ward_setup.parse_group_lines(fh.read())
    ctx = open_ctx(args)
    try:
        info = ward_setup.initialize_ward(ctx, args.ward_code, args.team_name, groups)
    except ward_setup.SetupError as exc:
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
    }
    if args.json:
        print_json(data)
    else:
        say(_("Đã thiết lập {ward}, {province}. Thư mục dữ liệu: {path}").format(
            ward=info.ward_name, province=info.province_name, path=ctx.folder.root))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
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
            print(f"{kind}: {n}")
        print(_("Thay đổi chờ đồng bộ: {n}").format(n=data["pending_changes"]))
    return EXIT_OK
