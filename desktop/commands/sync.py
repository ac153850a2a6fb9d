"""`tocds-cli sync --server URL [--enroll-code CODE] [--json]` for scheduled runs.

A scheduled run has nobody at the keyboard: it is authorised by the device's enrolment
(the device token of this data folder in the keyring; `--enroll-code` gets one) and is
recorded in the audit trail as the system actor «tác vụ theo lịch».
"""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, EXIT_REFUSED, open_ctx, print_json, say
from desktop.core.i18n import _


def register(sub) -> None:
    p = sub.add_parser("sync", help=_("đồng bộ với máy chủ trung tâm"))
    p.add_argument("--server", help=_("địa chỉ máy chủ (mặc định: địa chỉ đã lưu)"))
    p.add_argument("--enroll-code", help=_("mã đăng ký thiết bị do quản trị máy chủ cấp"))
    p.add_argument("--proxy", help=_("máy chủ proxy, ví dụ http://proxy.phuong.vn:8080 (được lưu lại; mặc định: proxy "
                                     "của hệ thống; \"\" để bỏ proxy đã lưu)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.services.sync import service as sync_service

    ctx = open_ctx(args, actor=sync_service.SYSTEM_ACTOR)
    try:
        if args.proxy is not None:
            ctx.settings.set("sync_proxy", args.proxy.strip())
        result = sync_service.sync_now(ctx, args.server, args.enroll_code, trigger="cli")
    except sync_service.SyncFailed as exc:
        say(exc.message)
        if args.json:
            print_json({"error": exc.kind, "message": exc.message})
        return EXIT_REFUSED
    finally:
        ctx.close()
    summary = {k: result[k] for k in ("pushed", "pulled", "conflicts", "rejected", "set_aside", "pending",
                                      "changes_sent", "merged", "already_stored")}
    if args.json:
        print_json(summary)
    else:
        from desktop.services.sync.labels import result_lines

        for line in result_lines(summary):
            say(line)
    return EXIT_REFUSED if summary["conflicts"] or summary["rejected"] else EXIT_OK
