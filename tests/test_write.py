"""docs/archive/ is replaced whole, only when complete, and never outside its place."""

from __future__ import annotations

import pytest

from archive import write
from archive.write import MARKER, WriteRefused, write_generated


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

    monkeypatch.setattr(write, "swap_in", fail)
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
