"""The adoption funnel: forward only, every reached stage dated."""

from datetime import date

import pytest

from desktop.core.funnel import Position, stage_for_steps


D1, D2 = date(2026, 7, 1), date(2026, 7, 20)


def test_advance_dates_every_stage_passed():
    p = Position("chua_biet").advance("da_tao_tai_khoan", D1)
    assert p == Position("da_tao_tai_khoan", D1, D1, D1)


def test_advance_keeps_known_dates():
    p = Position("da_biet", aware_on=D1).advance("da_cai_dat", D2)
    assert (p.stage, p.aware_on, p.installed_on, p.account_on) == ("da_cai_dat", D1, D2, None)


def test_never_backwards():
    start = Position("da_tao_tai_khoan", D1, D1, D1)
    assert start.advance("da_biet", D2) == start
    assert start.advance("chua_biet", D2) == start


def test_same_stage_fills_missing_date_only():
    p = Position("da_cai_dat", None, None, None).advance("da_cai_dat", D2)
    assert p == Position("da_cai_dat", D2, D2, None)


def test_stage_for_steps():
    assert stage_for_steps([]) == "chua_biet"
    assert stage_for_steps(["informed"]) == "da_biet"
    assert stage_for_steps(["informed", "installed"]) == "da_cai_dat"
    assert stage_for_steps(["vneid_linked"]) == "da_tao_tai_khoan"


def test_unknown_stage_refused():
    with pytest.raises(ValueError):
        Position("lung_tung").advance("da_biet", D1)


def test_changed_fields():
    a = Position("da_biet", D1)
    assert a.changed_fields(a.advance("da_cai_dat", D2)) == {"stage": "da_cai_dat", "installed_on": D2}
