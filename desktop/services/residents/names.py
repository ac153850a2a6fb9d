"""A resident's name written without Vietnamese diacritics ("Pham Thi Thuy" for "Phạm Thị Thủy").

Search folds diacritics, so such a name is still found, but it is printed so on reports and
synced to the city. Registration and edits warn (the volunteer confirms a foreign or an
unaccented name such as "Kim Oanh"); the registration form shows the same warning as the
name is typed (`diacritics_warning` is the one rule).
"""

from __future__ import annotations

import unicodedata

from desktop.core.i18n import _


def lacks_diacritics(name: str | None) -> bool:
    """Letters, and every one of them plain ASCII (no tone mark, no ă â ê ô ơ ư đ)."""
    letters = [ch for ch in unicodedata.normalize("NFC", name or "") if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isascii() for ch in letters)


def diacritics_warning(name: str | None) -> str:
    """The warning for a name typed without diacritics, or ""."""
    if not lacks_diacritics(name):
        return ""
    return _("Họ tên «{name}» không có dấu tiếng Việt. Hãy gõ có dấu như trên thẻ CCCD (ví dụ «Phạm Thị Thủy»); "
             "nếu tên vốn không có dấu, bấm «Vẫn lưu».").format(name=" ".join((name or "").split()))
