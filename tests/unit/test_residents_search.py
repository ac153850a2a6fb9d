"""Search: folded, đ -> d, thuỷ/thủy, prefixes of any word, phone digit runs, CCCD, ranking."""

from __future__ import annotations

import pytest

from desktop.services.residents import residents as svc
from desktop.services.residents.search import parse_query, rebuild_search_index, search_residents


@pytest.fixture
def people(app_ctx):
    rows = [
        ("Nguyễn Thị Thuỷ", 1990, "001190000001", "0912345678"),
        ("Đặng Văn Đức", 1970, "001070000002", "0987111222"),
        ("Lê Hoà", 1980, None, "0551234567"),
        ("Trần Thuỳ Dương", 2001, "001301000004", None),
        ("Thủy Nguyễn Văn", 1960, None, None),
        ("Nguyễn Văn Thuỷ Tiên", 1995, None, "0871234567"),
    ]
    out = {}
    for name, year, cccd, phone in rows:
        r = svc.register_resident(app_ctx, svc.ResidentInput(full_name=name, birth_year=year, cccd=cccd, phone=phone),
                                  confirmed_warnings=True)
        out[name] = r.id
    return out


def names(ctx, q, **kw):
    return [r.full_name for r in search_residents(ctx, q, **kw)]


def test_diacritics_and_d(app_ctx, people):
    assert names(app_ctx, "dang duc") == ["Đặng Văn Đức"]
    assert names(app_ctx, "ĐẶNG") == ["Đặng Văn Đức"]
    assert names(app_ctx, "hòa") == names(app_ctx, "hoà") == names(app_ctx, "hoa") == ["Lê Hoà"]


def test_thuy_spellings_match_each_other(app_ctx, people):
    a, b = set(names(app_ctx, "thủy")), set(names(app_ctx, "thuỷ"))
    assert a == b == {"Nguyễn Thị Thuỷ", "Thủy Nguyễn Văn", "Nguyễn Văn Thuỷ Tiên", "Trần Thuỳ Dương"}


def test_exact_then_whole_word_then_prefix(app_ctx, people):
    got = names(app_ctx, "nguyen thi thuy")
    assert got[0] == "Nguyễn Thị Thuỷ"
    got = names(app_ctx, "thuy")
    assert "Trần Thuỳ Dương" in got  # "thuy" is a whole word there too
    got = names(app_ctx, "thu")
    assert set(got) == {"Nguyễn Thị Thuỷ", "Trần Thuỳ Dương", "Thủy Nguyễn Văn", "Nguyễn Văn Thuỷ Tiên"}
    assert names(app_ctx, "ngu thu ti") == ["Nguyễn Văn Thuỷ Tiên"]


def test_whole_words_rank_before_prefixes(app_ctx):
    for n in ["Lê Văn Anh", "Lê Văn An", "Lê Văn Ánh"]:
        svc.register_resident(app_ctx, svc.ResidentInput(full_name=n))
    got = names(app_ctx, "an")
    assert got[0] == "Lê Văn An"


def test_phone_digit_runs_and_cccd(app_ctx, people):
    assert names(app_ctx, "345678") == ["Nguyễn Thị Thuỷ"]
    assert set(names(app_ctx, "2345")) == {"Nguyễn Thị Thuỷ", "Lê Hoà", "Nguyễn Văn Thuỷ Tiên"}
    assert names(app_ctx, "0912 345 678") == ["Nguyễn Thị Thuỷ"]
    assert names(app_ctx, "+84912345678") == ["Nguyễn Thị Thuỷ"]
    assert names(app_ctx, "111222") == ["Đặng Văn Đức"]
    assert names(app_ctx, "055123") == ["Lê Hoà"]
    assert names(app_ctx, "001070000002") == ["Đặng Văn Đức"]
    assert names(app_ctx, "0013") == ["Trần Thuỳ Dương"]
    assert names(app_ctx, "123") == []  # fewer than 4 digits: too vague
    assert names(app_ctx, "tien 1234") == ["Nguyễn Văn Thuỷ Tiên"]


def test_limit_and_empty(app_ctx, people):
    assert len(search_residents(app_ctx, "n", limit=2)) == 2
    assert search_residents(app_ctx, "   ") == []
    assert search_residents(app_ctx, '"*(') == []


