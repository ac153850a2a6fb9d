"""The stage dates and the consent a resident list may carry (the columns the export writes:
"Ngày biết", "Ngày cài đặt", "Ngày tạo tài khoản", "Đồng ý"), read from one file row.

- A date cell: a date, an Excel serial, dd/mm/yyyy or yyyy-mm-dd; never in the future.
- A date for a stage later than the row's stage contradicts it (refused, the field named);
  a row with dates and no stage is at the furthest dated stage.
- A stage reached with no date in the file is dated the day of the import (by the writer):
  the earliest day the app knows it to be true.
- "Đồng ý": Có / Không (x, 1, yes, 0, no…); empty is no consent.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop.core import validation as v
from desktop.core.formatting import format_date
from desktop.core.i18n import _, in_every_language
from desktop.core.period import parse_date, today_vn
from desktop.core.text import fold
from desktop.core.vocab import ADOPTION_ORDER, ADOPTION_STAGES
from desktop.services.residents.files import FIELD_LABELS

# date field -> the stage it dates
STAGE_DATES = {"aware_on": "da_biet", "installed_on": "da_cai_dat", "account_on": "da_tao_tai_khoan"}
_YES = {"co", "x", "1", "dong y", "yes", "true", "y"}
_NO = {"khong", "0", "no", "false", "n", "khong dong y"}


class StageColumns:
    """Reads one row's stage dates and consent (cached: lists repeat the same few dates)."""

    def __init__(self, fields: set[str], today: date | None = None):
        self.dates = [name for name in STAGE_DATES if name in fields]
        self.consent = "consent_given" in fields
        self.today = today or today_vn()
        self._parsed: dict[tuple, date | str] = {}

    @property
    def any(self) -> bool:
        return bool(self.dates or self.consent)

    def _date(self, value: object) -> date | str:
        """The date in a cell, or the reason it is not one."""
        key = (value.__class__, value)
        found = self._parsed.get(key)
        if found is None:
            if len(self._parsed) > 10_000:
                self._parsed.clear()
            found = self._parsed[key] = _read_date(value, self.today)
        return found

    def read(self, values: dict, stage: str | None) -> tuple[dict, list[tuple[str, str]]]:
        """({"adoption_stage", the date fields given (ISO text or None), "consent_given"}, [(field, problem)]).

        `stage`: the stage code from the row's stage cell, None when it has none."""
        out: dict = {}
        problems: list[tuple[str, str]] = []
        dated: dict[str, date] = {}
        for name in self.dates:
            raw = values.get(name)
            if raw is None or (raw.__class__ is str and not raw.strip()):
                out[name] = None
                continue
            found = self._date(raw)
            if isinstance(found, str):
                problems.append((name, found))
            else:
                dated[name] = found
                out[name] = found.isoformat()
        if stage is None:
            stage = max((STAGE_DATES[name] for name in dated), key=ADOPTION_ORDER.index, default="chua_biet")
        for name, day in dated.items():
            if ADOPTION_ORDER.index(STAGE_DATES[name]) > ADOPTION_ORDER.index(stage):
                problems.append((name, _("{label} {day} nhưng mức độ sử dụng iHaNoi là «{stage}».").format(
                    label=_(FIELD_LABELS[name]), day=format_date(day), stage=_(ADOPTION_STAGES[stage]))))
        out["adoption_stage"] = stage
        if self.consent:
            consent = consent_of(values.get("consent_given"))
            if consent is None:
                problems.append(("consent_given", _("Đồng ý «{value}» không rõ (Có hoặc Không).").format(
                    value=str(values.get("consent_given")).strip())))
            out["consent_given"] = bool(consent)
        return out, problems


def _read_date(value: object, today: date) -> date | str:
    """A date from a cell (date, Excel serial, dd/mm/yyyy, yyyy-mm-dd), or why it is none."""
    day = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        text = str(value).strip()
        try:
            if isinstance(value, (int, float)) and not isinstance(value, bool) or re.fullmatch(r"\d{5}(?:\.0+)?", text):
                day = v.excel_serial_to_date(float(text))  # a date Excel keeps as a number
            else:
                day = parse_date(text)
        except (ValueError, OverflowError):
            day = None
    if day is None:
        return _("«{value}» không phải ngày (dùng dd/mm/yyyy).").format(value=str(value).strip()[:40])
    if day > today:
        return _("Ngày {day} ở tương lai.").format(day=format_date(day))
    return day


def consent_of(value: object) -> bool | None:
    """Consent from a cell: True, False (also when empty), None when the text says neither."""
    if value is None or value is False or value is True:
        return bool(value)
    if isinstance(value, (int, float)):
        return None if value not in (0, 1) else bool(value)
    word = fold(str(value)).strip(" .")
    if not word or word in _NO or word in {fold(t) for t in in_every_language("Không")}:
        return False
    if word in _YES or word in {fold(t) for t in in_every_language("Có")}:
        return True
    return None
