"""Encrypted backup, restore on a fresh folder, integrity check and one sign-in, on a ward-sized store."""

from __future__ import annotations

import os
import time

from bench.common import isolated_env, summary, workdir

TARGET_BACKUP_SECONDS = 10.0  # a daily backup of a ward (20k residents) should not stall the booth
TARGET_SIGN_IN_SECONDS = 0.5


def run(quick: bool = False) -> dict:
    work = workdir()
    os.environ.update({k: v for k, v in isolated_env(work).items() if k in ("PYTHON_KEYRING_BACKEND", "TOCDS_TEST_KEYRING_FILE")})
    from desktop.services.people import backup, operators, restore
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward
    from desktop.store.models import Resident

    n = 5_000 if quick else 20_000
    ctx = open_context(str(work / "data"))
    initialize_ward(ctx, "00166", "Tổ", ["Tổ 1"])
    admin = operators.create_first_admin(ctx, "Quản Trị", "matkhau-quantri")
    with ctx.write() as s:
        for i in range(n):
            s.add(Resident(full_name=f"Nguyễn Văn {i}", name_folded=f"nguyen van {i}", sort_key=f"van {i}",
                           cccd=f"001{i:09d}", phone=f"+8491{i:07d}", birth_year=1950 + i % 60))
    sign_in = []
    for _ in range(3 if quick else 5):
        t0 = time.perf_counter()
        operators.sign_in(ctx, admin.id, "matkhau-quantri")
        sign_in.append(time.perf_counter() - t0)
    made, restored, checked = [], [], []
    size = 0
    for k in range(2 if quick else 3):
        out = work / f"b{k}.tocdsbak"
        t0 = time.perf_counter()
        size = backup.create_backup(ctx, out, "mat-khau-sao-luu").size
        made.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        restore.restore_backup(out, "mat-khau-sao-luu", work / f"restored{k}")
        restored.append(time.perf_counter() - t0)
    for _ in range(2 if quick else 3):
        t0 = time.perf_counter()
        report = backup.check_integrity(ctx)
        checked.append(time.perf_counter() - t0)
        assert report.ok
    ctx.close()
    backup_stats = summary(made)
    return {
        "name": "backup_restore",
        "unit": "s",
        "residents": n,
        "backup_bytes": size,
        "backup_seconds": backup_stats,
        "restore_seconds": summary(restored),
        "integrity_check_seconds": summary(checked),
        "sign_in_seconds": summary(sign_in),
        "target_backup_seconds": TARGET_BACKUP_SECONDS,
        "target_sign_in_seconds": TARGET_SIGN_IN_SECONDS,
        "meets_target": backup_stats["median"] <= TARGET_BACKUP_SECONDS
        and summary(sign_in)["median"] <= TARGET_SIGN_IN_SECONDS,
    }
