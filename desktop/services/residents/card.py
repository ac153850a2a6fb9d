"""A scanned CCCD card at the booth: find the resident it belongs to, or fill a registration.

`match_card` looks the card up (by CCCD, then old CMND, then folded name + birth year for a
resident registered before they had a CCCD or without diacritics) and lists what the record
says differently from the card. `correct_from_card` copies the fields the volunteer picked
from the card onto the record (change log and audit trail as any edit). Opening a known
resident's record by scan is audited like a reveal. The raw QR text never comes here: only
the parsed card (`desktop.core.card_qr.CardScan`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import and_, or_

from desktop.core.card_qr import CardScan
from desktop.core.i18n import N_, _
from desktop.core.formatting import format_date
from desktop.core.permissions import Permission
from desktop.core.text import fold, normalize_name
from desktop.services.context import AppContext
from desktop.services.people import audit
from desktop.services.people.operators import require
from desktop.services.residents.residents import (
    KIND,
    ResidentDetail,
    ResidentInput,
    ResidentNotFound,
    ResidentSummary,
    _summary,
    _summary_select,
    get_resident,
    mask_cccd,
    update_resident,
)
from desktop.store.models import Resident

# Fields a card can correct, with their labels (shown in the side-by-side view).
CARD_FIELDS = {
    "full_name": N_("Họ và tên"),
    "birth_date": N_("Ngày sinh"),
    "sex": N_("Giới tính"),
    "cccd": N_("Số CCCD"),
    "cmnd": N_("Số CMND cũ"),
    "address_detail": N_("Địa chỉ"),
}
_SEX_LABELS = {"nam": N_("Nam"), "nu": N_("Nữ")}


@dataclass(frozen=True)
class CardDifference:
    field: str
    label: str
    on_card: str
    on_record: str


@dataclass(frozen=True)
class CardMatch:
    """What a scan found. `how`: "cccd" | "cmnd" | "name_birth_year" | "name" | "" (nobody: register)."""

    how: str
    resident: ResidentSummary | None
    differences: tuple[CardDifference, ...]
    draft: ResidentInput  # a registration filled from the card (group, phone, target group, consent left to the volunteer)
    problems: tuple[str, ...]  # doubts about the card's CCCD the volunteer must confirm

    @property
    def known(self) -> bool:
        return self.resident is not None


def card_draft(card: CardScan) -> ResidentInput:
    return ResidentInput(
        full_name=normalize_name(card.full_name), birth_date=card.birth_date, birth_year=card.birth_year,
        sex=card.sex, cccd=card.cccd, cmnd=card.old_id or None, address_detail=card.address,
    )


def match_card(ctx: AppContext, card: CardScan) -> CardMatch:
    """Find the resident of this card; audited as a reveal when one is found (their full record opens)."""
    require(ctx, Permission.REGISTER)
    folded = fold(card.full_name)
    steps = [("cccd", Resident.cccd == card.cccd)]
    if card.old_id:
        steps.append(("cmnd", Resident.cmnd == card.old_id))
    # a record made before the card: same name (with or without diacritics) and birth year, no other CCCD
    steps.append(("name_birth_year", and_(Resident.name_folded == folded, Resident.birth_year == card.birth_year,
                                          or_(Resident.cccd.is_(None), Resident.cccd == card.cccd))))
    # last: the same name, no CCCD yet, a birth year typed a year off or not at all (the card then corrects it)
    steps.append(("name", and_(Resident.name_folded == folded, Resident.cccd.is_(None),
                               or_(Resident.birth_year.is_(None), Resident.birth_year.between(card.birth_year - 1,
                                                                                             card.birth_year + 1)))))
    found: tuple[str, ResidentSummary] | None = None
    with ctx.read() as s:
        for how, cond in steps:
            rows = s.execute(_summary_select().where(Resident.deleted_at.is_(None), cond).limit(2)).all()
            if len(rows) == 1:
                found = (how, _summary(rows[0]))
                break
    draft = card_draft(card)
    if found is None:
        return CardMatch("", None, (), draft, card.problems)
    how, summary = found
    detail = get_resident(ctx, summary.id)
    audit.record(ctx, "reveal", KIND, summary.id, {"where": "card_scan", "matched_by": how})
    return CardMatch(how, summary, differences(card, detail), draft, card.problems)


def _shown(field: str, value: object) -> str:
    if value in (None, ""):
        return _("(trống)")
    if isinstance(value, date):
        return format_date(value)
    if field == "sex":
        return _(_SEX_LABELS.get(str(value), str(value)))
    return str(value)


def _card_values(card: CardScan) -> dict[str, object]:
    draft = card_draft(card)
    return {"full_name": draft.full_name, "birth_date": card.birth_date, "sex": card.sex, "cccd": card.cccd,
            "cmnd": card.old_id or None, "address_detail": card.address}


def differences(card: CardScan, detail: ResidentDetail) -> tuple[CardDifference, ...]:
    """Fields where the record says something else than the card (an empty card field never counts)."""
    out = []
    for field, on_card in _card_values(card).items():
        on_record = getattr(detail, field)
        if field == "birth_date" and on_record is None and detail.birth_year == card.birth_year:
            on_record_cmp: object = None  # only the year was known: the card adds the day
        else:
            on_record_cmp = on_record
        if on_card in (None, "") or on_card == on_record_cmp:
            continue
        if field == "birth_date" and on_record is None and detail.birth_year:
            shown_record = str(detail.birth_year)
        elif field in ("cccd", "cmnd") and on_record:
            shown_record = mask_cccd(on_record)  # the card is in hand; the record's other number stays masked
        else:
            shown_record = _shown(field, on_record)
        out.append(CardDifference(field, _(CARD_FIELDS[field]), _shown(field, on_card), shown_record))
    return tuple(out)


def correct_from_card(ctx: AppContext, resident_id: str, card: CardScan, fields: list[str] | tuple[str, ...],
                      *, confirmed_warnings: bool = False) -> ResidentDetail:
    """Copy the chosen fields from the card onto the record (an ordinary edit: change log, audit, checks)."""
    unknown = set(fields) - set(CARD_FIELDS)
    if unknown:
        raise ValueError(f"not a card field: {sorted(unknown)}")
    try:
        detail = get_resident(ctx, resident_id)
    except ResidentNotFound:
        raise
    values = _card_values(card)
    current = ResidentInput(
        full_name=detail.full_name, birth_date=detail.birth_date, birth_year=detail.birth_year, sex=detail.sex,
        cccd=detail.cccd, cmnd=detail.cmnd, phone=detail.phone, residential_group_id=detail.residential_group_id,
        address_detail=detail.address_detail, target_group=detail.target_group, workplace=detail.workplace,
        notes=detail.notes, consent_given=detail.consent_given, consent_by=detail.consent_by,
        consent_version=detail.consent_version,
    )
    changes: dict[str, object] = {f: values[f] for f in fields}
    if "birth_date" in changes:
        changes["birth_year"] = card.birth_year
    return update_resident(ctx, resident_id, replace(current, **changes), confirmed_warnings=confirmed_warnings)
