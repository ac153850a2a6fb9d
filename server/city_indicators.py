"""The city's indicators in the city view (#20 item 4): each ward's own official figures (the synced
`ward_figures` records, one per ward and year: a few hundred rows city-wide) over its accounts,
rounded as the desktop reports round and never over 100%."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Connection, select

from server.db import record


def _official_figures(rows: list[dict], year: int) -> dict | None:
    """The ward's official figures of `year`, or of the latest earlier year it entered."""
    usable = [r for r in rows if isinstance(r.get("year"), int) and r["year"] <= year]
    return max(usable, key=lambda r: (r["year"], r.get("population_15_plus") or 0), default=None)


def indicators(official: dict | None, accounts: int) -> dict:
    from desktop.core.rounding import percent

    population = official.get("population_15_plus") if official else None
    owners = official.get("smartphone_owners_15_plus") if official else None
    return {
        "figures_year": official.get("year") if official else None,
        "population_15_plus": population,
        "share_of_15_plus": percent(accounts, population) if population and accounts <= population else None,
        "share_of_smartphone_owners": percent(accounts, owners) if owners and accounts <= owners else None,
        "households_total": official.get("households") if official else None,
    }


def ward_figures(conn: Connection) -> dict[str, list[dict]]:
    """Every ward's stored official figures (bad rows left out: they never break the view)."""
    out: dict[str, list[dict]] = {}
    rows = conn.execute(select(record.c.ward_code, record.c.payload).where(
        record.c.kind == "ward_figures", record.c.deleted.is_(False)))
    for ward, payload in rows:
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            continue
        if isinstance(data, dict):
            out.setdefault(ward, []).append(data)
    return out


def add_indicators(wards: list[dict], figures: dict[str, list[dict]], year: int) -> None:
    """Each ward row gains its indicators for `year` (the period's end year, or this year)."""
    for row in wards:
        row.update(indicators(_official_figures(figures.get(row["ward_code"], []), year), row["account"]))


def indicator_year(end: date | None, today: date) -> int:
    return (end or today).year
