"""`tocds-cli`: the headless face of desktop.services (IT staff, scheduled jobs, our checks).

Exit codes: 0 success, 1 the work was refused or partly refused, 2 usage error.
`--json` prints exactly one JSON document on stdout. Messages for people go to stderr
in Vietnamese (English with LANG=en). Whatever goes wrong (a bad file, a full disk, a
damaged database, a closed pipe) ends in one such message and exit code 1, never a
traceback (`refusal_message`); numbers on the command line are bounded (`bounded_int`).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

from desktop import __version__
from desktop.core import formatting
from desktop.core.i18n import N_, _

# Each module has `register(subparsers)`; its handlers take (args) and return an exit code.
COMMAND_MODULES = [
    "desktop.commands.setup",
    "desktop.commands.report",
    "desktop.commands.residents",
    "desktop.commands.complaints",
    "desktop.commands.privacy",
    "desktop.commands.sync",
    "desktop.commands.outreach",
    "desktop.commands.households",
    "desktop.commands.handoffs",
    "desktop.commands.indicators",
    "desktop.commands.cross_ward",
]

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("tocds.cli")

# argparse's own English, said in Vietnamese (the rest of its messages are ours).
_ARGPARSE_WORDS = [
    (re.compile(r"^the following arguments are required: (.*)$"), N_("thiếu tham số bắt buộc: {0}")),
    (re.compile(r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$"),
     N_("tham số {0}: không có lựa chọn {1} (chọn một trong: {2})")),
    (re.compile(r"^argument (\S+): invalid (\w+) value: (.*)$"), N_("tham số {0}: giá trị {2} không hợp lệ")),
    (re.compile(r"^argument (\S+): expected one argument$"), N_("tham số {0}: cần một giá trị")),
    (re.compile(r"^argument (\S+): (.*)$"), N_("tham số {0}: {1}")),
    (re.compile(r"^unrecognized arguments: (.*)$"), N_("không hiểu các tham số: {0}")),
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        for pattern, wording in _ARGPARSE_WORDS:
            m = pattern.match(message)
            if m:
                message = _(wording).format(*m.groups())
                break
        print(_("Lỗi cú pháp lệnh: {message}").format(message=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` (a too-large number is a usage error, said)."""

    def parse(text: str) -> int:
        limits = _("phải là số nguyên từ {low} đến {high}").format(low=_group(low), high=_group(high))
        shown = text if len(text) <= 30 else text[:30] + "…"
        if not re.fullmatch(r"[+-]?[0-9]{1,30}", text.strip()):
            raise argparse.ArgumentTypeError(_("«{value}» {limits}").format(value=shown, limits=limits))
        value = int(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(_("{value} {limits}").format(value=shown, limits=limits))
        return value

    parse.__name__ = "int"
    return parse


def _group(n: int) -> str:
    return formatting.number(n)


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

    root = data_root(args)
    if root.exists() and not root.is_dir():
        raise UsageProblem(_("«{path}» là một tệp, không phải thư mục dữ liệu.").format(path=root))
    return open_context(args.data_dir, actor=actor)


def _asks_only_version(argv: list[str] | None) -> bool:
    """`--version` answers before the subcommands (and the store they import) are loaded."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--version", action="store_true")
    pre.add_argument("--data-dir")
    known, _rest = pre.parse_known_args(sys.argv[1:] if argv is None else argv)
    return known.version


def data_root(args: argparse.Namespace | None) -> Path:
    from desktop.data_folder import DataFolder

    try:
        return DataFolder.resolve(getattr(args, "data_dir", None)).root
    except (OSError, RuntimeError, ValueError):
        return Path.cwd()


class UsageProblem(Exception):
    """A command line that cannot work (a folder where a file is wanted…); exit code 2, the message says why."""


def input_file(path: str) -> Path:
    """A file the command reads: it must exist and be a file."""
    p = Path(path)
    if p.is_dir():
        raise UsageProblem(_("«{path}» là một thư mục, không phải tệp.").format(path=path))
    if not p.exists():
        raise UsageProblem(_("Không có tệp {path}.").format(path=path))
    return p


def output_file(path: str) -> Path:
    """A file the command writes: not a folder, in a folder that exists."""
    p = Path(path)
    if p.is_dir():
        raise UsageProblem(_("«{path}» là một thư mục; hãy đưa tên tệp cần ghi.").format(path=path))
    if not p.parent.is_dir():
        raise UsageProblem(_("Không có thư mục {folder} để ghi tệp {name}.").format(folder=p.parent, name=p.name))
    return p


# Errors whose message is already for people ("module:Class", imported only when one is raised).
_FOR_PEOPLE = (
    "desktop.core.permissions:PermissionDenied",
    "desktop.services.people.operators:OperatorError",
    "desktop.services.people.backup:BackupError",
    "desktop.services.residents.files:ImportFileError",
    "desktop.services.residents.export:ExportError",
    "desktop.services.output_file:FileInUse",
    "desktop.services.setup.ward_setup:SetupError",
    "desktop.services.outreach.common:OutreachError",
    "desktop.services.households.households:HouseholdError",
    "desktop.core.complaint_catalogue:CatalogueError",
    "desktop.commands.access:NoSecret",
    "desktop.commands.access:SignInRequired",
    "desktop.services.sync.service:SyncFailed",
)


def _for_people(exc: BaseException) -> bool:
    for ref in _FOR_PEOPLE:
        module, _sep, name = ref.partition(":")
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(exc, getattr(loaded, name, ())):
            return True
    return False


def os_reason(exc: OSError) -> str:
    """An OS error's reason in Vietnamese."""
    reasons = {
        errno.ENOENT: _("không có tệp hoặc thư mục này"),
        errno.EISDIR: _("đây là một thư mục, không phải tệp"),
        errno.ENOTDIR: _("một phần của đường dẫn không phải là thư mục"),
        errno.EEXIST: _("đã có một tệp cùng tên"),
        errno.EACCES: _("không có quyền truy cập"),
        errno.EPERM: _("không có quyền truy cập"),
        errno.EROFS: _("ổ đĩa chỉ cho phép đọc"),
        errno.ENAMETOOLONG: _("tên tệp quá dài"),
        errno.EIO: _("lỗi đọc/ghi của ổ đĩa"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def refusal_message(exc: BaseException, args: argparse.Namespace | None = None) -> str:
    """What to tell people about a command that stopped on `exc` (never a traceback)."""
    from desktop.store.errors import DatabaseCorrupt, StoreError, describe

    if isinstance(exc, StoreError) or _for_people(exc):
        return str(exc)
    known = describe(exc, data_root(args))
    if isinstance(known, DatabaseCorrupt):
        known = _named_check(known, args)
    if known is not None:
        return str(known)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else data_root(args)
        return _("Không đọc/ghi được {path}: {reason}. Không có thay đổi nào được lưu.").format(path=where, reason=os_reason(exc))
    if isinstance(exc, MemoryError):
        return _("Máy không đủ bộ nhớ để làm việc này; không có thay đổi nào được lưu.")
    log.error("unexpected error in tocds-cli", exc_info=exc)
    return _("Lỗi không mong muốn ({kind}). Chi tiết đã được ghi vào nhật ký {log}; dữ liệu đã lưu không bị thay đổi.").format(
        kind=type(exc).__name__, log=data_root(args) / "logs" / "tocds.log")


def _named_check(found, args: argparse.Namespace | None):
    """A damaged database found while working: run the page checks to say which one fails (on this failure only)."""
    from desktop.data_folder import DataFolder
    from desktop.store.errors import DatabaseCorrupt
    from desktop.store.integrity import run_checks

    try:
        failures = run_checks(DataFolder.resolve(getattr(args, "data_dir", None)))
    except Exception:
        return found
    if not failures:
        return found
    first = failures[0]
    return DatabaseCorrupt(found.path, first.check, "; ".join(first.findings[:2]))


def _quiet_stdout() -> None:
    """The reader of our output went away (`| head`): drop what is left instead of failing at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def utf8_streams() -> None:
    """Standard output and error in UTF-8 whatever the console, a redirection or a pipe would choose.

    On Windows a redirected or piped stream takes the ANSI code page (cp1252, cp1258), which cannot
    write "Tổ": `> out.json` or a scheduled task's log would stop on UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace" if stream is sys.stderr else "strict")
        except (OSError, ValueError):  # a stream already closed or detached: nothing to say through it
            pass


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    if _asks_only_version(argv):
        print(f"tocds-cli {__version__}")
        return EXIT_OK
    args = build_parser().parse_args(argv)
    from desktop.app_mutex import hold_app_mutex

    hold_app_mutex()  # the Windows installer waits while a command (a scheduled sync) runs
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        code = handler(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_REFUSED
    except UsageProblem as exc:
        say(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        say(_("Đã dừng theo yêu cầu."))
        return EXIT_REFUSED
    except Exception as exc:
        try:
            say(refusal_message(exc, args))
        except BrokenPipeError:
            pass
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
