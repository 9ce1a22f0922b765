"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): the site publishes only files that are really in docs/, and a page
can carry search index files in itself."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError


def on_files(files, config):
    """Stop the build when a page or asset of docs/ is, or lies under, a symbolic link.

    MkDocs follows links, so `docs/notes.md -> /etc/passwd` would publish the build machine's
    file; a link is easy to miss in a pull request's diff.
    """
    docs = Path(config["docs_dir"])
    for file in files:
        if file.abs_src_path is None or not Path(file.abs_src_path).is_relative_to(docs):
            continue  # the theme's own files
        path = docs
        for part in Path(file.abs_src_path).relative_to(docs).parts:
            path /= part
            if path.is_symlink():
                raise PluginError(f"docs/{path.relative_to(docs).as_posix()} is a symbolic link; put the file itself in docs/")
    return files


# How archive/search_index.py's `script` starts every index file.
REGISTER = "window.ArchiveSearch.register("


def carried(text: str) -> str:
    """The data an index file registers, as JSON that can stand in a data block (`<script type="application/json">`).

    Only `</script` or `<!--` could end the block or change how it is read, and both need `<`:
    outside strings JSON has none, and inside them `\\u003c` is the same text.
    It reads the file as archive/search_index.py's `parse_script` does. This hook is copied alone into
    MkDocs projects (the tests', the benchmarks'), where that package cannot be imported, so it keeps its
    own reading; tests/test_build_site.py holds the two to the same files.
    """
    decoder = json.JSONDecoder()
    if not text.startswith(REGISTER):
        raise ValueError("not a search index file")
    _, end = decoder.raw_decode(text, len(REGISTER))
    if text[end] != ",":
        raise ValueError("not a search index file")
    _, stop = decoder.raw_decode(text, end + 1)
    if text[stop:] != ");\n":
        raise ValueError("not a search index file")
    return text[end + 1:stop].replace("<", "\\u003c")


def on_page_context(context, page, config, nav):
    """A page's `carry` front matter (site paths of search index files) as their data, for overrides/main.html.

    The page then needs no request for them: docs/assets/search/engine.js reads a file's data
    block instead of loading the file.
    """
    docs = Path(config["docs_dir"]).resolve()
    blocks = []
    for path in (page.meta or {}).get("carry") or []:
        source = docs / path
        if not source.resolve().is_relative_to(docs):
            raise PluginError(f"{page.file.src_uri}: cannot carry {path}: not in docs/")
        if not source.is_file():
            continue  # docs/ without build_archive.py's files: the page works as any other, engine.js loading the file
        try:
            blocks.append((path, carried(source.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as exc:
            raise PluginError(f"{page.file.src_uri}: cannot carry {path}: {exc}") from exc
    context["carried"] = blocks
    return context
