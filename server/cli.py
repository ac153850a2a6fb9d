"""`tocds-server`: serve the sync API, enrol devices."""

from __future__ import annotations

import argparse
import sys

from server import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tocds-server", description="Tổ CĐS central sync server")
    parser.add_argument("--version", action="version", version=f"tocds-server {__version__}")
    parser.add_argument("--db", help="SQLAlchemy URL (default: SQLite in the server data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
