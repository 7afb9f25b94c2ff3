"""Find and open content files safely, whatever the content folder holds.

The content is edited by many people and copied around, so a folder may hold a named
pipe, a dangling link, a link to /dev/zero or to /etc, a folder named like an entry, or a
file of gigabytes. Each of those becomes one clear problem instead of a hang, a crash or
an error that hides all others: only regular files inside the content root, of a
bounded size, are ever read.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

# The largest real file (the glossary) is about 35 kB; thirty times that is still text
# a person wrote, anything larger is a mistake (or an attack) and is not read at all.
MAX_FILE_BYTES = 1024 * 1024
MAX_FILE_LABEL = "1 MB"


@dataclass(frozen=True)
class Unreadable:
    """Why a content path cannot be read (the message is Dutch, for the author)."""
    message: str


def read_bytes(path: Path, root: Path | None = None, limit: int = MAX_FILE_BYTES) -> bytes | Unreadable:
    """The bytes of a regular file (inside `root`, when given), or why it cannot be read."""
    refusal = check_regular_file(path, root, limit)
    if refusal:
        return refusal
    try:
        # O_NONBLOCK: should the file be swapped for a pipe after the check, open does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return Unreadable(f"bestand is niet te lezen: {error.strerror or error}")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return Unreadable("is geen gewoon bestand")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        return Unreadable(f"bestand is niet te lezen: {error.strerror or error}")
    finally:
        os.close(fd)
    if size > limit:
        return too_large(limit)
    return b"".join(chunks)


def check_regular_file(path: Path, root: Path | None, limit: int = MAX_FILE_BYTES) -> Unreadable | None:
    """None when `path` is a regular file (inside `root`, following links that stay inside)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return Unreadable("bestand ontbreekt")
    except OSError as error:
        return Unreadable(f"bestand is niet te lezen: {error.strerror or error}")
    if stat.S_ISLNK(info.st_mode):
        refusal = _check_link(path, root)
        if refusal:
            return refusal
        info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        return Unreadable("is een map, geen bestand")
    if not stat.S_ISREG(info.st_mode):
        return Unreadable("is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); "
                          "zet hier een gewoon tekstbestand")
    if info.st_size > limit:
        return too_large(limit)
    return None


def too_large(limit: int) -> Unreadable:
    if limit == MAX_FILE_BYTES:
        return Unreadable(f"bestand is groter dan {MAX_FILE_LABEL}; een inhoudsbestand is gewone tekst van hooguit "
                          "enkele tientallen kB")
    return Unreadable(f"bestand is groter dan {limit // (1024 * 1024)} MB")


def _check_link(path: Path, root: Path | None) -> Unreadable | None:
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return Unreadable("is een snelkoppeling (symlink) naar iets dat niet bestaat")
    except (OSError, RuntimeError):  # RuntimeError: a loop of links
        return Unreadable("is een snelkoppeling (symlink) die niet te volgen is")
    if root is not None and not is_inside(target, root.resolve()):
        return Unreadable("is een snelkoppeling (symlink) naar iets buiten de inhoudsmap; "
                          "zet het bestand zelf in de inhoudsmap")
    return None


def is_inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


@dataclass(frozen=True)
class FolderEntry:
    path: Path
    problem: str | None  # why it is not an entry file; None for a .yaml file to read


def entry_files(folder: Path, root: Path) -> list[FolderEntry]:
    """The entry files of a folder of entries (one file each), in name order, each with its problem if any.

    Hidden names (editor backups, .DS_Store) are skipped. Every other name is either a
    regular .yaml file inside the root, or reported, so nothing is silently left out.
    """
    found = []
    with os.scandir(folder) as listing:
        names = sorted(entry.name for entry in listing)
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        refusal = check_regular_file(path, root)
        if refusal and refusal.message == "is een map, geen bestand":
            found.append(FolderEntry(path, "is een map; zet de bestanden zelf in deze map, submappen worden niet gelezen"
                                     if not name.endswith(".yaml") else "is een map, geen bestand"))
        elif refusal:
            found.append(FolderEntry(path, refusal.message))
        elif not name.endswith(".yaml"):
            found.append(FolderEntry(path, "alleen .yaml-bestanden horen in deze map (hernoem .yml naar .yaml)"))
        else:
            found.append(FolderEntry(path, None))
    return found
