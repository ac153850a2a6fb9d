"""Safer entry in the resident service (#17 item 5, #21): a name without diacritics warns, booth
registration needs consent, a scanned card whose CCCD breaks the structure rules is stored only when the
volunteer confirmed it."""

from __future__ import annotations

import pytest

from desktop.core.card_qr import parse_card_qr
from desktop.services.residents import residents as svc
from desktop.services.residents.card import card_draft
from desktop.services.residents.names import diacritics_warning, lacks_diacritics


@pytest.mark.parametrize("name,lacks", [
    ("Pham Thi Thuy", True), ("NGUYEN VAN AN", True), ("Kim Oanh", True),
    ("Phạm Thị Thủy", False), ("Đinh Lan", False), ("Lê An", False), ("", False), ("A", False),
])
def test_which_names_lack_diacritics(name, lacks):
    assert lacks_diacritics(name) is lacks
    assert bool(diacritics_warning(name)) is lacks


def test_a_name_without_diacritics_warns_until_confirmed(app_ctx):
    data = svc.ResidentInput(full_name="pham thi thuy", birth_year=1980, consent_given=True)
    with pytest.raises(svc.ResidentRejected) as info:
        svc.register_resident(app_ctx, data)
    assert info.value.only_warnings
    assert [(p.field, "không có dấu" in p.message) for p in info.value.problems] == [("full_name", True)]
    saved = svc.register_resident(app_ctx, data, confirmed_warnings=True)
    assert saved.full_name == "Pham Thi Thuy"
    # editing something else does not warn again; renaming to another unaccented name does
    other = saved.to_input()
    other.address_detail = "Ngõ 5"
    svc.update_resident(app_ctx, saved.id, other)
    other.full_name = "Pham Thi Thu"
    with pytest.raises(svc.ResidentRejected):
        svc.update_resident(app_ctx, saved.id, other)
    other.full_name = "Phạm Thị Thủy"
    assert svc.update_resident(app_ctx, saved.id, other).full_name == "Phạm Thị Thủy"


def test_booth_registration_needs_consent(app_ctx):
    data = svc.ResidentInput(full_name="Phạm Thị Thủy", birth_year=1980)
    with pytest.raises(svc.ResidentRejected) as info:
        svc.register_resident(app_ctx, data, consent_required=True, confirmed_warnings=True)
    assert [p.field for p in info.value.problems] == ["consent_given"] and not info.value.only_warnings
    data.consent_given = True
    assert svc.register_resident(app_ctx, data, consent_required=True).consent_given


BAD_PROVINCE = "099090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"


def test_a_card_cccd_breaking_the_rules_is_stored_only_when_confirmed(app_ctx):
    card = parse_card_qr(BAD_PROVINCE)
    assert card.problems and "099" in card.problems[0]
    draft = card_draft(card)
    draft.consent_given = True
    with pytest.raises(svc.ResidentRejected) as info:
        svc.register_resident(app_ctx, draft)
    assert [p.field for p in info.value.problems] == ["cccd"] and not info.value.only_warnings
    draft.cccd_confirmed = True
    saved = svc.register_resident(app_ctx, draft)
    assert saved.cccd == "099090012345"
    again = saved.to_input()  # the confirmed number does not block later edits
    again.address_detail = "Ngõ 7"
    assert svc.update_resident(app_ctx, saved.id, again).address_detail == "Ngõ 7"
    # the confirmation never waives the 12 digits
    short = svc.ResidentInput(full_name="Lê An", cccd="09909001234", cccd_confirmed=True)
    assert [p.field for p in svc.validate(short)[1]] == ["cccd"]
