"""`import residents`, `export residents`, `search` (each signs in when the folder has operators)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.core import formatting
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, bounded_int, output_file, print_json, say
from desktop.commands.access import open_signed_in, operator_args
from desktop.core.i18n import _
from desktop.core.permissions import Permission

MAX_SEARCH_LIMIT = 10_000


def register(sub) -> None:
    p = sub.add_parser("import", help=_("nhập dữ liệu từ tệp"))
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    r = kinds.add_parser("residents", help=_("nhập danh sách cư dân từ .xlsx hoặc .csv"))
    r.add_argument("file", metavar="FILE")
    r.add_argument("--dry-run", action="store_true", help=_("chỉ kiểm tra, không lưu"))
    r.add_argument("--valid-only", action="store_true", help=_("lưu các dòng hợp lệ, bỏ qua dòng lỗi"))
    r.add_argument("--accept-warnings", action="store_true",
                   help=_("chấp nhận dòng có CCCD không khớp giới tính / năm sinh"))
    r.add_argument("--map", action="append", default=[], metavar="COL=field",
                   help=_("gán cột cho trường (COL: tiêu đề, số thứ tự hoặc chữ cột)"))
    r.add_argument("--households-by-address", action="store_true",
                   help=_("gộp những người cùng địa chỉ trong cùng tổ dân phố / thôn thành một hộ"))
    r.add_argument("--json", action="store_true")
    operator_args(r)
    r.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help=_("xuất dữ liệu ra tệp"))
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    e = kinds.add_parser("residents", help=_("xuất danh sách cư dân ra .xlsx hoặc .csv"))
    e.add_argument("file", metavar="FILE")
    e.add_argument("--csv-separator", choices=["comma", "semicolon"], default="comma",
                   help=_("dấu phân cách của tệp .csv: comma «,» (mặc định) hoặc semicolon «;» (Excel với thiết lập "
                          "vùng Việt Nam mở đúng cột khi bấm đúp)"))
    e.add_argument("--json", action="store_true")
    operator_args(e)
    e.set_defaults(func=cmd_export)

    s = sub.add_parser("search", help=_("tìm cư dân theo tên, số điện thoại hoặc CCCD"))
    s.add_argument("query", metavar="QUERY")
    s.add_argument("--limit", type=bounded_int(1, MAX_SEARCH_LIMIT), default=20,
                   help=_("số kết quả tối đa (1 đến {n})").format(n="10.000"))
    s.add_argument("--json", action="store_true")
    operator_args(s)
    s.set_defaults(func=cmd_search)


def _import_space(path: str) -> int:
    """About how much disk an import of this file needs (its rows, change log and search index)."""
    import zipfile

    try:
        size = Path(path).stat().st_size
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                size = sum(i.file_size for i in z.infolist() if i.filename.endswith(".xml"))
        return 3 * size + (16 << 20)
    except (OSError, zipfile.BadZipFile):
        return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.services.residents import files as rf
    from desktop.services.residents import importing as ri
    from desktop.store.errors import describe

    try:
        mapping = None
        if args.map:
            table = rf.read_table(args.file)
            guessed, unsure = rf.guess_mapping(table.headers)
            mapping = {i: f for i, f in guessed.items() if i not in unsure}
            for index, name in rf.parse_map_options(args.map, table.headers).items():
                mapping = {i: f for i, f in mapping.items() if f != name}
                if name == "-":
                    mapping.pop(index, None)
                else:
                    mapping[index] = name
    except rf.ImportFileError as exc:
        say(str(exc))
        return EXIT_USAGE if args.map else EXIT_REFUSED
    ctx = open_signed_in(args, Permission.REGISTER)
    try:
        report = ri.import_residents(ctx, args.file, mapping=mapping, dry_run=args.dry_run,
                                     valid_only=args.valid_only, accept_warnings=args.accept_warnings,
                                     households_by_address=args.households_by_address)
    except rf.ImportFileError as exc:
        say(str(exc))
        return EXIT_REFUSED
    except Exception as exc:
        known = describe(exc, ctx.folder.root, needed=_import_space(args.file), check=_("nhập danh sách cư dân"))
        if known is None:
            raise
        raise known from exc
    finally:
        ctx.close()
    if args.json:
        print_json(report.to_json())
    else:
        _say_report(report)
    return EXIT_REFUSED if report.rejected or report.duplicates else EXIT_OK


def _say_report(report) -> None:
    from desktop.services.residents import files as rf

    if report.unmapped:
        say(_("Bỏ qua các cột chưa rõ nội dung: {cols} (dùng --map COT=trường để nhập).").format(
            cols=", ".join(report.unmapped)))
    for p in report.rejected:
        say(_("Dòng {row}, {field}: {reason}").format(row=p.row, field=_(rf.FIELD_LABELS.get(p.field, p.field)),
                                                  reason=p.reason))
    for w in report.warnings:
        if w.field:
            say(_("Dòng {row}, {field} (cảnh báo): {reason}").format(
                row=w.row, field=_(rf.FIELD_LABELS.get(w.field, w.field)), reason=w.reason))
        else:
            say(_("Dòng {row} (cảnh báo): {reason}").format(row=w.row, reason=w.reason))
    if report.warnings_total > len(report.warnings):
        say(_("… và {n} cảnh báo nữa (xem đủ bằng --json).").format(n=formatting.number(report.warnings_total - len(report.warnings))))
    for d in report.duplicates:
        if d.same_as_row:
            say(_("Dòng {row}: {name} trùng với dòng {other} ({kind}).").format(
                row=d.row, name=d.full_name, other=d.same_as_row, kind=d.kind))
        else:
            say(_("Dòng {row}: {name} đã có trong danh sách ({kind}).").format(row=d.row, name=d.full_name, kind=d.kind))
    if report.blocked:
        say(_("Có {n} dòng lỗi: chưa nhập dòng nào. Sửa tệp hoặc dùng --valid-only.").format(
            n=len({p.row for p in report.rejected})))
    elif report.dry_run:
        say(_("Kiểm tra xong: {n} dòng hợp lệ (chưa lưu).").format(n=report.valid_rows))
    else:
        say(_("Đã nhập {n} cư dân.").format(n=report.imported))


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.services.residents import export as rx

    out = output_file(args.file)
    ctx = open_signed_in(args, Permission.EXPORT)
    try:
        n = rx.export_residents(ctx, out, separator=rx.CSV_SEPARATORS[args.csv_separator])
    except rx.ExportError as exc:
        say(str(exc))
        return EXIT_USAGE
    finally:
        ctx.close()
    if args.json:
        print_json({"exported": n, "file": args.file})
    else:
        say(_("Đã xuất {n} cư dân ra {file}.").format(n=n, file=args.file))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.card_qr import NotCardQr, looks_scanned, parse_card_qr
    from desktop.core.vocab import ADOPTION_STAGES
    from desktop.services.residents.card import match_card
    from desktop.services.residents.search import search_residents

    # A scanned CCCD QR (pasted or typed by a scanner) finds its resident by the card; its raw text is never searched.
    card = None
    if looks_scanned(args.query):
        try:
            card = parse_card_qr(args.query)
        except NotCardQr as exc:
            say(_("Không tìm: {reason}").format(reason=exc))
            return EXIT_REFUSED
    ctx = open_signed_in(args)
    matched_by, differences = "", ()
    try:
        if card is None:
            found = search_residents(ctx, args.query, limit=args.limit)
        else:
            match = match_card(ctx, card)
            found = [match.resident] if match.known else []
            matched_by, differences = match.how, match.differences
    finally:
        ctx.close()
    if args.json:
        print_json([{"id": r.id, "full_name": r.full_name, "birth_year": r.birth_year,
                     "residential_group": r.residential_group, "phone_masked": r.phone_masked,
                     "cccd_masked": r.cccd_masked, "adoption_stage": r.adoption_stage,
                     "target_group": r.target_group, **({"matched_by": matched_by} if card else {})} for r in found])
    else:
        if card is not None and not found:
            say(_("Thẻ CCCD này chưa có trong danh sách cư dân: hãy đăng ký mới."))
        elif not found:
            say(_("Không tìm thấy cư dân nào."))
        elif differences:
            say(_("Hồ sơ khác với thẻ ở: {fields}. Sửa theo thẻ trong ứng dụng (Cư dân, quét thẻ).").format(
                fields=", ".join(d.label for d in differences)))
        for r in found:
            sys.stdout.write(f"{r.full_name}\t{r.birth_year or ''}\t{r.residential_group}\t{r.phone_masked}\t"
                             f"{r.cccd_masked}\t{_(ADOPTION_STAGES.get(r.adoption_stage, ''))}\t{r.id}\n")
    return EXIT_OK
