"""`tocds-cli ward-figures set --year Y --population-15-plus N [...]` and `ward-figures list [--json]`:
the ward's official figures per year, the denominators of the city's indicators."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, bounded_int, print_json, say
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.permissions import Permission

COUNT = bounded_int(0, 10_000_000)


def register(sub) -> None:
    p = sub.add_parser("ward-figures", help=_("số liệu chính thức của phường theo năm (dân số từ 15 tuổi, số hộ, cán bộ)"))
    wsub = p.add_subparsers(dest="action", metavar="ACTION")
    wsub.required = True
    c = wsub.add_parser("set", help=_("nhập hoặc sửa số liệu một năm"))
    c.add_argument("--year", required=True, type=bounded_int(2000, 2100))
    c.add_argument("--population-15-plus", required=True, type=COUNT, help=_("dân số từ 15 tuổi trở lên"))
    c.add_argument("--smartphone-owners", type=COUNT, help=_("trong đó có điện thoại thông minh"))
    c.add_argument("--households", type=COUNT, help=_("số hộ gia đình"))
    c.add_argument("--officials", type=COUNT, help=_("số cán bộ, công chức, viên chức"))
    c.add_argument("--source", default="", help=_("nguồn số liệu"))
    c.add_argument("--json", action="store_true")
    operator_args(c)
    c.set_defaults(func=cmd_set)
    c = wsub.add_parser("list", help=_("liệt kê số liệu các năm"))
    c.add_argument("--json", action="store_true")
    operator_args(c)
    c.set_defaults(func=cmd_list)


def cmd_set(args: argparse.Namespace) -> int:
    from desktop.services.reports.indicators import set_ward_figures

    ctx = open_signed_in(args, Permission.WARD_FIGURES)
    try:
        info = set_ward_figures(ctx, args.year, args.population_15_plus, args.smartphone_owners, args.households,
                                args.officials, args.source)
    finally:
        ctx.close()
    if args.json:
        print_json(info.__dict__)
    else:
        say(_("Đã lưu số liệu năm {year}.").format(year=info.year))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services.reports.indicators import list_ward_figures

    ctx = open_signed_in(args)
    try:
        rows = list_ward_figures(ctx)
    finally:
        ctx.close()
    if args.json:
        print_json([r.__dict__ for r in rows])
        return EXIT_OK
    for r in rows:
        print(f"{r.year}  {r.population_15_plus}  {r.smartphone_owners_15_plus or '-'}  {r.households or '-'}  "
              f"{r.officials or '-'}  {r.source}")
    return EXIT_OK
