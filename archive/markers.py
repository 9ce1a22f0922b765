"""Source marker patterns: Python regular expressions run on RE2, whose matching time is linear in the text (pure).

A contributor's `pattern:` in annotations/sources.yml is tried on every line of every seed, so
Python's backtracking `re` could be made to hang the build. Patterns keep Python's syntax and
meaning: they are rewritten for RE2 where the two differ, and refused where RE2 cannot match
what Python would.
"""

from __future__ import annotations

import functools
import re

import re2

# A marker pattern that is plain text with punctuation escaped, as `text:` markers become: searched for as text.
_LITERAL = re.compile(r"(?:\\[^A-Za-z0-9]|[^\\.^$*+?()\[\]{}|])*", re.DOTALL)


@functools.lru_cache(maxsize=1 << 16)
def marker_literal(pattern: str) -> str | None:
    """The text a pattern matches if it is plain text, else None."""
    return re.sub(r"\\(.)", r"\1", pattern, flags=re.DOTALL) if _LITERAL.fullmatch(pattern) else None


MAX_PATTERN = 1000  # characters in one marker pattern
PATTERN_MEMORY = 1 << 19  # bytes RE2 may use for one marker pattern, its program and its matching state
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.max_mem = PATTERN_MEMORY
_RE2_OPTIONS.log_errors = False  # RE2 would print each refused pattern to stderr; the caller reports it instead

# Python reads \d, \w and \s in text as Unicode classes, RE2 as ASCII ones: each is written out as Python
# reads it, outside a [class] and inside one (None: RE2 has no way to negate a class inside another).
_CLASSES = {
    "d": (r"\p{Nd}", r"\p{Nd}"),
    "D": (r"\P{Nd}", r"\P{Nd}"),
    "w": (r"[\p{L}\p{N}_]", r"\p{L}\p{N}_"),
    "W": (r"[^\p{L}\p{N}_]", None),
    "s": (r"[\t-\r\x{1C}-\x{1F}\x{85}\p{Z}]", r"\t-\r\x{1C}-\x{1F}\x{85}\p{Z}"),
    "S": (r"[^\t-\r\x{1C}-\x{1F}\x{85}\p{Z}]", None),
}
_LETTER = r"[^\W\d_]"  # Python's idiom for "a letter", which needs \W inside a class
# What RE2 refuses in a Python pattern, by its error message, and how to do without it.
_UNSUPPORTED = (
    (r"invalid perl operator: \(\?[=!]", "lookahead `(?=...)` and `(?!...)`", "match the text itself, or drop the condition"),
    (r"invalid perl operator: \(\?<", "lookbehind `(?<=...)` and `(?<!...)`", "make the text before part of the match, or drop the condition"),
    (r"invalid perl operator: \(\?P|invalid escape sequence: \\[1-9]", "backreferences like `\\1` and `(?P=name)`", "write out the repeated text"),
    (r"bad repetition operator", "possessive quantifiers like `*+`", "write `*`, `+`, `?` or `{m,n}` alone: RE2 never backtracks, so nothing is lost"),
    (r"invalid perl operator: \(\?>", "atomic groups `(?>...)`", "write `(?:...)`: RE2 never backtracks, so nothing is lost"),
    (r"invalid perl operator: \(\?#", "comments `(?#...)`", "delete the comment; a YAML comment on the line above can say the same"),
    (r"invalid perl operator: \(\?\(", "conditionals `(?(...)...)`", "write one marker for each case"),
    (r"invalid perl operator: \(\?", "flags other than i, m and s", "remove the flag"),
    (r"invalid escape sequence: \\N", "`\\N{...}` character names", "write the character itself"),
    (r"invalid repetition size", "repetition counts over 1000", "use a smaller count, or `*` or `+`"),
    (r"pattern too large", f"more than {PATTERN_MEMORY // 1024} KiB of matcher memory", "make it simpler: fewer or smaller repetitions of large classes like `\\w`"),
)


