"""File names that become ids and page paths: the safe pattern, reserved names, and a suggested rename (pure)."""

from __future__ import annotations

import re
import unicodedata

# Lowercase letters and digits in runs joined by single `_` or `-`: safe in a URL, a Markdown link,
# a shell, on case-insensitive file systems, and as an HTML id. 80 characters keep every output
# path (`site/archive/articles/<id>.html`) far below the 255-byte limit of a file name.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:[_-][a-z0-9]+)*")
MAX_ID_LENGTH = 80
# Names the site's own pages use in the folders ids are written to (`archive/events/index.md`).
RESERVED_IDS = frozenset({"index"})
ID_CHARACTERS = "lowercase letters and digits, joined by single `_` or `-`"
ID_RULE = f"{ID_CHARACTERS}, at most {MAX_ID_LENGTH} characters, not {', '.join(f'`{n}`' for n in sorted(RESERVED_IDS))}"


def id_problem(ident: str) -> str | None:
    """Why `ident` cannot be an id, or None when it can."""
    if len(ident) > MAX_ID_LENGTH:
        return f"it is {len(ident)} characters long, over {MAX_ID_LENGTH}"
    if not ID_PATTERN.fullmatch(ident):
        return f"it may hold only {ID_CHARACTERS}"
    if ident in RESERVED_IDS:
        return f"`{ident}` is reserved for the site's own list pages"
    return None


def suggest_id(name: str) -> str:
    """A valid id made from `name`: accents dropped, lowercase, other characters as `-`, shortened, not reserved."""
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    ident = re.sub(r"[^a-z0-9]+", lambda m: "_" if m.group() == "_" else "-", ascii_only).strip("_-")
    if len(ident) > MAX_ID_LENGTH:
        ident = ident[:MAX_ID_LENGTH].rstrip("_-")
    if not ident:
        return "article"
    return f"{ident}-1" if ident in RESERVED_IDS else ident


def printable(name: str) -> str:
    """A file name as messages show it: undecodable bytes as \\xNN, control characters escaped, on one line."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)
