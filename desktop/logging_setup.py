"""A rotating log file in the data folder, with personal data masked out."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

# Runs of 9+ digits (CCCD, CMND, phone numbers, with optional separators) and e-mail addresses.
_DIGITS = re.compile(r"(?<!\d)(?:\+?\d[\d .\-]{7,}\d)(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def redact(text: str) -> str:
    text = _DIGITS.sub(lambda m: "[số đã ẩn]" if sum(c.isdigit() for c in m.group()) >= 9 else m.group(), text)
    return _EMAIL.sub("[email đã ẩn]", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Attach the rotating file handler once per log folder; returns the log file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "tocds.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_tocds", False):
            if Path(handler.baseFilename) == path:  # type: ignore[attr-defined]
                return path
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler._tocds = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path
