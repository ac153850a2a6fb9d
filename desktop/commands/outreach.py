"""demo-data, campaigns list, follow-ups list, communications status."""

from __future__ import annotations

import argparse

from desktop.core import formatting
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, bounded_int, print_json, say
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.outreach_vocab import CAMPAIGN_KINDS, FAILURE_REASONS
from desktop.core.permissions import Permission
from desktop.core.formatting import format_date, format_time


def register(sub) -> None:
    p = sub.add_parser("demo-data", help=_("tạo một phường mẫu (cư dân, đợt ra quân, lượt hỗ trợ...) để trình diễn"))
    p.add_argument("--residents", type=bounded_int(0, 1_000_000), default=500,
                   help=_("số cư dân mẫu (mặc định 500, tối đa 1.000.000)"))
    p.add_argument("--seed", type=bounded_int(0, 2**63 - 1), default=1,
                   help=_("hạt giống ngẫu nhiên: cùng hạt giống cho cùng dữ liệu"))
    p.add_argument("--json", action="store_true")
    operator_args(p)
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("campaigns", help=_("đợt ra quân và điểm hỗ trợ"))
    csub = p.add_subparsers(dest="action", metavar="ACTION")
    csub.required = True
    c = csub.add_parser("list", help=_("liệt kê đợt ra quân"))
    c.add_argument("--json", action="store_true")
    operator_args(c)
    c.set_defaults(func=cmd_campaigns_list)

    p = sub.add_parser("follow-ups", help=_("cư dân cần hỗ trợ lại"))
    fsub = p.add_subparsers(dest="action", metavar="ACTION")
    fsub.required = True
    f = fsub.add_parser("list", help=_("liệt kê việc cần theo dõi chưa xong"))
    f.add_argument("--group", help=_("tên tổ dân phố / thôn"))
    f.add_argument("--full-phones", action="store_true",
                   help=_("in số điện thoại đầy đủ để người trực gọi lại (cần quyền xem số đầy đủ; ghi nhật ký từng số)"))
    f.add_argument("--json", action="store_true")
    operator_args(f)
    f.set_defaults(func=cmd_follow_ups_list)


def cmd_demo_data(args: argparse.Namespace) -> int:
    from desktop.services.setup.demo_data import build_demo_ward
    from desktop.services.outreach.common import OutreachError

    ctx = open_signed_in(args, Permission.REGISTER, actor="dữ liệu mẫu")
    try:
        counts = build_demo_ward(ctx, args.residents, args.seed)
    except OutreachError as exc:
        say(str(exc))
        return EXIT_REFUSED
    finally:
        ctx.close()
    if args.json:
        print_json(counts)
    else:
        say(_("Đã tạo dữ liệu mẫu: {residents} cư dân, {campaigns} đợt ra quân, {sessions} lượt hỗ trợ ({seconds} giây).").format(
            residents=formatting.number(counts["residents"]), campaigns=formatting.number(counts["campaigns"]),
            sessions=formatting.number(counts["help_sessions"]), seconds=formatting.decimal(counts["seconds"])))
    return EXIT_OK


def cmd_campaigns_list(args: argparse.Namespace) -> int:
    from desktop.services.outreach.campaigns import list_campaigns

    ctx = open_signed_in(args)
    try:
        rows = list_campaigns(ctx)
    finally:
        ctx.close()
    if args.json:
        print_json([{**r.__dict__, "starts_at": r.starts_at.isoformat(), "ends_at": r.ends_at.isoformat()} for r in rows])
        return EXIT_OK
    for r in rows:
        flag = _("ngoài giờ") if r.outside_office_hours else ""
        print(f"{format_time(r.starts_at)}  {_(CAMPAIGN_KINDS[r.kind])}  {r.name}  "
              f"{r.sessions}/{r.successes}  {flag}".rstrip())
    return EXIT_OK


def cmd_follow_ups_list(args: argparse.Namespace) -> int:
    from desktop.core.text import fold
    from desktop.services.outreach.follow_ups import call_sheet, list_follow_ups
    from desktop.services.setup.ward_setup import residential_groups

    # Phones masked as in every list; --full-phones is the call sheet: the reveal permission, each number audited.
    ctx = open_signed_in(args, Permission.REVEAL if args.full_phones else None)
    try:
        group_id = None
        if args.group:
            match = [g for g in residential_groups(ctx) if fold(g.name) == fold(args.group)]
            if not match:
                say(_("Không có tổ dân phố / thôn «{name}».").format(name=args.group))
                return EXIT_USAGE
            group_id = match[0].id
        if args.full_phones:
            sheet = call_sheet(ctx, group_id, via="tocds-cli follow-ups list --full-phones")
            rows = [(line.follow_up, line.phone) for line in sheet]
        else:
            rows = [(r, r.phone_masked) for r in list_follow_ups(ctx, group_id)]
    finally:
        ctx.close()
    if args.json:
        out = []
        for r, phone in rows:
            item = {k: v for k, v in r.__dict__.items() if k != "phone_masked"}
            out.append({**item, "phone": phone, "due_on": r.due_on, "done_on": r.done_on})
        print_json(out)
        return EXIT_OK
    for r, phone in rows:
        reasons = ", ".join(_(FAILURE_REASONS[c]) for c in r.reasons)
        print(f"{format_date(r.due_on)}  {r.resident_name}  {phone}  {r.residential_group}  {reasons}")
    return EXIT_OK
