"""A reply that satisfies the rule for closing a complaint as handled (`core.complaint_reply`), for tests that
only need to get past it, with the handler's reason for an on-site complaint's missing after-photo."""

GOOD_REPLY = ("Đội quản lý đô thị đã thay bóng đèn hỏng tại ngõ 12 phố Trần Duy Hưng. "
              "Buổi tối cùng ngày tổ dân phố kiểm tra lại, đèn đã sáng bình thường.")
NO_PHOTO = "Đèn ở trên cao, trời tối không chụp rõ được."
HANDLED = {"note": GOOD_REPLY, "no_photo_reason": NO_PHOTO}
