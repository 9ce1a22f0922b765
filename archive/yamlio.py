"""YAML for contributor files: safe loading that keeps line numbers and turns every mistake into a problem."""

from __future__ import annotations

import bisect
import difflib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from archive.files import Refusal, read_regular
from archive.model import Location, Problem, error
from archive.names import id_problem, printable

MAX_BYTES = 1_000_000
MAX_TOTAL_BYTES = 2_000_000  # all annotation files together: a few seconds of parsing and checking
MAX_DEPTH = 50
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_STD + name for name in ("str", "int", "float", "bool", "null"))

# Scalars follow the YAML 1.2 core schema, as yaml-language-server does, not PyYAML's 1.1 one:
# `NO` (Norway), `on` and `2026-02-06` stay strings; `1_000` and `0755` are not octal or grouped.
_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {
    **{sign + inf: float(sign + "inf") for sign in ("", "+", "-") for inf in (".inf", ".Inf", ".INF")},
    **{nan: float("nan") for nan in (".nan", ".NaN", ".NAN")},
}
_INVALID = object()

_TOKENS = {
    "<block end>": "the end of the indented block",
    "<block mapping start>": "the start of a mapping",
    "<block sequence start>": "the start of a list",
    "<stream end>": "the end of the file",
    "<scalar>": "a value",
    "<document start>": "`---`",
    "<document end>": "`...`",
    "<alias>": "an alias",
    "<anchor>": "an anchor",
    "<tag>": "a tag",
    "<directive>": "a directive",
}
_CONTEXTS = {
    "while parsing a block mapping": "in the mapping that starts on line {}",
    "while parsing a block collection": "in the list that starts on line {}",
    "while parsing a flow sequence": "in the [...] list that starts on line {}",
    "while parsing a flow mapping": "in the {{...}} mapping that starts on line {}",
    "while scanning a simple key": "in the key on line {}",
    "while scanning a quoted scalar": "in the quoted value that starts on line {}",
    "while scanning a double-quoted scalar": "in the quoted value that starts on line {}",
}
_HINTS = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put a value that contains ': ' in quotes, or check the indentation"),
    ("could not find expected ':'", "write `key: value`, and quote a value that runs over several lines"),
    ("unknown escape character", "in double quotes a backslash starts an escape: write \\\\ or use single quotes"),
    ("end of stream", "close the quotes or brackets"),
    ("<block end>", "check the indentation"),
    ("<document start>", "a file holds one YAML document: remove the `...` line"),
    ("expected ','", "close the brackets, or quote a value that contains commas or brackets"),
    ("cannot start any token", "put the value in quotes"),
)


