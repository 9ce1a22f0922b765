"""The curated layer in annotations/: article corrections, events and statements, with every problem in their files (pure).

An object is kept when its id is known, so cross-file checks still see it; a required value that
is missing or invalid becomes "" (already reported here, so validation skips it), an optional one None.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from archive.edtf import edtf_bounds, edtf_unread, is_valid_edtf
from archive.model import Annotations, Correction, Event, EventArticle, Link, Location, Problem, Statement, error
from archive.names import id_problem, suggest_id
from archive.registry import REGISTRY_STEMS, URL
from archive.yamlio import (
    YamlList,
    YamlMap,
    check_keys,
    closest,
    decode_yaml_bytes,
    describe,
    did_you_mean,
    get_choice,
    get_format,
    get_map,
    get_mappings,
    get_slug,
    get_str,
    get_str_list,
    parse_yaml,
    read_yaml_files,
)

FOLDERS = ("articles", "events", "statements")
CORRECTION_KEYS = (
    "title",
    "date",
    "date_evidence",
    "event_date",
    "source",
    "source_evidence",
    "republisher",
    "url",
    "archived_url",
    "retrieved",
    "language",
    "speakers",
    "topics",
    "notes",
)
CHANGE_KEYS = ("add", "remove")
EVENT_KEYS = (("title", "date", "articles"), ("place", "description"))
EVENT_ARTICLE_KEYS = (("article", "role"), ("note",))
STATEMENT_KEYS = (("id", "article", "quote", "speaker"), ("prefix", "suffix", "date", "topics", "note", "links"))
LINK_KEYS = (("to", "type"), ("note",))
ROLES = ("primary-record", "report", "rewrite", "republication")
LINK_TYPES = ("same-statement", "repeats", "updates", "contradicts", "responds-to", "context")
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*")
# The characters EDTF uses, no space at either end; archive.dates then decides what is valid.
EDTF_SHAPE = re.compile(r"[-0-9XYEST:Z+?~%./\[\]{},](?:[-0-9XYEST:Z+?~%./\[\]{}, ]*[-0-9XYEST:Z+?~%./\[\]{},])?")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NEEDS = {
    "articles": "at least one correction, like `title` or `date`",
    "events": "the keys `title`, `date` and `articles`",
    "statements": "the key `statements`",
}
_EVIDENCE = (("date", "date_evidence"), ("source", "source_evidence"))


def load_annotations(annotations_dir: Path, display_prefix: str = "annotations") -> tuple[Annotations, tuple[Problem, ...]]:
    """Read and parse every YAML file in `annotations_dir` except the registries, which load_registry reads."""
    files, unread = read_yaml_files(annotations_dir, display_prefix)
    annotations, problems = annotations_from_files(files, display_prefix)
    return annotations, tuple(sorted([*unread, *problems], key=Problem.sort_key))


def annotations_from_files(files: Mapping[str, bytes], display_prefix: str = "annotations") -> tuple[Annotations, tuple[Problem, ...]]:
    """Corrections, events and statements from the annotation folder's files as read; the registry files are left."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for path, data in files.items():
        if _is_registry(path, display_prefix):
            continue
        text, found = decode_yaml_bytes(data, path)
        problems.extend(found)
        if text is not None:
            texts[path] = text
    annotations, found = parse_annotations(texts, display_prefix)
    return annotations, tuple(sorted([*problems, *found], key=Problem.sort_key))


def parse_annotations(files: Mapping[str, str], prefix: str = "annotations") -> tuple[Annotations, tuple[Problem, ...]]:
    """Corrections, events and statements from decoded files keyed by display path; registry files are skipped."""
    corrections: list[Correction] = []
    events: list[Event] = []
    statements: list[Statement] = []
    problems: list[Problem] = []
    first_paths: dict[tuple[str, str], str] = {}  # (folder, stem) -> path: x.yml and x.yaml name one id
    first_statements: dict[str, Location] = {}
    for path in sorted(files):
        if _is_registry(path, prefix):
            continue
        folder, found = _folder(path, prefix)
        problems += found
        if folder is None:
            continue
        stem = PurePosixPath(path).stem
        if folder != "events" and (why := id_problem(stem)) is not None:  # an event's name is its id, checked below
            problems.append(error(path, 0, f"file name cannot be an id: {why}; rename it to {suggest_id(stem)}{PurePosixPath(path).suffix}"))
            continue
        if folder != "statements" and first_paths.setdefault((folder, stem), path) != path:
            problems.append(error(path, 0, f"both {first_paths[folder, stem]} and {path} exist; keep one"))
            continue
        node, found = _load(files[path], path, _NEEDS[folder])
        problems += found
        if node is None:
            continue
        if folder == "articles":
            correction, found = _parse_correction(node, path, stem)
            corrections.append(correction)
            problems += found
        elif folder == "events":
            event, found = _parse_event(node, path, stem)
            events += [event] if event is not None else []
            problems += found
        else:
            parsed, found = _parse_statements(node, path)
            problems += found
            for statement in parsed:
                first = first_statements.setdefault(statement.id, statement.location)
                if first == statement.location:
                    statements.append(statement)
                    continue
                where = f"line {first.line}" if first.path == path else str(first)
                problems.append(error(path, statement.location.line, f"duplicate statement id `{statement.id}`, first defined on {where}"))
    annotations = Annotations(
        corrections=tuple(sorted(corrections, key=lambda correction: correction.article)),
        events=tuple(sorted(events, key=lambda event: event.id)),
        statements=tuple(sorted(statements, key=lambda statement: statement.id)),
    )
    return annotations, tuple(sorted(problems, key=Problem.sort_key))


