"""`tocds-cli door-to-door --group NAME --format pdf|json --out FILE [--on DATE]`: the coverage list of a
residential group to walk with (services/households/coverage.py)."""

from __future__ import annotations

import argparse
import json

from desktop.cli import EXIT_OK, EXIT_USAGE, output_file, print_json, say
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.period import parse_date

GROUP_NAME_MAX = 120  # a residential group's name (the model's limit)
PDF_WRITER = "desktop.services.reports.pdf_report:write_pdf"  # the one report PDF path (no Qt)


def group_name(text: str) -> str:
    """An argparse type: a residential group's name, 1 to 120 characters."""
    value = " ".join(text.split())
    if not value or len(value) > GROUP_NAME_MAX:
        raise argparse.ArgumentTypeError(_("tên tổ dân phố / thôn phải có từ 1 đến {n} ký tự").format(n=GROUP_NAME_MAX))
    return value


def register(sub) -> None:
    p = sub.add_parser("door-to-door", help=_("danh sách hộ cần đến tận nhà của một tổ dân phố / thôn (pdf hoặc json)"))
    p.add_argument("--group", required=True, type=group_name, help=_("tên tổ dân phố / thôn"))
    p.add_argument("--format", default="json", choices=["json", "pdf"])
    p.add_argument("--out", help=_("tệp kết quả (bắt buộc với pdf; không có: json ra màn hình)"))
    p.add_argument("--on", help=_("lập danh sách cho ngày (dd/mm/yyyy; mặc định hôm nay)"))
    operator_args(p)
    p.set_defaults(func=cmd_door_to_door)


def cmd_door_to_door(args: argparse.Namespace) -> int:
    import importlib

    from desktop.services.households import coverage

    on = None
    if args.on:
        try:
            on = parse_date(args.on)
        except ValueError as exc:
            say(str(exc))
            return EXIT_USAGE
    if args.format == "pdf" and not args.out:
        say(_("Cần --out TỆP khi xuất định dạng {fmt}.").format(fmt="pdf"))
        return EXIT_USAGE
    if args.out:
        output_file(args.out)
    ctx = open_signed_in(args)
    try:
        group = coverage.find_group(ctx, args.group)
        data = coverage.coverage_list(ctx, group["id"], on)
    finally:
        ctx.close()
    if args.format == "json":
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=2)
        else:
            print_json(data)
            return EXIT_OK
    else:
        module, _sep, name = PDF_WRITER.partition(":")
        getattr(importlib.import_module(module), name)(coverage.coverage_document(data), args.out)
    say(_("Đã ghi danh sách {households} hộ ({members} người cần gặp) vào {path}").format(
        households=len(data["households"]), members=data["members_to_reach"], path=args.out))
    return EXIT_OK