class YamlMap(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    __slots__ = ("location", "_key_lines")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self._key_lines: dict[str, int] = {}

    def key_line(self, key: str) -> int:
        """The 1-based line of `key`, or the mapping's own line when the key is absent."""
        return self._key_lines.get(key, self.location.line)


class YamlList(list):
    """A YAML sequence that remembers its own line and the line of each item."""

    __slots__ = ("location", "_item_lines")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self._item_lines: list[int] = []

    def item_line(self, index: int) -> int:
        """The 1-based line where item `index` starts."""
        return self._item_lines[index]


class _Frame:
    """A collection being filled while the event stream is read; the key waiting for its value."""

    __slots__ = ("node", "key")

    def __init__(self, node: YamlMap | YamlList) -> None:
        self.node = node
        self.key: object = None  # None: a key comes next; a str: its value does; _INVALID: skip the value


def _line_counter(text: str) -> Callable[[int], int]:
    """Character offset to 1-based line, counting only newlines as editors and GitHub do (PyYAML also counts U+2028)."""
    breaks = [match.start() for match in re.finditer("\n", text)]
    return lambda index: bisect.bisect_left(breaks, index) + 1


def decode_yaml_bytes(
    data: bytes, path: str, limit: int = MAX_BYTES, advice: str = "split it into smaller files"
) -> tuple[str | None, tuple[Problem, ...]]:
    """A file's bytes as text, or None with a problem (ending in `advice`) when it is over `limit` bytes or not UTF-8."""
    if len(data) > limit:
        return None, (_too_large(path, len(data), limit, advice),)
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
        message = f"file is not valid UTF-8: byte 0x{data[exc.start]:02x} in column {column}; save it as UTF-8"
        return None, (error(path, line, message),)


def parse_yaml(text: str, path: str) -> tuple[object | None, tuple[Problem, ...]]:
    """One YAML document as YamlMap, YamlList and plain scalars; None when the file is empty or has problems."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return None, (_too_large(path, size),)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _line_counter(text)
    problems: list[Problem] = []
    # Only SafeLoader's reader, scanner and parser run: its constructor never sees the events. The pure-Python
    # loader rather than CSafeLoader, so marks and messages are the same on every machine (libyaml accepts
    # some texts PyYAML rejects: a trailing tab, `|#`).
    try:
        data = _build(yaml.SafeLoader(text), path, lines, problems)
    except yaml.reader.ReaderError as exc:
        data = None
        problems.append(error(path, lines(exc.position), _reader_message(exc)))
    except yaml.MarkedYAMLError as exc:
        data = None
        problems.append(_syntax_problem(exc, path, lines, len(text)))
    return (None if problems else data), tuple(sorted(problems, key=Problem.sort_key))


def _build(loader: yaml.SafeLoader, path: str, lines: Callable[[int], int], problems: list[Problem]) -> object | None:
    """Read the event stream into plain data, recording duplicate keys, tags, anchors and depth as problems."""
    stack: list[_Frame] = []
    root: list[object] = []
    documents = 0
    alias_lines: set[int] = set()
    while not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        line = lines(event.start_mark.index)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problems.append(error(path, line, "a file holds one YAML document, but a second one starts here"))
                return None
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            _add(frame.node, frame.node.location.line, stack, root, path, problems)
            continue
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            if line not in alias_lines:
                alias_lines.add(line)
                message = "anchors and aliases are not allowed in annotation files"
                problems.append(error(path, line, f"{message} (found `{sign}{event.anchor}`); write the value out"))
            if isinstance(event, yaml.AliasEvent):
                _add(None, line, stack, root, path, problems)
                continue
        if isinstance(event, yaml.ScalarEvent):
            _add(_scalar(event, path, line, problems), line, stack, root, path, problems)
            continue
        mapping = isinstance(event, yaml.MappingStartEvent)
        if event.tag is not None and event.tag != _STD + ("map" if mapping else "seq"):
            problems.append(error(path, line, _tag_message(event.tag)))
        if len(stack) >= MAX_DEPTH:
            problems.append(error(path, line, f"data is nested more than {MAX_DEPTH} levels deep"))
            return None
        location = Location(path, line)
        stack.append(_Frame(YamlMap(location) if mapping else YamlList(location)))
    return root[0] if root else None


def _add(value: object, line: int, stack: list[_Frame], root: list[object], path: str, problems: list[Problem]) -> None:
    """Put a finished value into the collection on top of the stack, checking it when it is a key."""
    if not stack:
        root.append(value)
        return
    frame = stack[-1]
    node = frame.node
    if isinstance(node, YamlList):
        node.append(value)
        node._item_lines.append(line)
    elif frame.key is None:
        frame.key = _INVALID
        if not isinstance(value, str):
            hint = "; put the key in quotes" if not isinstance(value, (dict, list)) else ""
            problems.append(error(path, line, f"mapping keys must be strings, found {describe(value)}{hint}"))
        elif value in node:
            problems.append(error(path, line, f"duplicate key `{value}`, first defined on line {node.key_line(value)}"))
        else:
            frame.key = value
            node._key_lines[value] = line
    else:
        if frame.key is not _INVALID:
            node[frame.key] = value
        frame.key = None


def _scalar(event: yaml.ScalarEvent, path: str, line: int, problems: list[Problem]) -> object:
    """A scalar's value under the YAML 1.2 core schema; explicit tags other than the standard ones are problems."""
    value = event.value
    if event.tag is None:
        return _resolve(value, path, line, problems) if event.implicit[0] else value
    if event.tag not in _SCALAR_TAGS:
        problems.append(error(path, line, _tag_message(event.tag)))
        return None
    if event.tag == _STD + "str":
        return value
    resolved = _resolve(value, path, line, problems)
    wanted = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[event.tag[len(_STD):]]
    if isinstance(resolved, wanted) and not (isinstance(resolved, bool) and wanted is not bool):
        return float(resolved) if event.tag == _STD + "float" else resolved
    problems.append(error(path, line, f"value '{_clip(value)}' does not match its tag `{_show_tag(event.tag)}`"))
    return None


def _resolve(value: str, path: str, line: int, problems: list[Problem]) -> object:
    """A plain scalar as None, bool, int, float or str."""
    if _NULL.fullmatch(value):
        return None
    if _TRUE.fullmatch(value):
        return True
    if _FALSE.fullmatch(value):
        return False
    if _INT.fullmatch(value):
        try:
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value, 10)
        except ValueError:  # more digits than Python converts
            problems.append(error(path, line, f"number '{_clip(value)}' is too long; put it in quotes if it is text"))
            return None
    if _FLOAT.fullmatch(value):
        return float(value)
    return _SPECIAL_FLOATS.get(value, value)


