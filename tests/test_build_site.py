"""tools/build_site.py: the site is replaced only by a complete, successful MkDocs build; and tools/mkdocs_hooks.py's carried index files."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from archive import search_index
from conftest import ROOT

TOOL = ROOT / "tools" / "build_site.py"


def project(tmp_path: Path) -> Path:
    """A minimal MkDocs project with an old site/ holding a sentinel file."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[About](about.md)\n")
    (tmp_path / "docs" / "about.md").write_text("# About\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nuse_directory_urls: false\nvalidation:\n  links:\n    not_found: warn\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("the previous site\n")
    return tmp_path


def build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(TOOL), "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_a_successful_build_replaces_the_site(tmp_path: Path) -> None:
    root = project(tmp_path)
    done = build(root)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (root / "site").iterdir() if p.suffix == ".html") == ["404.html", "about.html", "index.html"]
    assert sorted(p.name for p in root.iterdir()) == ["docs", "mkdocs.yml", "site"]


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "docs" / "about.md").unlink()  # index.md now links to a missing page: --strict fails
    done = build(root)
    assert done.returncode != 0
    assert "is left as it was" in done.stderr
    assert [p.name for p in (root / "site").iterdir()] == ["old.html"]
    assert sorted(p.name for p in root.iterdir()) == ["docs", "mkdocs.yml", "site"]  # no staging folder left


def test_a_name_too_long_for_the_file_system_fails_without_harm(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "docs" / ("x" * 252 + ".md")).write_text("# Long\n")  # its .html name has 256 bytes
    done = build(root)
    assert done.returncode != 0
    assert [p.name for p in (root / "site").iterdir()] == ["old.html"]
    shutil.rmtree(root / "site")
    assert sorted(p.name for p in root.iterdir()) == ["docs", "mkdocs.yml"]


def test_a_symbolic_link_in_docs_stops_the_build(tmp_path: Path) -> None:
    root = project(tmp_path)
    shutil.copy(ROOT / "tools" / "mkdocs_hooks.py", root / "hooks.py")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "hooks:\n  - hooks.py\n")
    (root / "docs" / "passwd.md").symlink_to("/etc/passwd")
    done = build(root)
    assert done.returncode != 0
    assert "docs/" in done.stderr and "is a symbolic link; put the file itself in docs/" in done.stderr
    assert [p.name for p in (root / "site").iterdir()] == ["old.html"]


def hooks():
    """tools/mkdocs_hooks.py, imported from its file as MkDocs does."""
    spec = importlib.util.spec_from_file_location("mkdocs_hooks", ROOT / "tools" / "mkdocs_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Everything that could end a data block or change how a browser reads it, in keys and values.
HOSTILE_JSON = '{"</script><script>window.__pwned=1</script>":["<!--<script>","</SCRIPT >","]]>","\\\\<\\/script>"],"a":"\\u003c"}'


def test_a_carried_index_file_is_json_that_cannot_end_its_data_block() -> None:
    carried = hooks().carried(f'window.ArchiveSearch.register("index",{HOSTILE_JSON});\n')
    assert "<" not in carried
    page = f'<!doctype html><head><script type="application/json" data-archive-search-file="x">{carried}</script></head><body><p>after</p>'
    tree = LexborHTMLParser(page)
    [block] = tree.css("script")
    assert json.loads(block.text()) == json.loads(HOSTILE_JSON)
    assert [n.tag for n in tree.body.traverse(include_text=False)] == ["body", "p"]  # the block ended where it should


def test_a_carried_file_holds_what_the_index_writer_reads_back_from_it() -> None:
    text = search_index.script("index", {"bounds": ["a", "<b"], "n": 3, "fold": {"é": "e"}})
    assert json.loads(hooks().carried(text)) == search_index.parse_script(text)[1]


def test_only_an_index_file_as_the_index_writer_writes_it_can_be_carried() -> None:
    carried = hooks().carried
    for text in ('alert(1);\n', 'window.ArchiveSearch.register("index",{});alert(1);\n', 'window.ArchiveSearch.register("index",{"a":1});',
                 'window.ArchiveSearch.register("index" {});\n', 'window.ArchiveSearch.register("index",{"a":);\n'):
        with pytest.raises(ValueError):
            carried(text)
