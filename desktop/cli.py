"""`tocds-cli`: the headless face of desktop.services (IT staff, scheduled jobs, our checks).

Exit codes: 0 success, 1 the work was refused or partly refused, 2 usage error.
`--json` prints exactly one JSON document on stdout. Messages for people go to stderr
in Vietnamese (English with LANG=en).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any, Callable

from desktop import __version__
from desktop.core.i18n import _
from desktop.store.errors import StoreError

# Each module has `register(subparsers)`; its handlers take (args) and return an exit code.
COMMAND_MODULES = [
    "desktop.commands.setup",
    "desktop.commands.report",
    "desktop.commands.residents",
    "desktop.commands.complaints",
    "desktop.commands.privacy",
    "desktop.commands.sync",
    "desktop.commands.outreach",
]

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: ANN201
        self.print_usage(sys.stderr)
        print(_("Lỗi cú pháp lệnh: {message}").format(message=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tocds-cli", description=_("Tổ CĐS Desktop: dòng lệnh"))
    parser.add_argument("--version", action="version", version=f"tocds-cli {__version__}")
    parser.add_argument("--data-dir", help=_("thư mục dữ liệu (mặc định: TOCDS_DATA_DIR hoặc thư mục dữ liệu của người dùng)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def say(message: str) -> None:
    """A message for people (stderr keeps stdout clean for --json)."""
    print(message, file=sys.stderr)


def open_ctx(args: argparse.Namespace, actor: str = "tocds-cli"):
    from desktop.services.context import open_context

    return open_context(args.data_dir, actor=actor)


def _asks_only_version(argv: list[str] | None) -> bool:
    """`--version` answers before the subcommands (and the store they import) are loaded."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--version", action="store_true")
    pre.add_argument("--data-dir")
    known, _rest = pre.parse_known_args(sys.argv[1:] if argv is None else argv)
    return known.version


def main(argv: list[str] | None = None) -> int:
    if _asks_only_version(argv):
        print(f"tocds-cli {__version__}")
        return EXIT_OK
    args = build_parser().parse_args(argv)
    from desktop.app_mutex import hold_app_mutex

    hold_app_mutex()  # the Windows installer waits while a command (a scheduled sync) runs
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        return handler(args)
    except StoreError as exc:
        say(str(exc))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        say(_("Đã dừng theo yêu cầu."))
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