def _tag_message(tag: str) -> str:
    return f"tag `{_show_tag(tag)}` is not allowed in annotation files; write plain values, lists and mappings"


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag


def _too_large(path: str, size: int, limit: int = MAX_BYTES, advice: str = "split it into smaller files") -> Problem:
    return error(path, 0, f"file is {size} bytes, over the limit of {limit} bytes; {advice}")


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return f"character U+{code:04X} is not allowed in YAML files; remove it"


def _syntax_problem(exc: yaml.MarkedYAMLError, path: str, lines: Callable[[int], int], end: int) -> Problem:
    """A scanner or parser error in plain words, at the line where PyYAML noticed it."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and mark.index >= end:  # an unclosed quote or bracket: point at its start
        mark = exc.context_mark
    line = lines(mark.index) if mark else 0
    problem = exc.problem or exc.context or ""
    problem = problem.replace("character '\\t'", "a tab character").replace("end of stream", "end of the file")
    for token, words in _TOKENS.items():
        problem = problem.replace(f"'{token}'", words).replace(token, words)
    message = f"invalid YAML: {problem}"
    if exc.context in _CONTEXTS and exc.context_mark is not None:
        message += f" ({_CONTEXTS[exc.context].format(lines(exc.context_mark.index))})"
    raw = f"{exc.problem} {exc.context}"
    hint = next((text for needle, text in _HINTS if needle in raw), "")
    return error(path, line, f"{message}; {hint}" if hint else message)


def describe(value: object) -> str:
    """What a value is, for messages: "an integer (5)", "a list", "an empty value"."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, int):
        return f"an integer ({value})" if abs(value) < 10**30 else "an integer"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ('{_clip(value)}')" if value.strip() else "a blank string" if value else "an empty string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def closest(name: str, choices: Iterable[str]) -> list[str]:
    """Up to three of `choices` that look like `name`, best first, ignoring case."""
    by_fold: dict[str, str] = {}
    for choice in choices:
        by_fold.setdefault(choice.casefold(), choice)
    # rapidfuzz's ratio (from the longest common subsequence) is never below difflib's, so its
    # cheap pass over thousands of ids keeps every candidate difflib would take, in one C loop.
    candidates = [match for match, _, _ in process.extract(name.casefold(), list(by_fold), scorer=fuzz.ratio, score_cutoff=59.9, limit=None)]
    matches = difflib.get_close_matches(name.casefold(), sorted(candidates), n=3, cutoff=0.6)
    return [by_fold[match] for match in matches]


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """The suffix "; did you mean `x`?" (or "`x` or `y`") ready to append to a message, or "" if nothing is close."""
    matches = closest(name, choices)
    return "; did you mean " + " or ".join(f"`{match}`" for match in matches) + "?" if matches else ""


