"""archive/files.py: regular files read whole, never past their limit, without a buffer of the limit's size each."""

from __future__ import annotations

import os
from pathlib import Path

from archive.files import LINK, SPECIAL, Refusal, read_regular


def mappings() -> int:
    with open("/proc/self/maps", encoding="ascii") as maps:
        return sum(1 for _ in maps)


def test_small_files_kept_in_memory_take_no_mapping_each(tmp_path: Path) -> None:
    for i in range(300):
        (tmp_path / f"{i}.txt").write_bytes(b"x" * 100)
    before = mappings()
    kept = [read_regular(tmp_path / f"{i}.txt", 4 << 20) for i in range(300)]
    assert all(data == b"x" * 100 for data in kept)
    assert mappings() - before < 30  # a 4 MB buffer each would be 300 mappings


def test_a_file_is_read_to_one_byte_past_its_limit_and_refused_over_it(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"a" * 10)
    assert read_regular(path, 10) == b"a" * 10 and read_regular(path, 100) == b"a" * 10
    refused = read_regular(path, 9)
    assert isinstance(refused, Refusal) and refused.size == 10


def test_links_and_special_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("text", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    assert read_regular(tmp_path / "link.txt", 100) is LINK
    assert read_regular(tmp_path / "fifo.txt", 100) is SPECIAL
