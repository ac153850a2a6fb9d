"""Is a folder on a network drive? SQLite's write-ahead log is not safe there (SMB, NFS).

Windows: a UNC path (`\\\\server\\share`, `\\\\?\\UNC\\…`) or a drive letter whose type is
DRIVE_REMOTE (a mapped network drive). Linux: the mount holding the folder (the longest
mount point of /proc/mounts that contains it) is NFS, SMB/CIFS or another network file system.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "fuse.sshfs",
    "fuse.glusterfs", "fuse.cephfs", "lustre", "gpfs", "davfs", "fuse.davfs2", "fuse.rclone", "9p",
})
DRIVE_REMOTE = 4  # GetDriveTypeW
MOUNTS_FILE = "/proc/mounts"


def windows_unc(path: str) -> bool:
    """`\\\\server\\share\\…` or `\\\\?\\UNC\\server\\…`; not the local long-path form `\\\\?\\C:\\…`."""
    text = path.replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return text.startswith("\\\\") or PureWindowsPath(text).drive.startswith("\\\\")


def _unescape(field: str) -> str:
    """/proc/mounts writes a space as \\040, a tab as \\011, a backslash as \\134."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_type(path: Path, mounts_text: str) -> str:
    """The file-system type of the mount holding `path`, from /proc/mounts' text ("" when none matches)."""
    best, kind = "", ""
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def network_kind(path: Path, *, mounts_file: str | None = None) -> str:
    """"" for a local folder, else what kind of network place holds it (for the message)."""
    if sys.platform == "win32":
        text = str(path)
        if windows_unc(text):
            return "UNC"
        drive = PureWindowsPath(text).drive
        if len(drive) == 2 and drive[1] == ":":
            import ctypes

            if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE:  # type: ignore[attr-defined]
                return drive
        return ""
    try:
        with open(mounts_file or MOUNTS_FILE, encoding="utf-8", errors="replace") as fh:
            kind = mount_type(Path(os.path.realpath(path)), fh.read())
    except OSError:
        return ""
    return kind if kind.lower() in NETWORK_FILE_SYSTEMS or kind.lower().startswith(("nfs", "smb", "cifs")) else ""
