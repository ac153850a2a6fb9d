"""Bundled components and their licences, read from the installed distributions' metadata."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata

from desktop.core.i18n import _

APP_DISTRIBUTION = "tocds-desktop"
# Components whose wheel metadata names no licence (checked against their source repositories).
KNOWN_LICENCES = {"sqlcipher3": "Zlib; SQLCipher: BSD-3-Clause"}


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def _licence(meta) -> str:
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80 and text.upper() != "UNKNOWN":
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    classifiers = [c for c in classifiers if c != "OSI Approved"]
    if classifiers:
        return ", ".join(classifiers)
    if text:  # the full licence text: name its first line
        return text.splitlines()[0][:80]
    return _("không ghi trong gói")


def _requirement_name(spec: str) -> str | None:
    """'PySide6-Essentials==6.12.*' -> 'PySide6-Essentials'."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    return match.group(1) if match else None


def bundled_components(root: str = APP_DISTRIBUTION) -> list[Component]:
    """The app's run-time dependencies, recursively (extras left out), sorted by name."""
    found: dict[str, Component] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = dist.metadata
        licence = KNOWN_LICENCES.get(key) or _licence(meta)
        found[key] = Component(meta.get("Name") or name, dist.version, licence)
        for spec in dist.requires or []:
            req = _requirement_name(spec)
            if req and _marker_applies(spec):
                todo.append(req)
    root_key = re.sub(r"[-_.]+", "-", root).lower()
    found.pop(root_key, None)
    found["python"] = Component("Python", platform.python_version(), "PSF-2.0")
    return sorted(found.values(), key=lambda c: c.name.lower())


def _marker_applies(spec: str) -> bool:
    """Leave out requirements of extras and of other platforms."""
    if ";" not in spec:
        return True
    try:
        from packaging.requirements import Requirement

        marker = Requirement(spec).marker
        return marker is None or marker.evaluate({"extra": ""})
    except Exception:  # no `packaging` in the bundle, or an odd marker
        return "extra" not in spec.split(";", 1)[1]
