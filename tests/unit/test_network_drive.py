"""A data folder on a network drive is refused (#23 item 11): SQLite's WAL is not safe on SMB or NFS."""

from __future__ import annotations

import pytest

from desktop import network_drive
from desktop.data_folder import DataFolder
from desktop.network_drive import mount_type, network_kind, windows_unc
from desktop.store.errors import NetworkDataFolder

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
//nas/phuong {share} cifs rw,vers=3.0 0 0
nas:/export {nfs} nfs4 rw 0 0
tmpfs {share}/local\\040copy tmpfs rw 0 0
"""


@pytest.fixture
def mounts(tmp_path, monkeypatch):
    """A mount table in which tmp_path/share is an SMB share and tmp_path/nfs an NFS export."""
    table = tmp_path / "mounts"
    table.write_text(MOUNTS.format(share=tmp_path / "share", nfs=tmp_path / "nfs"), encoding="utf-8")
    monkeypatch.setattr(network_drive, "MOUNTS_FILE", str(table))
    return tmp_path


@pytest.mark.parametrize(("path", "unc"), [
    (r"\\server\share\tocds", True), (r"\\?\UNC\server\share", True), ("//server/share/tocds", True),
    (r"\\?\C:\Users\tocds", False), (r"C:\Users\tocds", False), ("/home/tocds", False),
])
def test_unc_paths(path, unc):
    assert windows_unc(path) is unc


def test_the_longest_mount_point_decides(mounts):
    table = (mounts / "mounts").read_text(encoding="utf-8")
    assert mount_type(mounts / "share" / "tocds", table) == "cifs"
    assert mount_type(mounts / "share", table) == "cifs"
    assert mount_type(mounts / "share" / "local copy" / "tocds", table) == "tmpfs"  # \040 is a space
    assert mount_type(mounts / "shared", table) == "ext4"  # a longer name is not inside the share


def test_network_kind(mounts):
    assert network_kind(mounts / "share" / "tocds") == "cifs"
    assert network_kind(mounts / "nfs" / "tocds") == "nfs4"
    assert network_kind(mounts / "local") == ""
    assert network_kind(mounts / "share" / "local copy") == ""


def test_a_data_folder_on_a_share_is_refused_before_anything_is_made(mounts):
    from desktop.services.context import open_context

    target = mounts / "share" / "tocds"
    with pytest.raises(NetworkDataFolder) as refused:
        open_context(str(target))
    assert "ổ mạng (cifs)" in str(refused.value) and str(target) in str(refused.value)
    assert not target.exists()
    DataFolder.resolve(mounts / "local").ensure()  # a local folder still opens
    assert (mounts / "local" / "backups").is_dir()
