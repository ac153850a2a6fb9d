"""`tocds-cli complaints list [--overdue] [--json]`."""

from __future__ import annotations

import argparse

from desktop.core import formatting
from desktop.cli import EXIT_OK, print_json
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.formatting import format_time
from desktop.services.complaints.complaints import ComplaintFilter, list_complaints

FIELDS = ("id", "code", "kind", "category", "status", "severity", "recorded_at", "due_at", "overdue")


def register(sub) -> None:
    p = sub.add_parser("complaints", help=_("phản ánh, kiến nghị của cư dân"))
    actions = p.add_subparsers(dest="complaints_command", metavar="ACTION")
    actions.required = True
    lp = actions.add_parser("list", help=_("liệt kê phản ánh (mới nhất trước)"))
    lp.add_argument("--overdue", action="store_true", help=_("chỉ phản ánh quá hạn"))
    lp.add_argument("--status", help=_("chỉ trạng thái này (mã, ví dụ dang_xu_ly)"))
    lp.add_argument("--code", default="", help=_("tìm theo mã phản ánh (cả mã hay một phần, ví dụ PA-7KX-4MT hoặc 7kx4mt)"))
    lp.add_argument("--json", action="store_true")
    operator_args(lp)
    lp.set_defaults(func=cmd_list)


def _local(dt) -> str:
    return format_time(dt) or "-"


def cmd_list(args: argparse.Namespace) -> int:
    ctx = open_signed_in(args)
    try:
        rows = list_complaints(ctx, ComplaintFilter(overdue=args.overdue, status=args.status, code=args.code))
    finally:
        ctx.close()
    if args.json:
        print_json([
            {"id": r.id, "code": r.code, "kind": r.kind, "category": r.category, "status": r.status,
             "severity": r.severity, "recorded_at": r.recorded_at.isoformat() if r.recorded_at else None,
             "due_at": r.due_at.isoformat() if r.due_at else None, "overdue": r.overdue, "title": r.title}
            for r in rows
        ])
        return EXIT_OK
    for r in rows:
        flag = _("QUÁ HẠN") if r.overdue else ""
        print("\t".join([r.code, r.kind, r.category, r.status, r.severity, _local(r.recorded_at),
                         _local(r.due_at), flag, r.title]))
    print(_("{n} phản ánh").format(n=formatting.number(len(rows))))
    return EXIT_OK
