"""Read the QR of a CCCD from a photo (a phone picture sent to the laptop).

The photo is only read, never copied or kept (no photos of ID cards are stored). Decoding
uses zxing-cpp; Pillow opens the file. A webcam is not supported: capturing from a camera
needs QtMultimedia (PySide6-Addons, 150 MB+) or OpenCV (~90 MB), and the bundle must stay
under 250 MB; a USB QR scanner (keyboard wedge) or a photo does the same job.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.card_qr import CardScan, NotCardQr, parse_card_qr
from desktop.core.i18n import _

MAX_FILE_BYTES = 40 * 1024 * 1024  # a phone photo is 2-12 MB
MAX_PIXELS = 60_000_000  # 60 MP: more than any phone camera; refuses decompression bombs
WORK_SIZE = 2400  # long side the photo is scaled to before decoding (speed; QR still readable)


class PhotoError(ValueError):
    """The photo cannot be read; the message says why, in Vietnamese."""


def read_card_photo(path: str | os.PathLike) -> CardScan:
    """The card in this photo; PhotoError when the file is not a readable picture, NotCardQr when its QR is not a card's."""
    from PIL import Image, UnidentifiedImageError
    import zxingcpp

    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise PhotoError(_("Không tìm thấy tệp ảnh «{name}».").format(name=name)) from None
    except OSError as exc:
        raise PhotoError(_("Không đọc được tệp ảnh «{name}»: {reason}").format(name=name, reason=exc.strerror)) from None
    if p.is_dir():
        raise PhotoError(_("«{name}» là một thư mục, không phải tệp ảnh.").format(name=name))
    if size > MAX_FILE_BYTES:
        raise PhotoError(_("Tệp ảnh «{name}» lớn quá {limit} MB.").format(name=name, limit=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        with Image.open(p) as img:
            if img.width * img.height > MAX_PIXELS:
                raise _too_many_pixels(name)
            img.draft("L", (WORK_SIZE, WORK_SIZE))  # JPEG: decode at a smaller size straight away
            work = img.convert("L")
            if max(work.size) > WORK_SIZE:
                work.thumbnail((WORK_SIZE, WORK_SIZE))
    except PhotoError:
        raise
    except Image.DecompressionBombError:  # Pillow's own guard, past twice its warning size
        raise _too_many_pixels(name) from None
    except UnidentifiedImageError:
        raise PhotoError(_("Tệp «{name}» không phải ảnh đọc được (dùng ảnh JPG hoặc PNG).").format(name=name)) from None
    except (OSError, ValueError, SyntaxError):
        raise PhotoError(_("Tệp ảnh «{name}» bị hỏng hoặc không đọc hết được.").format(name=name)) from None
    found = zxingcpp.read_barcodes(work, formats=zxingcpp.BarcodeFormat.QRCode)
    if not found:
        raise PhotoError(_("Không thấy mã QR trong ảnh «{name}». Chụp lại gần hơn, đủ sáng, mã QR nằm trọn trong ảnh.").format(
            name=name))
    reasons = []
    for barcode in found:
        try:
            return parse_card_qr(barcode.text)
        except NotCardQr as exc:
            reasons.append(str(exc))
    raise NotCardQr(reasons[0])


def _too_many_pixels(name: str) -> PhotoError:
    return PhotoError(_("Ảnh «{name}» có quá nhiều điểm ảnh (tối đa {limit} triệu).").format(
        name=name, limit=MAX_PIXELS // 1_000_000))
