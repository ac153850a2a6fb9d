"""Errors the store raises, each with a Vietnamese message that says what to do."""

from __future__ import annotations

from desktop.core.i18n import _


class StoreError(Exception):
    """Base: `str(err)` is a message for people, in the current language."""


class KeyringUnavailable(StoreError):
    def __init__(self, detail: str = ""):
        self.detail = detail
        super().__init__(
            _(
                "Không có kho khóa bảo mật (keyring) của hệ điều hành để giữ khóa mã hóa cơ sở dữ liệu. "
                "Trên Windows và macOS kho này có sẵn; trên Linux hãy cài và mở gnome-keyring hoặc KWallet "
                "(ví dụ: sudo apt install gnome-keyring), hoặc chỉ định một kho bằng biến môi trường "
                "PYTHON_KEYRING_BACKEND. Ứng dụng không bao giờ ghi khóa ra đĩa dưới dạng văn bản thường."
            )
        )


class MissingKey(StoreError):
    def __init__(self, path: str):
        super().__init__(
            _(
                "Đã có cơ sở dữ liệu tại {path} nhưng không tìm thấy khóa giải mã của nó trong kho khóa của máy này. "
                "Nếu dữ liệu được chép từ máy khác, hãy dùng chức năng khôi phục từ bản sao lưu (tocds-cli restore) "
                "với mật khẩu của bản sao lưu; nếu không, hãy liên hệ tổ trưởng hoặc quản trị."
            ).format(path=path)
        )


class WrongKey(StoreError):
    def __init__(self, path: str):
        super().__init__(
            _(
                "Không mở được cơ sở dữ liệu tại {path}: khóa giải mã không đúng hoặc tệp đã hỏng. "
                "Không xóa tệp này. Hãy khôi phục từ bản sao lưu gần nhất (tocds-cli restore) "
                "hoặc liên hệ tổ trưởng hoặc quản trị."
            ).format(path=path)
        )


class DatabaseTooNew(StoreError):
    def __init__(self, path: str, revision: str):
        self.revision = revision
        super().__init__(
            _(
                "Cơ sở dữ liệu tại {path} được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {revision}). "
                "Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi."
            ).format(path=path, revision=revision)
        )


class NotInitialized(StoreError):
    def __init__(self):
        super().__init__(
            _("Chưa thiết lập phường/xã cho thư mục dữ liệu này. Hãy chạy: tocds-cli init --ward-code MÃ_PHƯỜNG")
        )
