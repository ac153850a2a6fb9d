"""`tocds-server`: serve the sync API, enrol and revoke devices, edit a record centrally."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from server import __version__

KEEP_ALIVE_S = 75
BACKLOG = 2048  # pending connections (every ward's laptops may come back online at once)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tocds-server", description="Tổ CĐS central sync server")
    parser.add_argument("--version", action="version", version=f"tocds-server {__version__}")
    parser.add_argument("--db", help="SQLAlchemy URL (default: SQLite in the server data folder)")
    parser.add_argument("--data-dir", help="server data folder (default: TOCDS_SERVER_DATA or the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    s = sub.add_parser("serve", help="run the sync API")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--docs", action="store_true",
                   help="also serve the API's documentation (/docs, /openapi.json); off by default")
    s.add_argument("--workers", type=int, default=1, choices=range(1, 65), metavar="N",
                   help="server processes sharing the port (several need PostgreSQL; default 1)")
    s.add_argument("--diagnostics", action="store_true",
                   help="also the bench's raw-store endpoint (a push's comparable baseline); off by default")
    s.set_defaults(func=cmd_serve)

    e = sub.add_parser("enroll", help="print a one-time enrolment code for a ward")
    e.add_argument("--ward-code", required=True)
    e.set_defaults(func=cmd_enroll)

    r = sub.add_parser("revoke", help="revoke a device token (or every device of a ward)")
    g = r.add_mutually_exclusive_group(required=True)
    g.add_argument("--device-id")
    g.add_argument("--ward-code")
    r.set_defaults(func=cmd_revoke)

    d = sub.add_parser("devices", help="list enrolled devices")
    d.set_defaults(func=cmd_devices)

    u = sub.add_parser("set-field", help="change fields of a record centrally (e.g. a complaint's status)")
    u.add_argument("--ward-code", required=True)
    u.add_argument("--kind", required=True)
    u.add_argument("--id", required=True)
    u.add_argument("values", nargs="+", help="field=JSON value")
    u.set_defaults(func=cmd_set_field)
    __import__("server.city_view", fromlist=["register"]).register(sub)  # city-account (#7)
    return parser


def _resolve(args: argparse.Namespace) -> tuple[str, Path]:
    from server.db import default_data_dir, default_url

    data_dir = Path(args.data_dir).expanduser().resolve() if args.data_dir else default_data_dir()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return args.db or default_url(data_dir), data_dir


def _engine(args: argparse.Namespace):
    from server.db import make_engine, upgrade

    url, _ = _resolve(args)
    engine = make_engine(url)
    upgrade(engine)
    return engine


def cmd_serve(args: argparse.Namespace) -> int:
    """One process, or `--workers N` processes on one port (uvicorn's supervisor starts them and starts a
    worker again if one dies). The schema is brought up to date once, here, before any worker starts."""
    import os
    import shutil

    import uvicorn

    from server import asgi  # not server.metrics: prometheus-client reads its mode when first imported

    url, data_dir = _resolve(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if args.workers > 1 and url.startswith("sqlite"):
        print("--workers needs PostgreSQL (--db postgresql+psycopg://...): SQLite takes one writer", file=sys.stderr)
        return 2
    _engine(args).dispose()
    from server.city_view import ensure_tables
    from server.db import make_engine

    engine = make_engine(url)
    ensure_tables(engine)
    engine.dispose()
    # every process's metrics in one folder, emptied at start (prometheus-client's multiprocess mode)
    multiproc = data_dir / "metrics"
    shutil.rmtree(multiproc, ignore_errors=True)
    multiproc.mkdir(mode=0o700)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(multiproc)
    os.environ.update({asgi.DB_ENV: url, asgi.DATA_ENV: str(data_dir), asgi.DOCS_ENV: "1" if args.docs else "0",
                       asgi.DIAGNOSTICS_ENV: "1" if args.diagnostics else "0"})
    # Keep-alive well past a laptop's pause between two requests of one sync (settling a batch, applying a
    # page): with uvicorn's 5 s a busy laptop's next request could meet the connection closing under it.
    uvicorn.run("server.asgi:app", factory=True, workers=args.workers, host=args.host, port=args.port,
                access_log=False, timeout_keep_alive=KEEP_ALIVE_S, backlog=BACKLOG)
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from server import auth

    try:
        ward = auth.official_ward(args.ward_code)  # `166` is ward 00166, as the laptops store it
    except auth.UnknownWard as exc:
        print(str(exc), file=sys.stderr)
        return 2
    with _engine(args).begin() as conn:
        print(auth.new_enrolment_code(conn, ward))
    print(f"ward {ward}", file=sys.stderr)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from server import auth

    try:
        with _engine(args).begin() as conn:
            n = auth.revoke(conn, device_id=args.device_id, ward_code=args.ward_code)
    except auth.UnknownWard as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"revoked: {n}")
    return 0 if n else 1


def cmd_devices(args: argparse.Namespace) -> int:
    from server import auth

    with _engine(args).begin() as conn:
        print(json.dumps(auth.devices(conn), indent=1))
    return 0


def cmd_set_field(args: argparse.Namespace) -> int:
    from server import records

    values = {}
    for item in args.values:
        name, _, raw = item.partition("=")
        try:
            values[name] = json.loads(raw)
        except ValueError:
            values[name] = raw
    from server.auth import UnknownWard, official_ward

    try:
        ward = official_ward(args.ward_code)
    except UnknownWard as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        with _engine(args).begin() as conn:
            version = records.central_update(conn, ward, args.kind, args.id, values)
    except KeyError as exc:
        print(f"not found: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    print(json.dumps({"version": version}))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
