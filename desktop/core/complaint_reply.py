"""What a complaint's answer to the resident must say before it is closed as handled (đã xử lý).

A third of iHaNoi users were dissatisfied because answers were vague or came without photos. So the
reply is at least a few sentences, says what was done (a past action: "đã …", "hoàn thành", "khắc phục")
and where (a place word or a word of the complaint's own address). On-site complaints (phản ánh hiện
trường) also need a photo taken after handling, unless the handler writes why there is none.
Pure rules: the complaints service applies them; the dialog only shows the same messages.
"""

from __future__ import annotations

import re

from desktop.core.i18n import _
from desktop.core.text import fold, nfc

MIN_SENTENCES = 2
MIN_WORDS = 15
MIN_NO_PHOTO_REASON = 10  # characters: "không chụp được" is not a reason, "đèn ở trên cao, trời tối" is
ON_SITE_KINDS = frozenset({"phan_anh_hien_truong"})

DONE_MARKERS = ("đã ", "hoàn thành", "khắc phục", "xong", "xử lý xong")
PLACE_MARKERS = ("tại ", " ở ", "số nhà", "ngõ", "ngách", "hẻm", "phố", "đường", "tổ dân phố", "thôn", "khu ",
                 "chung cư", "toà", "tòa", "chợ", "trường", "công viên", "vỉa hè", "cầu ", "nút giao", "bến")
_SENTENCE_END = re.compile(r"[.!?…]+(?:\s+|$)|\n+")
_GENERIC = {"so", "ngo", "ngach", "pho", "duong", "phuong", "quan", "to", "dan", "thon", "khu", "ha", "noi"}


def sentences(text: str) -> list[str]:
    """The sentences of `text` that have at least three words."""
    return [s.strip() for s in _SENTENCE_END.split(nfc(text or "")) if len(s.split()) >= 3]


def _names_a_place(text: str, address: str) -> bool:
    lowered = f" {text.lower()} "
    if any(marker in lowered for marker in PLACE_MARKERS):
        return True
    folded = f" {fold(text)} "
    words = {w for w in fold(address or "").replace(",", " ").split() if len(w) >= 3 and w not in _GENERIC}
    return any(f" {w} " in folded for w in words)


def reply_problems(reply: str, address: str = "") -> list[str]:
    """Why `reply` does not yet satisfy ([] when it does); each message says what to add."""
    text = nfc(reply or "").strip()
    problems = []
    found = sentences(text)
    if len(found) < MIN_SENTENCES or len(text.split()) < MIN_WORDS:
        problems.append(_("Câu trả lời cho cư dân cần ít nhất {n} câu và {w} chữ (hiện có {have} câu, {words} chữ): "
                          "nói rõ đã làm gì, ở đâu, kết quả ra sao.").format(
            n=MIN_SENTENCES, w=MIN_WORDS, have=len(found), words=len(text.split())))
    if not any(marker in f" {text.lower()} " for marker in DONE_MARKERS):
        problems.append(_("Câu trả lời chưa nói đã làm gì (ví dụ: «Đã thay bóng đèn hỏng…»)."))
    if not _names_a_place(text, address):
        problems.append(_("Câu trả lời chưa nói làm ở đâu (ví dụ: «tại ngõ 12 phố Trần Duy Hưng»)."))
    return problems


def needs_after_photo(kind: str) -> bool:
    return kind in ON_SITE_KINDS


def no_photo_reason_problem(reason: str) -> str | None:
    """Why a handler's reason for having no after-photo is not enough (None when it is)."""
    if len(nfc(reason or "").strip()) < MIN_NO_PHOTO_REASON:
        return _("Phản ánh hiện trường cần ảnh chụp sau khi xử lý: thêm ảnh, hoặc ghi rõ vì sao không có ảnh "
                 "(ít nhất {n} ký tự).").format(n=MIN_NO_PHOTO_REASON)
    return None
