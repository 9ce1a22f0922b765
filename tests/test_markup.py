"""Untrusted text renders as exactly its characters in every context, against the site's real Markdown setup."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import markdown
import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.markup import code, escape_markdown, html_text, link_target, one_line

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


def parsed(source: str) -> LexborHTMLParser:
    """The HTML Markdown makes of `source`, parsed as a browser would."""
    CONVERTER.reset()
    return LexborHTMLParser(CONVERTER.convert(source))


ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("\\`*_{}[]()#+-.!|<>&;:=~^'\"8 \n\u2028\x00")),
    min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_code_shows_exactly_the_text_in_one_code_element(text: str) -> None:
    tree = parsed(f"Seed file: {code(text)} (utf-8)")
    assert [node.tag for node in tree.body.traverse(include_text=False)] == ["body", "p", "code"]
    assert tree.css_first("code").text() == one_line(text)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_link_target_is_one_link_to_exactly_that_path(text: str) -> None:
    tree = parsed(f"[the article]({link_target(text + '.md')})")
    assert [node.tag for node in tree.body.traverse(include_text=False)] == ["body", "p", "a"]
    assert unquote(tree.css_first("a").attributes["href"]) == text + ".md"


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_html_text_in_a_title_or_a_span_is_text(text: str) -> None:
    tree = LexborHTMLParser(f"<title>{html_text(text)} - Site</title><span>{html_text(text)}</span>")
    assert tree.css_first("title").text() == one_line(text) + " - Site"
    assert [node.tag for node in tree.body.traverse(include_text=False)] == ["body", "span"]
    assert tree.css_first("span").text() == one_line(text)


@pytest.mark.parametrize("text", ["a\nb", "a\r\nb", "a\u2028b", "a\u2029b", "a\x85b", "a\x0bb\x0cc", " a \t b "])
def test_one_line_folds_every_line_break(text: str) -> None:
    assert "\n" not in one_line(text) and one_line(text).replace(" ", "") in ("ab", "abc")
