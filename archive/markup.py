"""Escaping for every place untrusted text reaches a page: Markdown inline and line starts, code, link targets, HTML text.

Seed text, seed and annotation file names and annotation values are all untrusted. Every
generated page writes them through one of these functions, chosen by where the text goes:

- running text, table cells, headings, admonition titles: `escape_markdown` (one line) or
  `escape_inline` (keeps the text's own spacing);
- file names, ids and paths shown as code: `code`;
- the path part of a link: `link_target`;
- the front matter `title`, which MkDocs and Material print into `<title>`, the header and
  the nav without escaping: `html_text`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

# Characters Python-Markdown (and the tables and attr_list extensions) give meaning anywhere in a line.
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")
# Line starts that would become a heading, list, quote, rule, admonition or details block.
# `?` and `=` cannot be backslash-escaped in Markdown, so the first character becomes an entity.
LINE_START_SPECIAL = re.compile(r"^[#\-+!?=~:]")
ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")
# Characters no page should carry: C0 and C1 controls other than whitespace (which one_line folds).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# What a link target may keep as written; everything else is percent-encoded.
LINK_SAFE = "/#._~-"


def one_line(text: str) -> str:
    """Text as a single line: every run of whitespace, line and paragraph separators included, one space."""
    return " ".join(CONTROL.sub("", text).split())


def escape_markdown(text: str) -> str:
    """Text that Markdown renders as exactly these characters: no markup, no HTML, one line."""
    return escape_line_start(escape_inline(one_line(text)))


def escape_inline(text: str) -> str:
    """Escape what has meaning anywhere in a line; whitespace is left as it is."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return INLINE_SPECIAL.sub(r"\\\1", text)


def escape_line_start(line: str) -> str:
    """Escape what would turn a whole line into a heading, list, quote or block."""
    line = ORDERED_LIST_START.sub(r"\1\\\2", line)
    return LINE_START_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", line)


def code(text: str) -> str:
    """Inline code showing exactly `text`: an HTML <code> element, so no backtick in the text can end it."""
    return f"<code>{escape_inline(one_line(text))}</code>"


def link_target(path: str) -> str:
    """A relative link's target with everything but letters, digits and `/#._~-` percent-encoded (line breaks too)."""
    return quote(path, safe=LINK_SAFE)


def html_text(text: str) -> str:
    """One line of text as HTML character data, for values that templates print without escaping."""
    return html.escape(one_line(text), quote=True)


# What XML 1.0 cannot carry at all, even escaped: controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text with every character XML 1.0 forbids removed, so that any seed or annotation value makes well-formed XML."""
    return XML_INVALID.sub("", text)
