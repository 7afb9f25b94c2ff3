"""The output folders of a build: one build at a time, and never a half-replaced site.

A build writes its site into a staging folder next to the output folder and only then
puts it in place. This module makes that safe when builds run at the same time or
are killed halfway:

- `locked(folder)` holds an exclusive lock (flock) on a lock file next to the folder for
  the whole build; a second build into the same folder waits for the first.
- `tidy(folder)`, run under the lock, puts back a site that a killed build had moved
  aside, and removes the staging folders and partial files that killed builds left.
- `swap_into_place(new, folder)` exchanges the two folders in one atomic step where
  the system can (Linux renameat2), so there is no moment without a site.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def staging_prefix(folder: Path) -> str:
    return f".{folder.name}-build-"


def _old_prefix(folder: Path) -> str:
    return f".{folder.name}-old-"


def lock_path(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.lock")


@contextmanager
def locked(folder: Path, waiting_message: str | None = None) -> Iterator[None]:
    """Hold the build lock of `folder` (created next to it) until the block ends."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path(folder), "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting_message:
                print(waiting_message, file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def tidy(folder: Path) -> None:
    """Under the lock: repair a half-done swap, then remove what killed builds left behind."""
    olds = sorted(folder.parent.glob(_old_prefix(folder) + "*"))
    if not folder.exists() and olds:
        olds[-1].rename(folder)  # the last good site, moved aside just before a build was killed
        olds = olds[:-1]
    for debris in [*olds, *folder.parent.glob(staging_prefix(folder) + "*")]:
        shutil.rmtree(debris, ignore_errors=True)


def swap_into_place(new: Path, folder: Path) -> None:
    """Put the folder `new` at `folder`; the previous content of `folder` is removed."""
    if folder.exists() and _exchange(new, folder):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous site
        return
    old = None
    if folder.exists():
        old = folder.with_name(f"{_old_prefix(folder)}{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
    new.rename(folder)  # a kill before this line leaves `old`, which tidy() puts back
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False  # file system or kernel without exchange: the two-rename fallback
    raise OSError(code, os.strerror(code), str(b))
