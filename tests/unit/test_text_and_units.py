from desktop.core.admin_units import admin_units, format_ward_code
from desktop.core.text import fold, normalize_name


def test_fold_drops_marks_and_maps_d():
    assert fold("Đống Đa") == "dong da"
    assert fold("  Nguyễn   Thị  THỦY ") == "nguyen thi thuy"


def test_fold_old_and_new_tone_placement_match():
    assert fold("thuỷ") == fold("thủy") == "thuy"
    assert fold("hoà") == fold("hòa") == "hoa"


def test_fold_handles_decomposed_input():
    decomposed = "Nguye\u0302\u0303n"  # NFD, as Windows-1258 decodes
    assert fold(decomposed) == "nguyen"


def test_normalize_name():
    assert normalize_name("  nguyễn   văn AN ") == "Nguyễn Văn An"


def test_units_have_hanoi_first_with_126_wards():
    units = admin_units()
    assert units.provinces[0].name == "Thành phố Hà Nội"
    assert len(units.wards_of(1)) == 126
    assert len(units.provinces) == 34
    assert "danhmuchanhchinh" in units.source


def test_search_without_diacritics():
    units = admin_units()
    assert [w.name for w in units.search_wards("cau giay")] == ["Phường Cầu Giấy"]
    assert units.search_wards("dong da")[0].name == "Phường Đống Đa"


def test_legacy_ward_points_to_current():
    units = admin_units()
    matches = units.legacy_matches("truc bach")
    assert len(matches) == 1
    legacy, current = matches[0]
    assert legacy.district_name == "Quận Ba Đình"
    assert [w.name for w in current] == ["Phường Ba Đình"]


def test_ward_codes_parse_with_or_without_padding():
    units = admin_units()
    assert units.ward("166").name == units.ward("00166").name == "Phường Cầu Giấy"
    assert format_ward_code(166) == "00166"
    assert units.ward("abc") is None


def test_moments_are_shown_in_hanoi_time():
    from datetime import datetime, timezone

    from desktop.core.formatting import format_time

    assert format_time("2026-11-28T17:30:00+00:00") == "29/11/2026 00:30"
    assert format_time(datetime(2026, 11, 28, 17, 30, tzinfo=timezone.utc)) == "29/11/2026 00:30"
    assert format_time("2026-11-28T17:30:00") == "28/11/2026 17:30"  # naive: already local
    assert format_time(None) == "" and format_time("không rõ") == "không rõ"
