"""A rotating log file in the data folder, with personal data masked out.

Only what a record says is redacted (its message, and the text of an exception it carries):
the timestamp and the logger name are never taken for a phone number. A log file that
cannot be written (a full disk, a removed folder) is skipped silently: logging never
prints its own traceback at people.
"""

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
        cached = record.exc_text
        record.exc_text = None  # never another handler's unredacted copy of the traceback
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = redact(record.message)
        return super().formatMessage(record)

    def formatException(self, ei) -> str:
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info))


class _QuietRotatingFileHandler(RotatingFileHandler):
    """A failed write (disk full, file gone) is dropped instead of printing logging's traceback to stderr.

    Rotation tolerates another process holding the log (Windows refuses to rename an open file, WinError 32:
    the app and a scheduled `tocds-cli sync` share one log): the line is written to the current file all
    the same, and rotation is tried again only after `ROTATION_RETRY` more bytes, never once per line."""

    failures = 0
    rotation_failures = 0
    ROTATION_RETRY = 256_000
    _retry_at = 0  # file size from which rotation is tried again after a failure

    def handleError(self, record: logging.LogRecord) -> None:
        self.failures += 1

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if self._retry_at and self.stream is not None:
            try:
                if self.stream.tell() < self._retry_at:
                    return False
            except (OSError, ValueError):
                return False
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        try:
            super().doRollover()
            self._retry_at = 0
        except OSError:
            self.rotation_failures += 1
            if self.stream is None:
                self.stream = self._open()  # keep appending to the file another process holds
            self.stream.seek(0, 2)
            self._retry_at = self.stream.tell() + self.ROTATION_RETRY


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
            try:
                handler.close()
            except (OSError, ValueError):  # its disk is full or its file already gone: nothing to keep
                pass
    handler = _QuietRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True)
    handler._tocds = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path