def test_index_follows_updates_and_deletes(app_ctx, people):
    rid = people["Lê Hoà"]
    data = svc.get_resident(app_ctx, rid).to_input()
    data.full_name = "Lê Hoà Bình"
    data.phone = "0909000111"
    svc.update_resident(app_ctx, rid, data)
    assert names(app_ctx, "binh") == ["Lê Hoà Bình"]
    assert names(app_ctx, "0551") == []
    assert names(app_ctx, "0909") == ["Lê Hoà Bình"]
    svc.delete_resident(app_ctx, rid)
    assert names(app_ctx, "hoa") == []
    assert rebuild_search_index(app_ctx) == 5
    assert names(app_ctx, "dang") == ["Đặng Văn Đức"]


def test_results_are_masked(app_ctx, people):
    r = search_residents(app_ctx, "dang")[0]
    assert r.phone_masked == "0987 *** 222" and r.cccd_masked == "0010******02"


def test_parse_query():
    assert parse_query("Nguyễn 0912") == (["nguyen"], ["0912"])
    assert parse_query("091.234") == ([], ["091234"])


def _index_counts(ctx) -> tuple[int, int]:
    from sqlalchemy import text

    with ctx.read() as s:
        return (s.execute(text("SELECT count(*) FROM resident_fts")).scalar_one(),
                s.execute(text("SELECT count(*) FROM resident_ids_fts")).scalar_one())


def test_digits_have_their_own_index_without_prefixes(app_ctx, people):
    """Names in resident_fts (prefix indexes), digits in resident_ids_fts (none): 0010_resident_ids_fts."""
    from sqlalchemy import text

    with app_ctx.read() as s:
        sql = dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE name IN ('resident_fts', 'resident_ids_fts')")).all())
        assert "prefix='1 2 3'" in sql["resident_fts"] and "ids" not in sql["resident_fts"]
        assert "prefix" not in sql["resident_ids_fts"]
        assert s.execute(text("SELECT count(*) FROM resident_fts WHERE resident_fts MATCH '0912*'")).scalar_one() == 0
    # every live resident has a name row; only those with a phone, CCCD or CMND a digit row
    assert _index_counts(app_ctx) == (6, 5)
    rid = people["Lê Hoà"]
    data = svc.get_resident(app_ctx, rid).to_input()
    data.phone = None
    svc.update_resident(app_ctx, rid, data)
    assert _index_counts(app_ctx) == (6, 4)
    assert names(app_ctx, "0551") == [] and names(app_ctx, "le hoa") == ["Lê Hoà"]
    svc.delete_resident(app_ctx, people["Đặng Văn Đức"])
    assert _index_counts(app_ctx) == (5, 3)
    assert names(app_ctx, "111222") == [] and names(app_ctx, "dang") == []
    assert rebuild_search_index(app_ctx) == 5 and _index_counts(app_ctx) == (5, 3)


def test_words_and_digits_must_both_match(app_ctx, people):
    assert names(app_ctx, "thuy 0912") == ["Nguyễn Thị Thuỷ"]
    assert names(app_ctx, "thuy 0871") == ["Nguyễn Văn Thuỷ Tiên"]
    assert names(app_ctx, "duong 0013") == ["Trần Thuỳ Dương"]
    assert names(app_ctx, "dang 0912") == []  # the name of one resident, the phone of another
    assert set(names(app_ctx, "nguyen 1234")) == {"Nguyễn Thị Thuỷ", "Nguyễn Văn Thuỷ Tiên"}


def test_upgrade_from_the_single_index_table(app_ctx, people):
    """A registry indexed by 0002's one table (names and digits) is re-indexed by 0010 on upgrade."""
    import importlib

    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import text

    m0010 = importlib.import_module("desktop.store.migrations.versions.0010_resident_ids_fts")
    with app_ctx.store.writer.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            m0010.downgrade()
        assert conn.execute(text("SELECT count(*) FROM resident_fts WHERE resident_fts MATCH 'ids:0912*'")).scalar_one() == 1
    # a resident written under the old triggers
    svc.register_resident(app_ctx, svc.ResidentInput(full_name="Phạm Văn Mới", phone="0934555666"))
    with app_ctx.store.writer.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            m0010.upgrade()
    assert _index_counts(app_ctx) == (7, 6)
    assert names(app_ctx, "moi") == ["Phạm Văn Mới"] and names(app_ctx, "5556") == ["Phạm Văn Mới"]
    assert names(app_ctx, "tien 1234") == ["Nguyễn Văn Thuỷ Tiên"]
