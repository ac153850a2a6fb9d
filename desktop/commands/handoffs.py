"""`tocds-cli handoffs list [--open] [--json]`, `handoffs close ID --state xong|tra_lai [--note TEXT]`,
and `triage show [--json]` (the guides of this data folder and what is wrong with its own file)."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, EXIT_REFUSED, print_json, say
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.permissions import Permission
from desktop.core.formatting import format_date


def register(sub) -> None:
    p = sub.add_parser("handoffs", help=_("phiếu chuyển công an (việc chỉ công an phường giải quyết được)"))
    hsub = p.add_subparsers(dest="action", metavar="ACTION")
    hsub.required = True
    c = hsub.add_parser("list", help=_("liệt kê phiếu chuyển công an"))
    c.add_argument("--open", action="store_true", help=_("chỉ các phiếu đang chờ công an"))
    c.add_argument("--json", action="store_true")
    operator_args(c)
    c.set_defaults(func=cmd_list)
    c = hsub.add_parser("close", help=_("đánh dấu phiếu đã xong hoặc trả lại"))
    c.add_argument("id", help=_("mã phiếu (từ handoffs list --json)"))
    c.add_argument("--state", required=True, choices=["xong", "tra_lai", "mo"],
                   help=_("xong: công an đã giải quyết; tra_lai: trả lại (cần --note); mo: mở lại (cần --note)"))
    c.add_argument("--note", default="", help=_("ghi chú (bắt buộc khi trả lại hoặc mở lại)"))
    c.add_argument("--json", action="store_true")
    operator_args(c)
    c.set_defaults(func=cmd_close)

    p = sub.add_parser("triage", help=_("hướng dẫn xử lý theo lý do chưa thành công"))
    tsub = p.add_subparsers(dest="action", metavar="ACTION")
    tsub.required = True
    c = tsub.add_parser("show", help=_("in hướng dẫn đang dùng và lỗi trong tệp triage.local.json"))
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_triage_show)


def _row(h) -> dict:
    return {**h.__dict__, "since": h.since.isoformat(), "closed_on": h.closed_on.isoformat() if h.closed_on else None}


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services.outreach.handoffs import list_handoffs

    ctx = open_signed_in(args, Permission.HANDOFF)
    try:
        rows = list_handoffs(ctx, open_only=args.open)
    finally:
        ctx.close()
    if args.json:
        print_json([_row(h) for h in rows])
        return EXIT_OK
    for h in rows:
        print(f"{format_date(h.since)}  {h.state_label}  {h.resident_name}  {h.residential_group}  {h.needed}  "
              f"({_('{n} ngày').format(n=h.days_open)})  {h.id}")
    return EXIT_OK


def cmd_close(args: argparse.Namespace) -> int:
    from desktop.services.outreach.handoffs import set_state

    ctx = open_signed_in(args, Permission.HANDOFF)
    try:
        info = set_state(ctx, args.id, args.state, args.note)
    finally:
        ctx.close()
    if args.json:
        print_json(_row(info))
    else:
        say(_("Phiếu của {name}: {state}.").format(name=info.resident_name, state=info.state_label))
    return EXIT_OK


def cmd_triage_show(args: argparse.Namespace) -> int:
    from desktop.cli import open_ctx
    from desktop.core.outreach_vocab import FAILURE_REASONS
    from desktop.services.outreach.handoffs import guides

    ctx = open_ctx(args)
    try:
        g = guides(ctx)
    finally:
        ctx.close()
    if args.json:
        print_json({"version": g.version, "problems": list(g.problems), "reasons": {
            code: {"label": _(FAILURE_REASONS[code]), "steps": list(x.display_steps()), "police": x.police,
                   "needed": x.display_needed()} for code, x in g.by_reason.items()}})
    else:
        for code, x in g.by_reason.items():
            print(f"{_(FAILURE_REASONS[code])}{'  [' + _('chuyển công an') + ']' if x.police else ''}")
            for i, step in enumerate(x.display_steps(), 1):
                print(f"  {i}. {step}")
        for problem in g.problems:
            say(problem)
    return EXIT_REFUSED if g.problems else EXIT_OK
