"""Run benchmarks and print results (JSON with --json).

Each benchmark is a module in bench/ with `run(quick: bool) -> dict`; add new ones to
BENCHMARKS. Results also go to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import platform
import sys
import time
from pathlib import Path

BENCHMARKS = [
    "bench.cold_start",
    "bench.residents",
    "bench.bundle_start",
    "bench.demo_ward",
    "bench.complaints",
    "bench.backup_restore",
    "bench.reports",
    "bench.sync",
    "bench.card_scan",
    "bench.city",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller data")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--residents", type=int, help="residents, for the benchmarks that take it (city)")
    parser.add_argument("--db", help="city: generate into this PostgreSQL database and keep it; reuse it next time")
    parser.add_argument("--generate-only", action="store_true", help="city: fill the --db database and stop")
    parser.add_argument("--layout", choices=("plain", "partitioned"),
                        help="city: the record table as the server makes it, or LIST-partitioned by ward")
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. cold_start)")
    args = parser.parse_args(argv)
    selected = [m for m in BENCHMARKS if not args.names or m.split(".")[-1] in args.names]
    results = []
    for name in selected:
        t0 = time.perf_counter()
        module = importlib.import_module(name)
        takes = inspect.signature(module.run).parameters
        options = {"residents": args.residents, "db": args.db, "generate_only": args.generate_only,
                   "layout": args.layout}
        sized = {k: v for k, v in options.items() if v and k in takes}
        result = module.run(quick=args.quick, **sized)
        result["wall_seconds"] = round(time.perf_counter() - t0, 2)
        results.append(result)
        if not args.json:
            print(json.dumps(result, ensure_ascii=False), file=sys.stderr)
    doc = {
        "machine": {"cpus": __import__("os").cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "quick": args.quick,
        "results": results,
    }
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2))
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