def check_keys(
    node: YamlMap, path: str, what: str, required: tuple[str, ...], optional: tuple[str, ...]
) -> list[Problem]:
    """Missing required keys at the mapping's line and unknown keys at their own, with the closest valid key."""
    valid = required + optional
    problems = [
        error(path, node.location.line, f"{what} is missing required key `{key}`") for key in required if key not in node
    ]
    for key in node:
        if key not in valid:
            suggestion = did_you_mean(key, valid)
            separator = " " if suggestion else ". "
            message = f"unknown key `{key}` in {what}{suggestion}{separator}Valid keys: {', '.join(valid)}"
            problems.append(error(path, node.key_line(key), message))
    return problems


def _get(
    node: YamlMap, key: str, path: str, what: str, accepts: Callable[[object], bool], expected: str
) -> tuple[Any, list[Problem]]:
    """The value at `key` if `accepts` it; None when absent, None and a problem naming `expected` otherwise."""
    if key not in node:
        return None, []
    if accepts(node[key]):
        return node[key], []
    return None, [error(path, node.key_line(key), f"key `{key}` in {what} must be {expected}, found {describe(node[key])}")]


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def get_str(node: YamlMap, key: str, path: str, what: str) -> tuple[str | None, list[Problem]]:
    """A non-blank string, or None when the key is absent or holds something else."""
    return _get(node, key, path, what, _is_text, "a non-empty string")


def get_int(node: YamlMap, key: str, path: str, what: str) -> tuple[int | None, list[Problem]]:
    """An integer (not a boolean), or None when the key is absent or holds something else."""
    return _get(node, key, path, what, lambda value: type(value) is int, "an integer")


def get_bool(node: YamlMap, key: str, path: str, what: str) -> tuple[bool | None, list[Problem]]:
    """`true` or `false`, or None when the key is absent or holds something else."""
    return _get(node, key, path, what, lambda value: isinstance(value, bool), "true or false")


def get_map(node: YamlMap, key: str, path: str, what: str) -> tuple[YamlMap | None, list[Problem]]:
    """A nested mapping, or None when the key is absent or holds something else."""
    return _get(node, key, path, what, lambda value: isinstance(value, YamlMap), "a mapping")


def get_list(node: YamlMap, key: str, path: str, what: str) -> tuple[YamlList | None, list[Problem]]:
    """A list, or None when the key is absent or holds something else."""
    return _get(node, key, path, what, lambda value: isinstance(value, YamlList), "a list")


def get_format(
    node: YamlMap, key: str, path: str, what: str, pattern: re.Pattern[str], expected: str
) -> tuple[str | None, list[Problem]]:
    """A string matching `pattern` in full, or None when the key is absent or holds something else."""
    if key not in node:
        return None, []
    value = node[key]
    if isinstance(value, str) and pattern.fullmatch(value):
        return value, []
    return None, [error(path, node.key_line(key), f"key `{key}` in {what} must be {expected}, found {describe(value)}")]


def get_mappings(node: YamlMap, key: str, path: str, what: str) -> tuple[list[tuple[int, YamlMap]], list[Problem]]:
    """The mappings in a list with their 0-based index; any other item is an error at its line."""
    items, problems = get_list(node, key, path, what)
    where = "" if what == "the file" else f" in {what}"
    mappings = []
    for index, item in enumerate(items or ()):
        if isinstance(item, YamlMap):
            mappings.append((index, item))
        else:
            problems.append(error(path, items.item_line(index), f"item {index + 1} of `{key}`{where} must be a mapping, found {describe(item)}"))
    return mappings, problems


