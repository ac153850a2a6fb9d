"""The import's duplicate check against the registry answers the same whether the registry's keys are
read once (a registry small beside the file) or asked key by key through its indexes (a large one)."""

from __future__ import annotations

import csv

import pytest

from desktop.services.residents import registry_keys
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
    real = registry_keys.KeyLookup.get

    def spy(self, key, default=None):
        used.append(key)
        return real(self, key, default)

    monkeypatch.setattr(registry_keys.KeyLookup, "get", spy)
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
