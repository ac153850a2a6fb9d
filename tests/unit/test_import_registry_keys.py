"""The import's duplicate check against the registry answers the same whether the registry's keys are
read once (a registry small beside the file) or asked key by key through its indexes (a large one)."""

from __future__ import annotations

import csv

import pytest

from desktop.services.residents import importing, registry_keys
from desktop.services.residents.importing import import_residents

HEADERS = ["Họ và tên", "Năm sinh", "Số CCCD", "Số điện thoại"]


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADERS)
        w.writerows(rows)
    return path


@pytest.mark.parametrize("way", ["read once", "key by key"])
def test_duplicates_of_registered_residents_are_found_either_way(app_ctx, tmp_path, monkeypatch, way):
    registered = [[f"Nguyễn Văn {chr(65 + i)}", 1980 + i, f"0010{80 + i:02d}{i:06d}", f"09123{i:05d}"] for i in range(20)]
    assert import_residents(app_ctx, write(tmp_path / "a.csv", registered)).imported == 20
    used = []
    real = registry_keys.ChunkLookup.fetch

    def spy(self, *keys):
        used.append(keys)
        return real(self, *keys)

    monkeypatch.setattr(registry_keys.ChunkLookup, "fetch", spy)
    monkeypatch.setattr(registry_keys, "LOOKUP_FROM", 10 ** 6 if way == "read once" else 0)
    again = [
        ["Trần Văn Mới", 1983, registered[3][2], ""],  # the CCCD of a registered resident
        ["Lê Văn Khác", 1991, "", registered[5][3]],  # the phone of one
        [registered[7][0], registered[7][1], "", ""],  # the name and birth year of one
        ["Phạm Thị Lạ", 1992, "001192001234", "0987654321"],  # new
    ]
    report = import_residents(app_ctx, write(tmp_path / "b.csv", again), valid_only=True)
    assert report.imported == 1
    assert sorted((d.row, d.kind) for d in report.duplicates) == [(2, "cccd"), (3, "phone"), (4, "name_birth_year")]
    assert all(d.existing_id for d in report.duplicates)
    assert bool(used) == (way == "key by key")


@pytest.mark.parametrize("way", ["read once", "key by key"])
def test_registered_namesakes_with_another_cccd_are_told_apart_either_way(app_ctx, tmp_path, monkeypatch, way):
    registered = [["Trần Thị Hoa", 1985, "001185000111", "0912000111"], ["Lê Văn Nam", 1970, "", "0912000222"]]
    assert import_residents(app_ctx, write(tmp_path / "a.csv", registered)).imported == 2
    monkeypatch.setattr(registry_keys, "LOOKUP_FROM", 10 ** 6 if way == "read once" else 0)
    again = [
        ["Trần Thị Hoa", 1985, "001185000999", ""],  # same name and year, another CCCD: someone else
        ["Lê Văn Nam", 1970, "", "0912000333"],  # same name and year, another phone: someone else
        ["Trần Thị Hoa", 1985, "", ""],  # nothing to tell her apart: a duplicate
    ]
    report = import_residents(app_ctx, write(tmp_path / "b.csv", again), valid_only=True)
    assert report.imported == 2
    assert [(d.row, d.kind) for d in report.duplicates] == [(4, "name_birth_year")]


def test_rows_checked_in_chunks_give_the_report_rows_checked_one_by_one(app_ctx, tmp_path, monkeypatch):
    """The registry asked a chunk of rows at a time (chunks of 3 here): duplicates within the file across
    chunk ends, of registered residents, bad rows between them, all reported as when read once."""
    registered = [[f"Nguyễn Văn {chr(65 + i)}", 1980 + i, f"0010{80 + i:02d}{i:06d}", f"09123{i:05d}"] for i in range(6)]
    assert import_residents(app_ctx, write(tmp_path / "a.csv", registered)).imported == 6
    rows = [
        ["Phạm Thị Mới", 1990, "001190000001", ""],
        ["Sai Năm Sinh", "năm ngoái", "", ""],  # rejected
        ["Đỗ Văn Hai", 1991, "", registered[2][3]],  # the phone of a registered resident
        ["Vũ Thị Ba", 1992, "001192000003", ""],
        ["Phạm Thị Mới Hai", 1990, "001190000001", ""],  # the CCCD of row 2 (another chunk)
        [registered[4][0], registered[4][1], "", ""],  # the name and birth year of a registered resident
        ["Hồ Văn Bảy", 1985, registered[5][2], ""],  # the CCCD of a registered resident
        ["Vũ Thị Ba", 1992, "", ""],  # the name and year of row 5
    ]
    reports = {}
    for way, lookup_from in (("read once", 10 ** 6), ("in chunks", 0)):
        monkeypatch.setattr(registry_keys, "LOOKUP_FROM", lookup_from)
        monkeypatch.setattr(importing, "CHUNK_ROWS", 3)
        report = import_residents(app_ctx, write(tmp_path / f"{way}.csv", rows), valid_only=True, dry_run=True)
        reports[way] = (report.valid_rows, [(p.row, p.field) for p in report.rejected],
                        [(d.row, d.kind, d.same_as_row, d.existing_id) for d in report.duplicates])
    assert reports["read once"] == reports["in chunks"]
    valid, rejected, duplicates = reports["in chunks"]
    assert valid == 2 and rejected == [(3, "birth_year")]
    assert [d[:3] for d in duplicates] == [(4, "phone", None), (6, "cccd", 2), (7, "name_birth_year", None),
                                           (8, "cccd", None), (9, "name_birth_year", 5)]
