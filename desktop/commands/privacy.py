"""backup, restore, check, backup-passphrase, operator, audit.

Secrets never go on the command line: passphrases and operator PINs come from an
environment variable (named with --passphrase-env / --secret-env, or the defaults
TOCDS_BACKUP_PASSPHRASE / TOCDS_OPERATOR_SECRET) or are prompted for on a terminal.
"""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, bounded_int, input_file, open_ctx, output_file, print_json, say
from desktop.commands.access import open_signed_in, operator_args, secret_from, sign_in
from desktop.core.i18n import _
from desktop.core.formatting import format_time
from desktop.core.permissions import Permission, Role

PASSPHRASE_ENV = "TOCDS_BACKUP_PASSPHRASE"


def register(sub) -> None:
    p = sub.add_parser("backup", help=_("tạo bản sao lưu mã hóa"))
    p.add_argument("--out", help=_("tệp sao lưu cần tạo"))
    p.add_argument("--auto", action="store_true", help=_("sao lưu tự động hằng ngày vào thư mục backups (giữ N bản mới nhất)"))
    p.add_argument("--passphrase-env", help=_("biến môi trường chứa mật khẩu sao lưu (mặc định TOCDS_BACKUP_PASSPHRASE)"))
    p.add_argument("--json", action="store_true")
    operator_args(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help=_("khôi phục từ bản sao lưu vào một thư mục dữ liệu"))
    p.add_argument("file", help=_("tệp sao lưu"))
    p.add_argument("--data-dir", dest="target_dir", help=_("thư mục dữ liệu đích (nên là thư mục trống)"))
    p.add_argument("--replace", action="store_true", help=_("thay thế dữ liệu hiện có (dữ liệu cũ được giữ lại trong backups)"))
    p.add_argument("--passphrase-env", help=_("biến môi trường chứa mật khẩu sao lưu (mặc định TOCDS_BACKUP_PASSPHRASE)"))
    p.add_argument("--json", action="store_true")
    operator_args(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help=_("kiểm tra toàn vẹn cơ sở dữ liệu và chuỗi nhật ký"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup-passphrase", help=_("đặt mật khẩu cho sao lưu tự động (giữ trong kho khóa)"))
    p.add_argument("--passphrase-env", help=_("biến môi trường chứa mật khẩu sao lưu (mặc định TOCDS_BACKUP_PASSPHRASE)"))
    operator_args(p)
    p.set_defaults(func=cmd_backup_passphrase)

    p = sub.add_parser("operator", help=_("người dùng của máy: liệt kê, thêm"))
    osub = p.add_subparsers(dest="operator_command", metavar="ACTION")
    osub.required = True
    q = osub.add_parser("list", help=_("liệt kê người dùng"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_operator_list)
    q = osub.add_parser("add", help=_("thêm người dùng (người đầu tiên là quản trị)"))
    q.add_argument("--name", required=True, help=_("họ tên người dùng mới"))
    q.add_argument("--role", default=Role.VOLUNTEER.value, choices=[r.value for r in Role])
    q.add_argument("--kind", default="pin", choices=["pin", "password"])
    q.add_argument("--new-secret-env", help=_("biến môi trường chứa mã PIN/mật khẩu của người mới (mặc định TOCDS_NEW_SECRET)"))
    operator_args(q)
    q.set_defaults(func=cmd_operator_add)

    p = sub.add_parser("audit", help=_("xem nhật ký truy cập"))
    p.add_argument("--action", help=_("chỉ loại sự kiện này (ví dụ export, reveal)"))
    p.add_argument("--limit", type=bounded_int(1, 100_000), default=100)
    p.add_argument("--json", action="store_true")
    operator_args(p)
    p.set_defaults(func=cmd_audit)


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services.people import backup

    if not args.out and not args.auto:
        say(_("Cần --out TỆP hoặc --auto."))
        return EXIT_USAGE
    if args.out:
        output_file(args.out)
    ctx = open_ctx(args)
    try:
        if args.auto and not args.operator:  # the scheduled daily backup: unattended, with the kept passphrase
            info = backup.run_auto_backup(ctx, force=True)
            if info is None:
                say(_("Chưa đặt mật khẩu sao lưu tự động. Hãy chạy: tocds-cli backup-passphrase"))
                return EXIT_REFUSED
        else:
            sign_in(ctx, args, Permission.BACKUP)
            if args.auto:
                info = backup.run_auto_backup(ctx, force=True)
                if info is None:
                    say(_("Chưa đặt mật khẩu sao lưu tự động. Hãy chạy: tocds-cli backup-passphrase"))
                    return EXIT_REFUSED
            else:
                passphrase = secret_from(args.passphrase_env, PASSPHRASE_ENV, _("Mật khẩu sao lưu: "))
                info = backup.create_backup(ctx, args.out, passphrase)
    finally:
        ctx.close()
    if args.json:
        print_json({"path": info.path, "size": info.size, "created_at": info.created_at, "records": info.records,
                    "attachments": info.attachments})
    else:
        say(_("Đã tạo bản sao lưu {path} ({size} byte).").format(path=info.path, size=info.size))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services.people import restore
    from desktop.services.context import open_context
    from desktop.services.people.operators import require
    from desktop.core.permissions import Permission

    target = args.target_dir or args.data_dir
    if not target:
        say(_("Cần chỉ rõ thư mục dữ liệu đích: --data-dir THƯ_MỤC."))
        return EXIT_USAGE
    input_file(args.file)
    passphrase = secret_from(args.passphrase_env, PASSPHRASE_ENV, _("Mật khẩu sao lưu: "))
    if args.replace:
        # Replacing data needs a team lead or admin of the data being replaced.
        ctx = open_context(target, actor="tocds-cli")
        try:
            sign_in(ctx, args, Permission.RESTORE)
            require(ctx, Permission.RESTORE)
        finally:
            ctx.close()
    info = restore.restore_backup(args.file, passphrase, target, replace=args.replace)
    if args.json:
        print_json({"data_dir": info.path, "created_at": info.created_at, "records": info.records,
                    "attachments": info.attachments, "must_enrol": bool(info.sync_note)})
    else:
        say(_("Đã khôi phục bản sao lưu lập lúc {at} vào {path}.").format(at=info.created_at, path=info.path))
    if info.sync_note:
        say(info.sync_note)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.cli import data_root
    from desktop.data_folder import DataFolder
    from desktop.services.people import backup
    from desktop.store.errors import DatabaseCorrupt, WrongKey, describe

    try:
        ctx = open_ctx(args)
    except Exception as exc:  # a database too damaged to open is checked file-level: reported, never a crash
        known = describe(exc, data_root(args))
        if not isinstance(known, (DatabaseCorrupt, WrongKey)):
            raise
        ctx = None
    try:
        report = backup.check_folder(ctx.folder if ctx else DataFolder.resolve(args.data_dir), ctx)
    finally:
        if ctx is not None:
            ctx.close()
    if args.json:
        print_json({
            "ok": report.ok, "database_ok": report.database_ok, "database_messages": report.database_messages,
            "audit_entries": report.audit_entries,
            "audit_broken": [{"origin": b.origin, "seq": b.seq, "entry_id": b.entry_id, "reason": b.reason}
                             for b in report.audit_broken],
        })
    if report.database_ok:
        say(_("Cơ sở dữ liệu: toàn vẹn."))
    else:
        say(_("Cơ sở dữ liệu bị hỏng. Các bước kiểm tra thất bại:"))
        for message in report.database_messages[:5]:
            say("  - " + message)
        say(_("Lệnh kiểm tra không thay đổi gì. Không xóa tệp; hãy khôi phục bản sao lưu gần nhất (tocds-cli restore TỆP --replace)."))
    if report.audit_broken:
        say(_("Nhật ký truy cập bị sửa hoặc thiếu ở {n} mục:").format(n=len(report.audit_broken)))
        for b in report.audit_broken[:20]:
            say(_("  mục số {seq} ({id}): {reason}").format(seq=b.seq, id=b.entry_id, reason=b.reason))
    else:
        say(_("Nhật ký truy cập: chuỗi liền mạch ({n} mục).").format(n=report.audit_entries))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_backup_passphrase(args: argparse.Namespace) -> int:
    from desktop.services.people import backup

    ctx = open_signed_in(args, Permission.BACKUP)
    try:
        backup.set_backup_passphrase(ctx, secret_from(args.passphrase_env, PASSPHRASE_ENV, _("Mật khẩu sao lưu mới: ")))
    finally:
        ctx.close()
    say(_("Đã lưu mật khẩu sao lưu vào kho khóa. Hãy ghi nhớ nó: cần để khôi phục trên máy khác."))
    return EXIT_OK


def cmd_operator_list(args: argparse.Namespace) -> int:
    from desktop.services.people import operators

    ctx = open_ctx(args)
    try:
        rows = operators.list_operators(ctx, include_inactive=True)
    finally:
        ctx.close()
    if args.json:
        print_json([{"id": o.id, "name": o.name, "role": o.role, "active": o.active, "locked": o.locked} for o in rows])
    else:
        for o in rows:
            print(f"{o.name}\t{o.role_label}\t{'' if o.active else _('đã vô hiệu hóa')}")
    return EXIT_OK


def cmd_operator_add(args: argparse.Namespace) -> int:
    from desktop.services.people import operators

    ctx = open_ctx(args)
    try:
        secret = secret_from(args.new_secret_env, "TOCDS_NEW_SECRET", _("Mã PIN/mật khẩu của người mới: "))
        if not operators.has_operators(ctx):
            info = operators.create_first_admin(ctx, args.name, secret, args.kind)
        else:
            sign_in(ctx, args, Permission.MANAGE_OPERATORS)
            info = operators.create_operator(ctx, args.name, args.role, secret, args.kind)
    finally:
        ctx.close()
    say(_("Đã thêm người dùng {name} ({role}).").format(name=info.name, role=info.role_label))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from desktop.core.permissions import Permission
    from desktop.services.people import audit
    from desktop.services.people.operators import require

    ctx = open_signed_in(args, Permission.VIEW_AUDIT)
    try:
        require(ctx, Permission.VIEW_AUDIT)
        rows = audit.query(ctx, action=args.action, limit=args.limit)
    finally:
        ctx.close()
    if args.json:
        print_json([{"at": r.occurred_at.isoformat(), "actor": r.actor, "role": r.role, "action": r.action,
                     "record_kind": r.record_kind, "record_id": r.record_id, "detail": r.detail} for r in rows])
    else:
        for r in rows:
            print(f"{format_time(r.occurred_at)}\t{r.actor}\t{r.action_label}\t{r.record_kind} {r.record_id}")
    return EXIT_OK