def _is_registry(path: str, prefix: str) -> bool:
    return path in {_under(prefix, f"{stem}.{extension}") for stem in REGISTRY_STEMS for extension in ("yml", "yaml")}


def _under(prefix: str, name: str) -> str:
    return f"{prefix.rstrip('/')}/{name}" if prefix else name


def _folder(path: str, prefix: str) -> tuple[str | None, list[Problem]]:
    """The annotation folder a file is in, or None with a problem when it is somewhere else."""
    base = _under(prefix, "")
    parts = (path[len(base) :] if base and path.startswith(base) else path).split("/")
    if len(parts) == 2 and parts[0] in FOLDERS:
        return parts[0], []
    if len(parts) > 2 and parts[0] in FOLDERS:
        inner = "/".join(parts[1:-1])
        return None, [error(path, 0, f"unexpected subfolder `{inner}`; put the file directly in {_under(prefix, parts[0])}/")]
    if len(parts) == 1:
        message = f"unexpected file `{parts[0]}`"
        matches = closest(PurePosixPath(parts[0]).stem, REGISTRY_STEMS)
        suggestion = "; did you mean " + " or ".join(f"`{match}.yml`" for match in matches) + "?" if matches else ""
    else:
        message = f"unexpected folder `{parts[0]}`"
        suggestion = did_you_mean(parts[0], FOLDERS)
    separator = " " if suggestion else ". "
    places = ", ".join(f"{_under(prefix, folder)}/" for folder in FOLDERS[:-1]) + f" or {_under(prefix, FOLDERS[-1])}/"
    return None, [error(path, 0, f"{message}{suggestion}{separator}Annotation files go in {places}")]


def _load(text: str, path: str, needs: str) -> tuple[YamlMap | None, list[Problem]]:
    """A file's top-level mapping, or None with the problems that stop it being read."""
    data, problems = parse_yaml(text, path)
    if problems:
        return None, list(problems)
    if data is None:
        return None, [error(path, 0, f"the file is empty; it must be a mapping with {needs}")]
    if not isinstance(data, YamlMap):
        line = data.location.line if isinstance(data, YamlList) else 0  # a bare scalar has no line of its own
        return None, [error(path, line, f"the file must be a mapping with {needs}, found {describe(data)}")]
    return data, []


def _parse_correction(node: YamlMap, path: str, article: str) -> tuple[Correction, list[Problem]]:
    """annotations/articles/<article-id>.yml."""
    what = f"correction for article '{article}'"
    problems = check_keys(node, path, what, (), CORRECTION_KEYS)
    if not node:
        problems.append(error(path, node.location.line, f"{what} is empty; give at least one of: {', '.join(CORRECTION_KEYS)}"))
    values: dict[str, str | None] = {}
    for key in ("title", "date_evidence", "source_evidence", "notes"):
        values[key], found = get_str(node, key, path, what)
        problems += found
    for key in ("date", "event_date", "retrieved"):
        values[key], found = _get_edtf(node, key, path, what)
        problems += found
    for key in ("source", "republisher"):
        values[key], found = get_slug(node, key, path, what)
        problems += found
    for key in ("url", "archived_url"):
        values[key], found = get_format(node, key, path, what, URL, "an http(s) URL like https://tass.com/politics/2076217")
        problems += found
    values["language"], found = get_format(node, "language", path, what, LANGUAGE, "a language tag like en, ru or pt-BR")
    problems += found
    for key, evidence in _EVIDENCE:
        if key in node and evidence not in node:
            problems.append(error(path, node.key_line(key), f"key `{key}` in {what} needs `{evidence}`: say how the {key} is known"))
    speakers_add, speakers_remove, speaker_lines, found = _get_changes(node, "speakers", path, what)
    problems += found
    topics_add, topics_remove, topic_lines, found = _get_changes(node, "topics", path, what)
    problems += found
    lines = [(key, node.key_line(key)) for key in node if key in CORRECTION_KEYS] + speaker_lines + topic_lines
    correction = Correction(
        article,
        node.location,
        **values,
        speakers_add=speakers_add,
        speakers_remove=speakers_remove,
        topics_add=topics_add,
        topics_remove=topics_remove,
        field_lines=tuple(sorted(lines, key=lambda pair: pair[1])),
    )
    return correction, problems


