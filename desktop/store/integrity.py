"""Checking a data folder's database file page by page, whatever state it is in.

`run_checks(folder)` never raises for a damaged file: each check that fails (SQLCipher's page
authentication, SQLite's structure check) is reported with its name and its first findings;
a check that cannot even run says so. Used by `tocds-cli check`, the integrity report and
the message a damaged database gives (which check failed).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import N_, _
from desktop.data_folder import DataFolder
from desktop.store.errors import StoreError

CHECKS = (
    ("cipher_integrity_check", N_("xác thực mã hóa từng trang (cipher_integrity_check)")),
    ("integrity_check", N_("cấu trúc cơ sở dữ liệu (integrity_check)")),
)
MAX_FINDINGS = 5


@dataclass(frozen=True)
class CheckFailure:
    check: str  # the check's name for people
    findings: list[str]  # its first findings (SQLite's own words)

    def __str__(self) -> str:
        return _("{check}: {findings}").format(check=self.check, findings="; ".join(self.findings))


def run_checks(folder: DataFolder) -> list[CheckFailure]:
    """Every check on the folder's database; [] when all pass. Opening it is the first check."""
    from desktop.store.database import database_key
    from desktop.store.engine import open_connection

    try:
        conn = open_connection(folder.database, database_key(folder))
    except StoreError as exc:
        return [CheckFailure(_("mở cơ sở dữ liệu bằng khóa của nó"), [str(exc)])]
    except Exception as exc:
        return [CheckFailure(_("mở cơ sở dữ liệu bằng khóa của nó"), [str(exc) or type(exc).__name__])]
    failures = []
    try:
        for pragma, label in CHECKS:
            try:
                rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
            except Exception as exc:
                failures.append(CheckFailure(_(label), [_("dừng lại: {error}").format(error=exc)]))
                continue
            findings = [line.strip() for row in rows for line in row.splitlines()
                        if line.strip() and line.strip() != "ok" and not line.startswith("***")]
            if findings:
                failures.append(CheckFailure(_(label), findings[:MAX_FINDINGS]))
    finally:
        conn.close()
    return failures
