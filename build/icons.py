"""Render resources/icons/tocds.svg to the PNG sizes (window icon, Linux) and tocds.ico (Windows).

    python build/icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one
    renderer = QSvgRenderer(str(ICONS / "tocds.svg"))
    if not renderer.isValid():
        print("tocds.svg is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"tocds-{size}.png"))
    Image.open(ICONS / "tocds-256.png").save(ICONS / "tocds.ico", sizes=[(s, s) for s in SIZES])
    print(f"{len(SIZES)} PNG sizes and tocds.ico written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
