"""Benchmarks: `python -m bench [--quick] [--json] [NAME ...]`. Targets live here, never in tests."""
