"""Live markup in built HTML, found by parsing it as a browser does: what the site did not put there itself.

Material's pages carry a fixed set of scripts (its bundle, the archive's search scripts, three short
inline scripts and a JSON config), an article page its JSON-LD data block, the Explore page the search
manifest's data block, and no event-handler attributes. Anything else that can run
or load code is live markup that came from data: a test failure, with where it was found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

PAYLOAD = "__pwned"  # every hostile test value that could run sets window.__pwned
# The scripts Material and mkdocs.yml put on every page, by src and by how inline ones start.
OWN_SCRIPT_SOURCES = re.compile(r"(?:\.\./)*/?(?:assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js|assets/search/(?:header|engine|explore)\.js)")
OWN_INLINE_SCRIPTS = ('__md_scope=new URL("', 'var palette=__md_get("__palette")', "var target=document.getElementById(location.hash.slice(1))")
NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "template", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "srcdoc", "ping"}
BAD_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)


def live_markup(html: str) -> list[str]:
    """Every element or attribute in `html` that could run code and that the site itself does not write."""
    tree = LexborHTMLParser(html)
    found: list[str] = []
    for node in tree.root.traverse(include_text=False):
        tag, attributes = node.tag, node.attributes
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attributes.items())}>"
        if tag in NEVER:
            found.append(where)
        if tag == "script" and not _own_script(node.text() or "", attributes):
            found.append(f"{where}{(node.text() or '')[:80]}")
        if tag == "meta" and "http-equiv" in attributes or tag == "link" and node.parent.tag != "head":
            found.append(where)
        for name, value in attributes.items():
            if name.startswith("on") or name == "style" and PAYLOAD in (value or ""):
                found.append(where)
            elif name in URL_ATTRIBUTES and BAD_SCHEMES.match(value or ""):
                found.append(where)
            elif PAYLOAD in (value or "") and name not in ("title", "alt", "aria-label", "content", "value", "id", "href"):
                found.append(where)
    return found


def _own_script(text: str, attributes: dict[str, str | None]) -> bool:
    data_block = attributes.get("type") == "application/ld+json" or attributes.get("type") == "application/json" and "data-archive-search-file" in attributes
    if data_block and "src" not in attributes:
        # A data block never runs; what it holds is only dangerous if it could end the element.
        return "<" not in text and _is_json(text)
    if PAYLOAD in text:
        return False
    if "src" in attributes:
        return bool(OWN_SCRIPT_SOURCES.fullmatch(attributes["src"] or ""))
    if attributes.get("type") == "application/json" and attributes.get("id") == "__config":
        return True
    return text.startswith(OWN_INLINE_SCRIPTS)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def live_markup_in_site(site: Path) -> dict[str, list[str]]:
    """live_markup for every HTML file of a built site, keyed by its path; files without any are left out."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        problems = live_markup(page.read_text(encoding="utf-8"))
        if problems:
            found[page.relative_to(site).as_posix()] = problems
    return found