def get_str_list(node: YamlMap, key: str, path: str, what: str) -> tuple[tuple[str, ...] | None, list[Problem]]:
    """A list of distinct non-blank strings, each problem at its item's line; None when absent or invalid."""
    items, problems = _get(node, key, path, what, lambda value: isinstance(value, YamlList), "a list of strings")
    first: dict[str, int] = {}
    for index, item in enumerate(items or ()):
        line = items.item_line(index)
        if not _is_text(item):
            message = f"item {index + 1} of `{key}` in {what} must be a non-empty string, found {describe(item)}"
            problems.append(error(path, line, message))
        elif item in first:
            message = f"`{key}` in {what} lists '{_clip(item)}' twice (items {first[item] + 1} and {index + 1})"
            problems.append(error(path, line, message))
        else:
            first[item] = index
    return (None if items is None or problems else tuple(items)), problems


def get_slug(node: YamlMap, key: str, path: str, what: str) -> tuple[str | None, list[Problem]]:
    """An id made of lowercase letters, digits and single hyphens, or None when absent or invalid."""
    value, problems = get_str(node, key, path, what)
    if value is None:
        return value, problems
    if SLUG.fullmatch(value):
        why = id_problem(value)  # too long for a file name, or reserved for a list page
        if why is None:
            return value, problems
        return None, [error(path, node.key_line(key), f"invalid {key} `{_clip(value)}` in {what}: {why}")]
    suggestion = "-".join(re.findall(r"[a-z0-9]+", value.lower()))
    example = f", like `{suggestion}`" if suggestion else ""
    message = f"invalid {key} `{_clip(value)}` in {what}: use lowercase letters, digits and single hyphens{example}"
    return None, [error(path, node.key_line(key), message)]


def get_choice(
    node: YamlMap, key: str, path: str, what: str, choices: tuple[str, ...]
) -> tuple[str | None, list[Problem]]:
    """One of `choices`, with the closest ones suggested otherwise; None when absent or invalid."""
    value, problems = get_str(node, key, path, what)
    if value is None or value in choices:
        return value, problems
    suggestion = did_you_mean(value, choices)
    separator = " " if suggestion else ". "
    message = f"unknown {key} `{_clip(value)}` in {what}{suggestion}{separator}Valid values: {', '.join(choices)}"
    return None, [error(path, node.key_line(key), message)]


def read_yaml_files(directory: Path, display_prefix: str) -> tuple[dict[str, bytes], tuple[Problem, ...]]:
    """Every *.yml and *.yaml file under `directory`, keyed by display path and sorted; links and oversize refused.

    Nothing is read through a symbolic link, file or folder, and only regular files are read. Once
    the files read reach MAX_TOTAL_BYTES the rest are refused, so no pull request can make `check` slow.
    """
    prefix = display_prefix.rstrip("/") + "/" if display_prefix else ""
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    total = 0
    for path, relative in _walk(directory):
        shown = prefix + printable(relative)
        data = read_regular(path, min(MAX_BYTES, MAX_TOTAL_BYTES - total))
        if not isinstance(data, Refusal):
            files[shown] = data
            total += len(data)
        elif data.size > MAX_BYTES:
            problems.append(_too_large(shown, data.size))
        elif data.size >= 0:
            problems.append(error(shown, 0, f"not read: the annotation files together pass the limit of {MAX_TOTAL_BYTES} bytes"))
        else:
            problems.append(error(shown, 0, f"{data.why}: annotation files are UTF-8 YAML text files in the annotations folder"))
    return files, tuple(problems)


def _walk(directory: Path) -> list[tuple[Path, str]]:
    """(path, path relative to `directory` in POSIX form) of every YAML-named entry, sorted; links not followed."""
    found: list[tuple[Path, str]] = []
    for folder, subfolders, names in os.walk(directory, followlinks=False):
        base = Path(folder)
        # A linked folder is listed among the subfolders but never entered; report it as a link.
        links = [name for name in subfolders if (base / name).is_symlink()]
        subfolders[:] = sorted(set(subfolders) - set(links))
        for name in names + links:
            if Path(name).suffix.lower() in (".yml", ".yaml") or name in links:
                found.append((base / name, (base / name).relative_to(directory).as_posix()))
    return sorted(found, key=lambda item: item[1])
