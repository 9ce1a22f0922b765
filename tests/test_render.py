"""Article text renders as exactly its words: escaping against the site's real Markdown setup."""

from __future__ import annotations

import html
import re

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.render import escape_markdown, render_front_matter

from conftest import ROOT


def site_markdown() -> markdown.Markdown:
    """A Markdown converter with the extensions and options mkdocs.yml configures."""
    class IgnoreTags(yaml.SafeLoader):
        pass

    IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)
    names, options = [], {}
    for entry in config.get("markdown_extensions", []):
        name, opts = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if opts:
            options[name] = opts
    if "pymdownx.snippets" in options:
        options["pymdownx.snippets"] = {**options["pymdownx.snippets"], "base_path": [str(ROOT / "docs")]}
    return markdown.Markdown(extensions=names, extension_configs=options)


CONVERTER = site_markdown()


def rendered_text(source: str) -> str:
    """The visible text of the HTML Markdown makes of `source` (tags dropped, entities decoded)."""
    CONVERTER.reset()
    out = CONVERTER.convert(source)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", out)).split())


def tags(source: str) -> set[str]:
    CONVERTER.reset()
    return set(re.findall(r"<([a-z0-9]+)", CONVERTER.convert(source)))


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "# not a heading",
    "1. not a list",
    "2) not a list either",
    "- not a bullet",
    "+ nor this",
    "> not a quote",
    "*not emphasis* and _not either_ and **not bold**",
    "[not a link](javascript:alert(1)) and ![no image](x.png)",
    "`not code` and ``neither``",
    "a | table | row",
    "{: .attr } and {#id}",
    "--8<-- \"secret.txt\"",
    "&amp; stays &amp; and &lt;b&gt;",
    "back\\slash \\* escaped",
    "    four spaces are not code",
    "---",
    "===",
    "<!-- a comment -->",
    "http://example.com and <http://example.com>",
    "line [^1] footnote",
    "!!! note \"not an admonition\"",
    "??? not details",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_its_own_characters(text):
    assert rendered_text(escape_markdown(text)) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_creates_no_markup(text):
    assert tags(escape_markdown(text)) <= {"p"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(list("\\`*_{}[]()#+-.!|<>&;:=~^'\"8 ")), min_size=1, max_size=80))
def test_any_text_renders_as_itself(text):
    expected = " ".join(text.split())
    if expected:
        assert rendered_text(escape_markdown(text)) == expected


def test_front_matter_reads_back():
    data = {"id": "x", "title": "Lavrov: \"quotes\" & colons: --- yes", "date": "2026-02-06", "n": None, "list": ["a: b", "#c"]}
    text = render_front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n")
    assert yaml.safe_load(text.strip("-\n")) == data
