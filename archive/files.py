"""Reading contributor files: regular files only, never through a symbolic link, never past a size limit."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a file was not read; `size` is its size in bytes when that was the reason, else -1."""

    why: str
    size: int = -1


LINK = Refusal("is a symbolic link; the build reads only regular files, never what a link points to")
SPECIAL = Refusal("is not a regular file")


def read_regular(path: Path, limit: int) -> bytes | Refusal:
    """The file's bytes, or why it was not read: a link, not a regular file, or over `limit` bytes.

    The file is opened without following a link and checked through its open descriptor, so a link
    swapped in after a check cannot redirect the read, and a FIFO cannot block it.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        return LINK if exc.errno == errno.ELOOP else Refusal(f"cannot be read: {exc.strerror}")
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        return SPECIAL
    if status.st_size > limit:
        os.close(descriptor)
        return Refusal(f"file is {status.st_size} bytes, over the limit of {limit} bytes", status.st_size)
    with os.fdopen(descriptor, "rb") as handle:
        # As much as read(limit + 1) would give, asked for in the size the file has: a buffer of
        # `limit` bytes for each small file is a memory mapping of its own, and a process may hold
        # only some 65,000 of those (a 100,000-seed archive ran out of them).
        data = handle.read(min(status.st_size, limit) + 1)
        while len(data) <= limit and (more := handle.read(limit + 1 - len(data))):
            data += more  # the file grew after fstat
        return data
