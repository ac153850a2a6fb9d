"""`tocds-cli cross-ward list [--json]` and `cross-ward moved RESIDENT_ID [--not-moved]`: residents whose CCCD
another ward registered too (as the last sync was told), and resolving a match."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, print_json, say
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.permissions import Permission


def register(sub) -> None:
    p = sub.add_parser("cross-ward", help=_("cư dân có số CCCD đã được phường khác đăng ký"))
    csub = p.add_subparsers(dest="action", metavar="ACTION")
    csub.required = True
    c = csub.add_parser("list", help=_("liệt kê (theo lần đồng bộ gần nhất)"))
    c.add_argument("--json", action="store_true")
    operator_args(c)
    c.set_defaults(func=cmd_list)
    c = csub.add_parser("moved", help=_("đánh dấu cư dân của phường này đã chuyển đi"))
    c.add_argument("resident_id")
    c.add_argument("--not-moved", action="store_true", help=_("bỏ đánh dấu đã chuyển đi"))
    c.add_argument("--json", action="store_true")
    operator_args(c)
    c.set_defaults(func=cmd_moved)


def _show(rows, as_json: bool) -> None:
    if as_json:
        print_json([r.__dict__ for r in rows])
        return
    for r in rows:
        print(f"{r.resident_name} ({r.birth_year or '-'})  ↔  {r.other_name} ({r.other_birth_year or '-'}), "
              f"{r.other_ward_name}  [{r.state_label}]  {r.record_id}")


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services.sync.cross_ward import list_matches

    ctx = open_signed_in(args, Permission.REGISTER)
    try:
        rows = list_matches(ctx)
    finally:
        ctx.close()
    _show(rows, args.json)
    return EXIT_OK


def cmd_moved(args: argparse.Namespace) -> int:
    from desktop.services.sync.cross_ward import mark_moved

    ctx = open_signed_in(args, Permission.SYNC)
    try:
        rows = mark_moved(ctx, args.resident_id, not args.not_moved)
    finally:
        ctx.close()
    _show(rows, args.json)
    if not args.json:
        say(_("Đã báo máy chủ."))
    return EXIT_OK