def _get_changes(
    node: YamlMap, key: str, path: str, what: str
) -> tuple[tuple[str, ...], tuple[str, ...], list[tuple[str, int]], list[Problem]]:
    """The `add` and `remove` ids of `speakers` or `topics`, and the lines of those keys as "speakers.add"."""
    changes, problems = get_map(node, key, path, what)
    if changes is None:
        return (), (), [], problems
    inner = f"`{key}` of {what}"
    problems += check_keys(changes, path, inner, (), CHANGE_KEYS)
    if not changes:
        problems.append(error(path, node.key_line(key), f"key `{key}` in {what} is empty; give `add` or `remove`, or delete it"))
    add, found = _get_ids(changes, "add", path, inner)
    problems += found
    remove, found = _get_ids(changes, "remove", path, inner)
    problems += found
    problems += [
        error(path, changes.key_line("remove"), f"{inner} both adds and removes '{ident}'; keep one")
        for ident in add
        if ident in remove
    ]
    lines = [(f"{key}.{name}", changes.key_line(name)) for name in CHANGE_KEYS if name in changes]
    return add, remove, lines, problems


def _get_ids(node: YamlMap, key: str, path: str, what: str) -> tuple[tuple[str, ...], list[Problem]]:
    """A list of distinct ids, each malformed one reported at its own line with a suggested spelling."""
    items, problems = get_str_list(node, key, path, what)
    ids: list[str] = []
    for index, item in enumerate(items or ()):
        ident, found = _as_id(item, Location(path, node[key].item_line(index)), f"item {index + 1} of `{key}` in {what}")
        problems += found
        ids += [ident] if ident is not None else []
    return tuple(ids), problems


def _as_id(value: str, location: Location, what: str) -> tuple[str | None, list[Problem]]:
    """get_slug's check and message for a value that is not a mapping's own key: a list item or a file name."""
    holder = YamlMap(location)
    holder["id"] = value
    return get_slug(holder, "id", location.path, what)


def _get_edtf(node: YamlMap, key: str, path: str, what: str) -> tuple[str | None, list[Problem]]:
    """An EDTF date string naming real days, or None when the key is absent or holds something else."""
    if key not in node:
        return None, []
    value = node[key]
    if isinstance(value, str) and EDTF_SHAPE.fullmatch(value) and is_valid_edtf(value):
        return value, []
    line = node.key_line(key)
    if isinstance(value, str) and value.strip():
        return None, [error(path, line, f"invalid EDTF date '{value}': {_edtf_advice(value)}")]
    hint = ""
    if isinstance(value, int) and not isinstance(value, bool):
        hint = f"; write it in quotes: '{value}'"
    elif isinstance(value, list) and all(isinstance(item, (str, int)) and not isinstance(item, bool) for item in value):
        written = "[" + ",".join(str(item) for item in value) + "]"
        hint = f"; write the set in quotes: '{written}'" if is_valid_edtf(written) else ""
    return None, [error(path, line, f"key `{key}` in {what} must be an EDTF date like 2026-02-06, found {describe(value)}{hint}")]


def _edtf_advice(value: str) -> str:
    """Why a string is not a valid EDTF date, as precisely as can be told."""
    stripped = value.strip()
    if stripped != value and EDTF_SHAPE.fullmatch(stripped) and is_valid_edtf(stripped):
        return "remove the spaces around it"
    if edtf_unread(value):
        return edtf_unread(value)
    for year, month, day in _DAY.findall(value):
        if not 1 <= int(month) <= 12:
            return f"there is no month {month}"
        days = calendar.monthrange(max(int(year), 1), int(month))[1]
        if not 1 <= int(day) <= days:
            return f"{calendar.month_name[int(month)]} {int(year)} has {days} days"
    ends = [edtf_bounds(part) for part in value.split("/")]
    if len(ends) == 2 and ends[0] is not None and ends[1] is not None and ends[0][0] > ends[1][1]:
        return "the interval ends before it starts"
    return "write YYYY-MM-DD, YYYY-MM or YYYY; EDTF adds ? (uncertain), ~ (approximate), X (unspecified digit), [a,b] (one of) and a/b (from a to b)"


