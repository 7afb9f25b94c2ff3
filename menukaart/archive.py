"""Zip files that are the same bytes for the same content (the offline copy, the XLSX export).

Every member gets the same fixed time (derived from the release date), the same
permissions and the order the caller gives, so two builds of one release are
byte-identical whenever and wherever they run.
"""
from __future__ import annotations

import io
import os
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import Iterable

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip member can carry


def fixed_time(day: str | date | None) -> tuple[int, int, int, int, int, int]:
    """Member time for a release date (YYYY-MM-DD): that day at noon, or 1980-01-01 if earlier."""
    if day is None:
        return ZIP_EPOCH
    day = date.fromisoformat(str(day)) if not isinstance(day, date) else day
    stamp = (day.year, day.month, day.day, 12, 0, 0)
    return max(stamp, ZIP_EPOCH)


def zip_bytes(members: Iterable[tuple[str, bytes]], when: tuple[int, ...]) -> bytes:
    """A zip made in memory (the XLSX export), with the same fixed members as write_zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            archive.writestr(_member(name, when), content, compresslevel=6)
    return buffer.getvalue()


def _member(name: str, when: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever the building machine
    return info


def write_zip(target: Path, members: Iterable[tuple[str, bytes | Path]], when: tuple[int, ...]) -> Path:
    """Write the members (name, bytes or file) into `target`, replacing it only once complete.

    The partial file has a unique name in the target's folder, so two writers never write
    into one file; the last complete one wins, whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name, content in members:
                data = content.read_bytes() if isinstance(content, Path) else content
                archive.writestr(_member(name, when), data, compresslevel=6)
        os.chmod(partial, 0o644)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target


def is_debris(path: Path, target_name: str) -> bool:
    """A partial zip left by a build that was killed while writing `target_name`."""
    return path.name.startswith(f".{target_name}.") and path.name.endswith(".partial")
