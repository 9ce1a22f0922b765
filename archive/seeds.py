"""Seed files: read their bytes, add a new one under its content's name (the only I/O here), decode them into numbered lines."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from archive.files import Refusal, read_regular
from archive.model import Line, Problem, RawSeed, SeedText, error, warning
from archive.names import id_problem, printable, suggest_id

MAX_SEED_BYTES = 20_000_000  # one article; the longest transcripts are well under 1 MB
_UTF8_BOM = b"\xef\xbb\xbf"
_NUMBERED = re.compile(r"(\d+)_")
# Only CR and LF end a line, as in editors and `git diff`; str.splitlines() would also split
# on form feeds and U+2028 and shift every line number after them.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
# Invisible characters that would stop a quote typed by a contributor from matching the text.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[\t \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def read_seeds(directory: Path, display_prefix: str = "seeds") -> tuple[tuple[RawSeed, ...], tuple[Problem, ...]]:
    """Every visible `*.txt` file directly in `directory`, sorted by name, as raw bytes; links and bad names refused.

    Only regular files are read, never through a symbolic link: a seed linking to /etc/passwd or
    /proc/self/environ would otherwise publish the build machine's files.
    """
    seeds: list[RawSeed] = []
    problems: list[Problem] = []
    entries = sorted((e for e in os.scandir(directory) if _visible_seed(e.name)), key=lambda e: e.name)
    for entry in entries:
        path = f"{display_prefix}/{printable(entry.name)}"
        stem = entry.name[: -len(".txt")]
        data = read_regular(Path(entry.path), MAX_SEED_BYTES)
        if isinstance(data, Refusal):
            hint = "; one seed holds one article" if data.size >= 0 else ": a seed is a UTF-8 text file in the seeds folder itself"
            problems.append(error(path, 0, data.why + hint))
        elif (why := id_problem(stem)) is not None:
            problems.append(error(path, 0, f"file name cannot be an article id: {why}; rename it to {suggest_id(stem)}.txt"))
        else:
            seeds.append(RawSeed(path, entry.name, data))
    return tuple(seeds), tuple(problems)


def _visible_seed(name: str) -> bool:
    """Whether a file in the seeds folder is a seed to read: a `*.txt` file not hidden."""
    return name.endswith(".txt") and not name.startswith(".")


def seed_name(data: bytes, existing: Iterable[str]) -> str:
    """A new seed's file name: the next running number after those in `existing` and 16 hex digits of its SHA-256."""
    numbers = [int(m.group(1)) for name in existing if (m := _NUMBERED.match(name))]
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"


def add_seed(source: Path, directory: Path, display_prefix: str = "seeds") -> tuple[str | None, Problem | None]:
    """Copy a collected article into `directory` byte for byte, under seed_name; never over an existing file."""
    shown = printable(str(source))
    data = read_regular(source, MAX_SEED_BYTES)
    if isinstance(data, Refusal):
        return None, error(shown, 0, f"{data.why}; give the article's text as a file of its own")
    if not data.strip():
        return None, error(shown, 0, "is empty; a seed holds one article's text")
    entries = sorted(os.scandir(directory), key=lambda e: e.name)
    # The seeds read_seeds would read; only one of the same size can hold the same bytes, so the others are not read.
    for entry in entries:
        if (
            _visible_seed(entry.name)
            and id_problem(entry.name[: -len(".txt")]) is None
            and entry.is_file(follow_symlinks=False)
            and entry.stat(follow_symlinks=False).st_size == len(data)
            and read_regular(Path(entry.path), MAX_SEED_BYTES) == data
        ):
            return None, error(shown, 0, f"is already in the archive as {display_prefix}/{printable(entry.name)}")
    name = seed_name(data, (entry.name for entry in entries))
    with open(directory / name, "xb") as handle:  # "x": fails rather than replace a file of that name
        handle.write(data)
    return f"{display_prefix}/{name}", None


def decode_seed(raw: RawSeed) -> tuple[SeedText | None, tuple[Problem, ...]]:
    """Decode a seed and tidy its lines, keeping file line numbers; None if no text is left."""
    text, encoding, problems = _decode(raw)
    lines, control_problems = _tidy(raw.path, _LINE_BREAK.split(text))
    problems += control_problems
    if not lines:
        return None, problems + (warning(raw.path, 0, "seed is empty; skipped"),)
    return SeedText(raw, encoding, hashlib.sha256(raw.data).hexdigest(), lines), problems


def _decode(raw: RawSeed) -> tuple[str, str, tuple[Problem, ...]]:
    """The text, the encoding it was read with, and a warning if that was not UTF-8."""
    has_bom = raw.data.startswith(_UTF8_BOM)
    data = raw.data[len(_UTF8_BOM):] if has_bom else raw.data
    try:
        return data.decode("utf-8"), "utf-8-sig" if has_bom else "utf-8", ()
    except UnicodeDecodeError as exc:
        line = len(_LINE_BREAK_BYTES.findall(data, 0, exc.start)) + 1
    # cp1252 leaves five bytes undefined; like browsers, read them as Latin-1 (C1 controls,
    # which _tidy then removes with a warning of their own).
    text = _ESCAPED_BYTE.sub(
        lambda m: chr(ord(m.group()) - 0xDC00), data.decode("cp1252", errors="surrogateescape")
    )
    message = f"not valid UTF-8 (first bad byte at line {line}); decoded as cp1252 — re-save it as UTF-8"
    return text, "cp1252", (warning(raw.path, line, message),)


def _tidy(path: str, texts: list[str]) -> tuple[tuple[Line, ...], tuple[Problem, ...]]:
    """Numbered lines without control characters, NFC, single-spaced, without trailing blanks."""
    lines: list[Line] = []
    found: list[tuple[int, list[str]]] = []
    for number, text in enumerate(texts, 1):
        controls = _CONTROL.findall(text)
        if controls:
            found.append((number, controls))
        text = unicodedata.normalize("NFC", _INVISIBLE.sub("", _CONTROL.sub("", text)))
        lines.append(Line(number, _SPACES.sub(" ", text).strip()))
    while lines and not lines[-1].text:
        lines.pop()
    return tuple(lines), (_control_warning(path, found),) if found else ()


def _control_warning(path: str, found: list[tuple[int, list[str]]]) -> Problem:
    """One warning for all control characters removed from a seed."""
    count = sum(len(chars) for _, chars in found)
    codes = ", ".join(f"U+{ord(c):04X}" for c in sorted({c for _, chars in found for c in chars}))
    numbers = ", ".join(str(number) for number, _ in found)
    return warning(
        path,
        found[0][0],
        f"removed {count} control character{'s' if count != 1 else ''} ({codes}) "
        f"on line{'s' if len(found) != 1 else ''} {numbers}; they are invisible and break quote matching",
    )