def _parse_event(node: YamlMap, path: str, stem: str) -> tuple[Event | None, list[Problem]]:
    """annotations/events/<event-id>.yml."""
    ident, problems = _as_id(stem, Location(path, 0), "the file name")
    what = f"event '{stem}'"
    problems += check_keys(node, path, what, *EVENT_KEYS)
    title, found = get_str(node, "title", path, what)
    problems += found
    date, found = _get_edtf(node, "date", path, what)
    problems += found
    place, found = get_str(node, "place", path, what)
    problems += found
    description, found = get_str(node, "description", path, what)
    problems += found
    if isinstance(node.get("articles"), YamlList) and not node["articles"]:
        problems.append(error(path, node.key_line("articles"), f"key `articles` in {what} is empty; list the articles that cover the event"))
    items, found = get_mappings(node, "articles", path, what)
    problems += found
    entries: list[EventArticle] = []
    first: dict[str, int] = {}
    for index, item in items:
        entry = f"article {index + 1} of {what}"
        problems += check_keys(item, path, entry, *EVENT_ARTICLE_KEYS)
        article, found = get_str(item, "article", path, entry)
        problems += found
        role, found = get_choice(item, "role", path, entry, ROLES)
        problems += found
        note, found = get_str(item, "note", path, entry)
        problems += found
        if article is None:
            continue
        if article in first:
            problems.append(error(path, item.location.line, f"{what} lists article '{article}' twice (items {first[article] + 1} and {index + 1})"))
            continue
        first[article] = index
        entries.append(EventArticle(article, role or "", note, item.location))
    if ident is None:
        return None, problems
    return Event(ident, title or "", date or "", place, description, tuple(entries), node.location), problems


def _parse_statements(node: YamlMap, path: str) -> tuple[list[Statement], list[Problem]]:
    """annotations/statements/<name>.yml: the statements with a valid id, in file order."""
    problems = check_keys(node, path, "the file", ("statements",), ())
    if isinstance(node.get("statements"), YamlList) and not node["statements"]:
        problems.append(error(path, node.key_line("statements"), "key `statements` in the file is empty; add a statement or delete the file"))
    items, found = get_mappings(node, "statements", path, "the file")
    problems += found
    statements: list[Statement] = []
    for index, item in items:
        statement, found = _parse_statement(item, path, index)
        problems += found
        statements += [statement] if statement is not None else []
    return statements, problems


def _parse_statement(node: YamlMap, path: str, index: int) -> tuple[Statement | None, list[Problem]]:
    """One entry of `statements`."""
    ident, problems = get_slug(node, "id", path, f"statement #{index + 1}")
    what = f"statement '{ident}'" if ident else f"statement #{index + 1}"
    problems += check_keys(node, path, what, *STATEMENT_KEYS)
    texts: dict[str, str | None] = {}
    for key in ("article", "quote", "prefix", "suffix", "note"):
        texts[key], found = get_str(node, key, path, what)
        problems += found
    speaker, found = get_slug(node, "speaker", path, what)
    problems += found
    date, found = _get_edtf(node, "date", path, what)
    problems += found
    topics, found = _get_ids(node, "topics", path, what)
    problems += found
    links, found = _parse_links(node, path, what, ident or "")
    problems += found
    if ident is None:
        return None, problems
    statement = Statement(
        id=ident,
        article=texts["article"] or "",
        quote=texts["quote"] or "",
        prefix=texts["prefix"],
        suffix=texts["suffix"],
        speaker=speaker or "",
        date=date,
        topics=topics,
        note=texts["note"],
        links=links,
        location=node.location,
        quote_line=node.key_line("quote"),
        field_lines=_field_lines(node, ("article", "speaker", "date", "topics"), "topics"),
    )
    return statement, problems


def _field_lines(node: YamlMap, keys: tuple[str, ...], listed: str) -> tuple[tuple[str, int], ...]:
    """The line of each key present, and of each item of the list under `listed` as ("<key minus s>:<item>", line)."""
    lines = [(key, node.key_line(key)) for key in keys if key in node]
    items = node.get(listed)
    if isinstance(items, YamlList):
        lines += [(f"{listed[:-1]}:{item}", items.item_line(i)) for i, item in enumerate(items) if isinstance(item, str)]
    return tuple(lines)


def _parse_links(node: YamlMap, path: str, what: str, source: str) -> tuple[tuple[Link, ...], list[Problem]]:
    """A statement's `links`; a link is kept when its target is a well-formed id."""
    items, problems = get_mappings(node, "links", path, what)
    links: list[Link] = []
    for index, item in items:
        link = f"link {index + 1} of {what}"
        problems += check_keys(item, path, link, *LINK_KEYS)
        target, found = get_str(item, "to", path, link)
        problems += found
        if target is not None:
            target, found = _as_id(target, Location(path, item.key_line("to")), link)
            problems += found
        kind, found = get_choice(item, "type", path, link, LINK_TYPES)
        problems += found
        note, found = get_str(item, "note", path, link)
        problems += found
        if target is not None:
            links.append(Link(source, target, kind or "", note, item.location))
    return tuple(links), problems
