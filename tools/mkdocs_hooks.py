"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): the site publishes only files that are really in docs/."""

from __future__ import annotations

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
