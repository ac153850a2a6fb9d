"""Putting a written file under its real name, and saying so when another program holds it.

On Windows a file open in Excel or Acrobat cannot be replaced or written (a sharing violation,
raised as PermissionError); exports say "close the file and try again" instead of a raw error.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from desktop.core.i18n import _


class FileInUse(PermissionError):
    """The target file is open in another program (or may not be written); the message is for people."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        super().__init__(_("Tệp đang mở trong chương trình khác — hãy đóng tệp rồi thử lại ({path}).").format(path=self.path))

    def __str__(self) -> str:
        return self.args[0]


def put_in_place(part: str | os.PathLike, target: str | os.PathLike) -> None:
    """Move the finished `part` over `target` (atomic); a target held by another program is FileInUse."""
    try:
        os.replace(part, target)
    except PermissionError as exc:
        raise FileInUse(target) from exc


@contextmanager
def writing(target: str | os.PathLike) -> Iterator[Path]:
    """A `<target>.part` path to write; put in place when the block ends well, removed in any case."""
    path = Path(target)
    part = path.with_name(path.name + ".part")
    try:
        yield part
        put_in_place(part, path)
    finally:
        part.unlink(missing_ok=True)
