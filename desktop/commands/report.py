"""`tocds-cli report KIND [--format json|xlsx|pdf] [--out FILE] [--from D] [--to D]`.

Each report kind is a service function `fn(ctx, period) -> dict` (plain data); the
JSON output is that dict. xlsx and pdf renderers take the same dict (one source of
numbers). Add a kind by adding a line to REPORTS.
"""

from __future__ import annotations

import argparse
import importlib
from datetime import date

from desktop.core.formatting import format_date
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, output_file, print_json, say
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.period import Period, parse_date

FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)  # the dates a report may cover

# kind -> "module:function" taking (ctx, period) and returning a dict
REPORTS: dict[str, str] = {}
REPORTS["complaints"] = "desktop.services.reports.complaints_report:complaints_report"
REPORTS["progress"] = "desktop.services.reports.progress_report:progress_report"
REPORTS.update(daily="desktop.services.reports.official_report:daily_report", weekly="desktop.services.reports.official_report:weekly_report")

# format -> "module:function" taking (ctx, kind, data, out_path) and writing the file
RENDERERS: dict[str, str] = {}
RENDERERS.update(xlsx="desktop.services.reports.xlsx_report:render", pdf="desktop.services.reports.pdf_report:render")


def _load(ref: str):
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def register(sub) -> None:
    p = sub.add_parser("report", help=_("báo cáo (progress, complaints, daily, weekly)"))
    p.add_argument("kind", help=_("loại báo cáo"))
    p.add_argument("--format", default="json", choices=["json", "xlsx", "pdf"])
    p.add_argument("--out", help=_("tệp kết quả (bắt buộc với xlsx và pdf)"))
    p.add_argument("--from", dest="date_from", help=_("từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)"))
    p.add_argument("--to", dest="date_to", help=_("đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd)"))
    operator_args(p)
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    if args.kind not in REPORTS:
        say(_("Không có loại báo cáo «{kind}». Các loại: {kinds}").format(kind=args.kind, kinds=", ".join(sorted(REPORTS)) or "-"))
        return EXIT_USAGE
    try:
        start = parse_date(args.date_from) if args.date_from else None
        end = parse_date(args.date_to) if args.date_to else None
    except ValueError as exc:
        say(str(exc))
        return EXIT_USAGE
    for given in (start, end):
        if given is not None and not FIRST_DAY <= given <= LAST_DAY:
            say(_("Ngày {day} nằm ngoài khoảng báo cáo được ({first} đến {last}).").format(
                day=format_date(given), first=format_date(FIRST_DAY),
                last=format_date(LAST_DAY)))
            return EXIT_USAGE
    if start and end and start > end:
        say(_("--from ({start}) phải không sau --to ({end}).").format(start=format_date(start),
                                                                   end=format_date(end)))
        return EXIT_USAGE
    period = Period.for_kind(args.kind, start, end)  # "today" is the Hanoi date, not the machine's
    if args.format != "json":
        if not args.out:
            say(_("Cần --out TỆP khi xuất định dạng {fmt}.").format(fmt=args.format))
            return EXIT_USAGE
        if args.format not in RENDERERS:
            say(_("Chưa hỗ trợ xuất định dạng {fmt}.").format(fmt=args.format))
            return EXIT_REFUSED
    if args.out:
        output_file(args.out)
    ctx = open_signed_in(args)
    try:
        data = _load(REPORTS[args.kind])(ctx, period)
        if args.format == "json":
            if args.out:
                import json

                from desktop.services.output_file import writing

                with writing(args.out) as part, open(part, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, ensure_ascii=False, indent=2, default=str)
            else:
                print_json(data)
        else:
            _load(RENDERERS[args.format])(ctx, args.kind, data, args.out)
            say(_("Đã ghi báo cáo vào {path}").format(path=args.out))
    finally:
        ctx.close()
    return EXIT_OK
