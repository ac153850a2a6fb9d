"""Every lifecycle transition, allowed and refused."""

from __future__ import annotations

import pytest

from desktop.core.complaint_lifecycle import (
    ACTIONS,
    STATUSES,
    TransitionRefused,
    allowed_actions,
    check_transition,
)

EXPECTED = {  # (from, action) -> to: the whole table of allowed moves
    ("nhap", "ghi_nhan"): "da_ghi_nhan",
    ("da_ghi_nhan", "chuyen"): "da_chuyen",
    ("da_chuyen", "tiep_nhan"): "da_tiep_nhan",
    ("da_tiep_nhan", "bat_dau_xu_ly"): "dang_xu_ly",
    ("dang_xu_ly", "hoan_thanh"): "da_xu_ly",
    ("da_xu_ly", "danh_gia"): "da_danh_gia",
    ("nhap", "danh_dau_trung"): "trung",
    ("da_ghi_nhan", "danh_dau_trung"): "trung",
    ("da_ghi_nhan", "khong_thuoc_tham_quyen"): "khong_thuoc_tham_quyen",
    ("da_chuyen", "khong_thuoc_tham_quyen"): "khong_thuoc_tham_quyen",
    ("da_tiep_nhan", "khong_thuoc_tham_quyen"): "khong_thuoc_tham_quyen",
    ("da_ghi_nhan", "tu_choi"): "tu_choi",
    ("da_chuyen", "tu_choi"): "tu_choi",
    ("da_tiep_nhan", "tu_choi"): "tu_choi",
    **{(s, "rut"): "rut" for s in ("nhap", "da_ghi_nhan", "da_chuyen", "da_tiep_nhan", "dang_xu_ly")},
    ("da_xu_ly", "mo_lai"): "dang_xu_ly",
    ("da_danh_gia", "mo_lai"): "dang_xu_ly",
}
PARAMS = dict(agency="UBND phường", duplicate_of="other-id", self_id="self-id", note="lý do")


@pytest.mark.parametrize("status", list(STATUSES))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_every_status_action_pair(status, action):
    expected = EXPECTED.get((status, action))
    if expected:
        assert check_transition(status, action, **PARAMS) == expected
        assert action in allowed_actions(status)
    else:
        with pytest.raises(TransitionRefused, match="Không thể"):
            check_transition(status, action, **PARAMS)
        assert action not in allowed_actions(status)


def test_terminal_statuses_allow_nothing_but_reopen_after_handling():
    for status in ("trung", "khong_thuoc_tham_quyen", "tu_choi", "rut"):
        assert allowed_actions(status) == []
    assert allowed_actions("da_danh_gia") == ["mo_lai"]


def test_refusal_names_the_current_status_in_vietnamese():
    with pytest.raises(TransitionRefused) as err:
        check_transition("da_danh_gia", "chuyen", agency="iHaNoi")
    assert "Đã đánh giá" in str(err.value) and "Chuyển xử lý" in str(err.value)


def test_forwarding_needs_the_agency_named():
    with pytest.raises(TransitionRefused, match="cơ quan"):
        check_transition("da_ghi_nhan", "chuyen", agency="  ")


def test_duplicate_needs_the_original_and_not_itself():
    with pytest.raises(TransitionRefused, match="trùng với"):
        check_transition("da_ghi_nhan", "danh_dau_trung")
    with pytest.raises(TransitionRefused, match="chính nó"):
        check_transition("da_ghi_nhan", "danh_dau_trung", duplicate_of="x", self_id="x")


@pytest.mark.parametrize("action", ["tu_choi", "khong_thuoc_tham_quyen", "mo_lai"])
def test_refusing_and_reopening_need_a_reason(action):
    status = "da_xu_ly" if action == "mo_lai" else "da_ghi_nhan"
    with pytest.raises(TransitionRefused, match="lý do"):
        check_transition(status, action, note="")


def test_unknown_action_or_status_refused():
    with pytest.raises(TransitionRefused):
        check_transition("da_ghi_nhan", "bay_di")
    with pytest.raises(TransitionRefused):
        check_transition("khong_ro", "ghi_nhan")
