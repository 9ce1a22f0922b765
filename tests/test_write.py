"""docs/archive/ and the folders beside it are replaced whole, only when all are complete, and never outside their place."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import write
from archive.write import MARKER, WriteRefused, swap_in, write_generated


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_writes_exactly_the_files_and_a_marker(tmp_path):
    target = write_generated(tmp_path / "docs", {"index.md": "a\n", "articles/x.md": "b\n"}, protected=())
    assert listing(target) == [MARKER, "articles/x.md", "index.md"]
    assert (target / "articles/x.md").read_bytes() == b"b\n"


def test_pages_of_removed_seeds_disappear(tmp_path):
    docs = tmp_path / "docs"
    write_generated(docs, {"articles/old.md": "x\n", "index.md": "i\n"}, protected=())
    write_generated(docs, {"articles/new.md": "y\n", "index.md": "i\n"}, protected=())
    assert listing(docs / "archive") == [MARKER, "articles/new.md", "index.md"]
    assert [p.name for p in docs.iterdir()] == ["archive"]


def test_a_failure_while_writing_keeps_the_previous_output(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    write_generated(docs, {"index.md": "previous\n"}, protected=())

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(write, "swap_in_all", fail)
    with pytest.raises(OSError):
        write_generated(docs, {"index.md": "new\n"}, protected=())
    assert (docs / "archive/index.md").read_text() == "previous\n"
    assert [p.name for p in docs.iterdir()] == ["archive"]


def test_refuses_to_replace_a_folder_it_did_not_make(tmp_path):
    (tmp_path / "docs/archive").mkdir(parents=True)
    (tmp_path / "docs/archive/handwritten.md").write_text("mine\n")
    with pytest.raises(WriteRefused, match="not made by build_archive.py"):
        write_generated(tmp_path / "docs", {"index.md": "x\n"}, protected=())
    assert (tmp_path / "docs/archive/handwritten.md").read_text() == "mine\n"


@pytest.mark.parametrize("docs", ["seeds", "seeds/inner"])
def test_refuses_to_write_into_or_over_protected_folders(tmp_path, docs):
    seeds = tmp_path / "seeds"
    (seeds / "inner").mkdir(parents=True)
    with pytest.raises(WriteRefused, match="never writes into"):
        write_generated(tmp_path / docs, {"index.md": "x\n"}, protected=(seeds,))


def test_refuses_paths_that_escape_the_folder(tmp_path):
    with pytest.raises(WriteRefused, match="escapes"):
        write_generated(tmp_path / "docs", {"../evil.md": "x\n"}, protected=())
    assert not (tmp_path / "docs/evil.md").exists()


def test_folders_beside_the_archive_are_written_with_it_text_or_bytes(tmp_path):
    docs = tmp_path / "docs"
    write_generated(docs, {"index.md": "i\n"}, protected=(), alongside={"data": {"a.sqlite": b"\x00\xff", "a.csv": "x\r\n"}})
    assert listing(docs / "data") == [MARKER, "a.csv", "a.sqlite"]
    assert (docs / "data/a.sqlite").read_bytes() == b"\x00\xff"
    assert (docs / "data/a.csv").read_bytes() == b"x\r\n"  # as given: CSV keeps its CRLF
    write_generated(docs, {"index.md": "i\n"}, protected=(), alongside={"data": {"b.json": "{}\n"}})
    assert listing(docs / "data") == [MARKER, "b.json"]
    assert sorted(p.name for p in docs.iterdir()) == ["archive", "data"]


def test_a_failed_swap_puts_back_the_folders_already_swapped(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    write_generated(docs, {"index.md": "old\n"}, protected=(), alongside={"data": {"a.json": "old\n"}})
    real = write.os.replace

    def fail_on_data(source, target):
        if Path(source).name.startswith(".data-new-"):
            raise OSError("disk full")
        real(source, target)

    monkeypatch.setattr(write.os, "replace", fail_on_data)
    with pytest.raises(OSError):
        write_generated(docs, {"index.md": "new\n"}, protected=(), alongside={"data": {"a.json": "new\n"}})
    assert (docs / "archive/index.md").read_text() == "old\n"
    assert (docs / "data/a.json").read_text() == "old\n"
    assert sorted(p.name for p in docs.iterdir()) == ["archive", "data"]


def test_swap_in_replaces_one_folder(tmp_path):
    (tmp_path / "new").mkdir()
    (tmp_path / "new/x").write_text("new")
    (tmp_path / "site").mkdir()
    (tmp_path / "site/y").write_text("old")
    swap_in(tmp_path / "new", tmp_path / "site")
    assert listing(tmp_path) == ["site/x"]


def test_refuses_a_hand_made_folder_beside_the_archive_and_writes_nothing(tmp_path):
    (tmp_path / "docs/data").mkdir(parents=True)
    (tmp_path / "docs/data/mine.csv").write_text("mine\n")
    with pytest.raises(WriteRefused, match="not made by build_archive.py"):
        write_generated(tmp_path / "docs", {"index.md": "x\n"}, protected=(), alongside={"data": {"a.csv": "x\n"}})
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["data"]


@pytest.mark.parametrize("name", ["..", "a/b", ".hidden", ""])
def test_a_folder_beside_the_archive_is_one_plain_name(tmp_path, name):
    with pytest.raises(WriteRefused, match="one plain name"):
        write_generated(tmp_path / "docs", {"index.md": "x\n"}, protected=(), alongside={name: {"a": "x"}})
