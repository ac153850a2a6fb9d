"""A file the operating system refuses to replace or delete, as Windows does while Excel holds it open.

Linux has no mandatory locks; an immutable file (`chattr +i`, root on ext4) is refused the same way:
rename over it and unlink fail with PermissionError. Where chattr cannot work, `os.replace` and
`os.unlink` of that one path are made to raise PermissionError as Windows' sharing violation does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@contextmanager
def held_open(path: Path):
    """While the block runs, `path` cannot be replaced or deleted (PermissionError)."""
    if _chattr("+i", path):
        try:
            yield "chattr"
        finally:
            _chattr("-i", path)
        return
    with pytest.MonkeyPatch.context() as mp:
        real_replace, real_unlink = os.replace, os.unlink
        target = os.path.realpath(path)

        def replace(src, dst, *a, **kw):
            if os.path.realpath(dst) == target:
                raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(dst))
            return real_replace(src, dst, *a, **kw)

        def unlink(p, *a, **kw):
            if os.path.realpath(p) == target:
                raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(p))
            return real_unlink(p, *a, **kw)

        mp.setattr(os, "replace", replace)
        mp.setattr(os, "unlink", unlink)
        yield "patched"