def re2_pattern(pattern: str) -> tuple[str, str]:
    """A Python regular expression rewritten for RE2 with its meaning kept, or "" and what RE2 cannot mean."""
    out: list[str] = []
    class_start = -1  # index in `pattern` where the current [class] begins, -1 outside one
    index = 0
    while index < len(pattern):
        char, code = pattern[index], pattern[index + 1 : index + 2]
        inside = class_start >= 0
        if char == "\\" and code in _CLASSES:
            written = _CLASSES[code][inside]
            if written is None:
                return "", f"`\\{code}` inside `[...]`; write `[^...]` with what to leave out instead"
            out.append(written)
        elif char == "\\" and code in ("b", "B") and not inside and _beside_non_ascii(pattern, index):
            return "", f"`\\{code}` next to a letter outside ASCII: RE2 counts only ASCII letters and digits as word characters; write `(?:^|\\W)` before and `(?:\\W|$)` after the word instead"
        elif char == "\\" and code in ("u", "U"):
            width = 4 if code == "u" else 8
            out.append(f"\\x{{{pattern[index + 2 : index + 2 + width]}}}")
            index += width
        elif char == "\\" and code == "Z":
            out.append("\\z")
        elif char == "\\":
            out.append(char + code)
        elif inside and char == "]" and index > class_start:
            out.append(char)
            class_start = -1
        elif inside and char == "[":
            out.append("\\[")  # RE2 would read "[:" as the start of a POSIX class like [:alpha:]
        elif not inside and pattern.startswith(_LETTER, index):
            out.append(r"[\p{L}\p{Nl}\p{No}]")
            index += len(_LETTER) - 1
        elif not inside and char == "[":
            out.append(char)
            class_start = index + 1 + (pattern[index + 1 : index + 2] == "^")
        elif not inside and (empty_min := re.match(r"\{,(\d+)\}", pattern[index:])):
            out.append(f"{{0,{empty_min.group(1)}}}")  # Python's {,n}; RE2 would read it as text
            index += len(empty_min.group(0)) - 1
        else:
            out.append(char)
        index += 2 if char == "\\" else 1
    return "".join(out), ""


def _beside_non_ascii(pattern: str, index: int) -> bool:
    """Whether the `\\b` at `index` stands right after or before a literal letter or digit outside ASCII."""
    before = pattern[index - 1 : index] if pattern[index - 2 : index - 1] != "\\" else ""
    after = pattern[index + 2 : index + 3]
    return any(c.isalnum() and not c.isascii() for c in before + after)


@functools.lru_cache(maxsize=1024)
def marker_regexp(pattern: str) -> re2._Regexp:
    """A marker pattern compiled by RE2, which matches in time linear in the text; check_marker_pattern vets it first."""
    return re2.compile(re2_pattern(pattern)[0], _RE2_OPTIONS)


# What ties a pattern to a whole text's ends or turns line anchors off: a search of the whole text would miss a line's match.
_WHOLE_TEXT_ONLY = re.compile(r"\\[Az]|\(\?[a-zA-Z]*-[a-zA-Z]*m")


@functools.lru_cache(maxsize=1024)
def marker_text_regexp(pattern: str) -> re2._Regexp | None:
    """The pattern with ^ and $ at every line, to search a whole text at once: it matches whenever one of the lines does.

    It may also match across lines where no line does, so a match only says which texts are worth reading line by
    line. None when the pattern anchors to a text's start or end (\\A, \\Z) and only lines can tell.
    """
    written = re2_pattern(pattern)[0]
    return None if _WHOLE_TEXT_ONLY.search(written) else re2.compile("(?m)" + written, _RE2_OPTIONS)


@functools.lru_cache(maxsize=8)
def marker_screen(patterns: tuple[str, ...]) -> re2.Set | None:
    """One RE2 set of the patterns' whole-text forms (see marker_text_regexp), to learn in one pass which of them
    a text may hold; None if RE2 cannot build it (each pattern is then searched on its own)."""
    options = re2.Options()
    options.max_mem = PATTERN_MEMORY * max(1, len(patterns))
    options.log_errors = False
    screen = re2.Set.SearchSet(options)
    try:
        for pattern in patterns:
            screen.Add("(?m)" + re2_pattern(pattern)[0])
        screen.Compile()
    except re2.error:
        return None
    return screen


def check_marker_pattern(pattern: str) -> str:
    """Why RE2 cannot run a (valid Python) marker pattern as Python would, or "" if it can."""
    if len(pattern) > MAX_PATTERN:
        return f"is {len(pattern)} characters long, over the limit of {MAX_PATTERN}; split it into several markers"
    try:
        pattern.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"holds a lone surrogate ({pattern[exc.start]!r}), which is not text; write the character it was meant to be"
    written, why = re2_pattern(pattern)
    if why:
        return f"uses {why}"
    try:
        re2.compile(written, _RE2_OPTIONS)
    except re2.error as exc:
        message = exc.args[0].decode("utf-8", "replace") if isinstance(exc.args[0], bytes) else str(exc.args[0])
        for known, what, instead in _UNSUPPORTED:
            if re.match(known, message):
                return f"uses {what}, which the marker engine (RE2, linear-time) does not support; {instead}"
        return f"is not supported by the marker engine (RE2, linear-time): {message}"
    return ""
