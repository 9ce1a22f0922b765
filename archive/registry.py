"""The registries in annotations/: people, topics and sources as frozen objects, with every problem found (pure)."""

from __future__ import annotations

import datetime
import itertools
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from archive.edtf import edtf_bounds
from archive.extract import fold, matchable
from archive.markers import MAX_PATTERN, check_marker_pattern, marker_regexp
from archive.model import Person, Problem, Registry, Role, Source, SourceMarker, Topic, error, warning
from archive.yamlio import (
    YamlList,
    YamlMap,
    check_keys,
    decode_yaml_bytes,
    describe,
    did_you_mean,
    get_choice,
    get_format,
    get_mappings,
    get_slug,
    get_str,
    get_str_list,
    parse_yaml,
    read_yaml_files,
)

T = TypeVar("T", Person, Topic, Source)

# "ministry" covers any government office (a presidency, a ministry, an agency); international organisations and
# think tanks publish much of what the field reads and are neither.
SOURCE_KINDS = (
    "wire", "ministry", "state-media", "newspaper", "broadcaster", "magazine", "republisher", "agency",
    "international-organization", "think-tank", "other",
)
MARKER_ROLES = ("origin", "republisher")
MAX_PATTERNS = 500  # pattern markers in all sources: each is tried on every line of every seed
COUNTRIES = frozenset("""
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
    EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
    LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())  # ISO 3166-1 alpha-2, officially assigned codes
_COUNTRY_SLIPS = {"UK": "GB", "EL": "GR"}  # codes people write that ISO 3166-1 does not use
WIKIDATA = re.compile(r"Q[1-9][0-9]*")
URL = re.compile(r"https?://[^\s/?#]+(?:[/?#]\S*)?")
# A term's ends: one day, month or year as precise as the source says, optionally uncertain (?) or approximate (~).
TERM_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~]?")

PERSON_KEYS = (("id", "name"), ("aliases", "roles", "wikidata", "note"))
ROLE_KEYS = (("title",), ("from", "to", "note"))
TOPIC_KEYS = (("id", "name", "keywords"), ("description",))
SOURCE_KEYS = (("id", "name", "kind"), ("country", "home", "markers", "offices"))
MARKER_KEYS = ((), ("text", "pattern", "role"))

REGISTRY_STEMS = ("people", "topics", "sources")
# Every seed line is matched against every name, keyword and marker: thousands of entries fit, and check stays fast.
REGISTRY_MAX_BYTES = 256_000
REGISTRY_ADVICE = "a registry is kept small because every seed line is matched against it; shorten notes, or raise the limit in a code change"


def _registry_paths(prefix: str, stem: str) -> tuple[str, str]:
    """The display paths a registry file may have: `<prefix>/<stem>.yml` or `.yaml`."""
    base = f"{prefix.rstrip('/')}/{stem}" if prefix else stem
    return f"{base}.yml", f"{base}.yaml"


def load_registry(annotations_dir: Path, display_prefix: str = "annotations") -> tuple[Registry, tuple[Problem, ...]]:
    """Read and parse people.yml, topics.yml and sources.yml in `annotations_dir`."""
    raw, unread = read_yaml_files(annotations_dir, display_prefix)
    registry, problems = registry_from_files(raw, display_prefix)
    return registry, tuple(sorted([*unread, *problems], key=Problem.sort_key))


def registry_from_files(raw: Mapping[str, bytes], display_prefix: str = "annotations") -> tuple[Registry, tuple[Problem, ...]]:
    """The registry from the annotation folder's files as read (bytes keyed by display path); other files are left."""
    texts: dict[str, str | None] = {}
    problems: list[Problem] = []
    for stem in REGISTRY_STEMS:
        for path in _registry_paths(display_prefix, stem):
            if path in raw:
                texts[path], found = decode_yaml_bytes(raw[path], path, REGISTRY_MAX_BYTES, REGISTRY_ADVICE)
                problems.extend(found)
    registry, found = parse_registry(texts, display_prefix)
    return registry, tuple(sorted([*problems, *found], key=Problem.sort_key))


def parse_registry(
    files: Mapping[str, str | None], prefix: str = "annotations"
) -> tuple[Registry, tuple[Problem, ...]]:
    """People, topics and sources from texts keyed by display path; a None text was unreadable and is reported."""
    people, people_problems = _parse_file(files, prefix, "people", "person", _parse_person)
    topics, topic_problems = _parse_file(files, prefix, "topics", "topic", _parse_topic)
    sources, source_problems = _parse_file(files, prefix, "sources", "source", _parse_source)
    sources, limit_problems = _limit_patterns(sources)
    problems = [
        *people_problems,
        *topic_problems,
        *source_problems,
        *limit_problems,
        *_check_names(people),
        *_check_keywords(topics),
        *_check_markers(sources),
        *_check_offices(sources, people),
    ]
    registry = Registry(
        people=tuple(sorted((person for person, _ in people), key=lambda person: person.id)),
        topics=tuple(sorted((topic for topic, _ in topics), key=lambda topic: topic.id)),
        sources=tuple(sorted((source for source, _ in sources), key=lambda source: source.id)),
    )
    return registry, tuple(sorted(problems, key=Problem.sort_key))


def _parse_file(
    files: Mapping[str, str | None],
    prefix: str,
    stem: str,
    noun: str,
    parse_entry: Callable[[YamlMap, str, str, str | None], tuple[T | None, list[Problem]]],
) -> tuple[list[tuple[T, YamlMap]], list[Problem]]:
    """The valid entries of one registry file, each with its YAML node, and the file's problems."""
    present = [path for path in _registry_paths(prefix, stem) if path in files]
    if not present:
        expected = _registry_paths(prefix, stem)[0]
        return [], [error(expected, 0, f"file not found; the archive needs its list of {stem} here")]
    path = present[0]
    problems = [error(other, 0, f"both {path} and {other} exist; keep one") for other in present[1:]]
    text = files[path]
    if text is None:
        return [], problems
    data, found = parse_yaml(text, path)
    if found:
        return [], [*problems, *found]
    if data is None:
        return [], [*problems, error(path, 0, f"the file is empty; it must be a mapping with the key `{stem}`")]
    if not isinstance(data, YamlMap):
        line = data.location.line if isinstance(data, YamlList) else 1
        message = f"the file must be a mapping with the key `{stem}`, found {describe(data)}"
        return [], [*problems, error(path, line, message)]
    problems += check_keys(data, path, "the file", (stem,), ())
    entries, found = get_mappings(data, stem, path, "the file")
    problems += found
    parsed: list[tuple[T, YamlMap]] = []
    first_lines: dict[str, int] = {}
    for index, node in entries:
        ident, found = get_slug(node, "id", path, f"{noun} #{index + 1}")
        what = f"{noun} '{ident}'" if ident else f"{noun} #{index + 1}"
        entry, more = parse_entry(node, path, what, ident)
        problems += [*found, *more]
        if ident is not None and ident in first_lines:
            message = f"duplicate {noun} id `{ident}`, first defined on line {first_lines[ident]}"
            problems.append(error(path, node.key_line("id"), message))
        elif ident is not None:
            first_lines[ident] = node.key_line("id")
            if entry is not None and not found:
                parsed.append((entry, node))
    return parsed, problems


def _parse_person(node: YamlMap, path: str, what: str, ident: str | None) -> tuple[Person | None, list[Problem]]:
    """One entry of people.yml."""
    name, name_problems = get_str(node, "name", path, what)
    aliases, alias_problems = get_str_list(node, "aliases", path, what)
    roles, role_problems = _get_roles(node, path, what)
    _, wikidata_problems = get_format(node, "wikidata", path, what, WIKIDATA, "a Wikidata item id like Q156182")
    _, note_problems = get_str(node, "note", path, what)
    problems = [
        *check_keys(node, path, what, *PERSON_KEYS),
        *name_problems,
        *alias_problems,
        *role_problems,
        *wikidata_problems,
        *note_problems,
    ]
    if problems or ident is None or name is None:
        return None, problems
    return Person(ident, name, aliases or (), roles, node.location), problems


def _get_roles(node: YamlMap, path: str, what: str) -> tuple[tuple[Role, ...], list[Problem]]:
    """The `roles` of a person: each a title with the term it was held, `from` no later than `to`."""
    items, problems = get_mappings(node, "roles", path, what)
    roles: list[Role] = []
    for index, item in items:
        role_what = f"role {index + 1} of {what}"
        title, title_problems = get_str(item, "title", path, role_what)
        start, start_problems = _get_term_date(item, "from", path, role_what)
        end, end_problems = _get_term_date(item, "to", path, role_what)
        _, note_problems = get_str(item, "note", path, role_what)
        found = [*check_keys(item, path, role_what, *ROLE_KEYS), *title_problems, *start_problems, *end_problems, *note_problems]
        if start is not None and end is not None and edtf_bounds(start)[0] > edtf_bounds(end)[1]:
            message = f"{role_what} ends (to: {end}) before it starts (from: {start}); check the dates"
            found.append(error(path, item.key_line("to"), message))
        problems += found
        if not found and title is not None:
            roles.append(Role(title, start, end, item.location))
    return tuple(roles), problems + _check_overlaps(roles, path, what)


def _get_term_date(node: YamlMap, key: str, path: str, what: str) -> tuple[str | None, list[Problem]]:
    """A day, month or year (EDTF) that exists, or None when the key is absent or holds something else."""
    if key not in node:
        return None, []
    value = node[key]
    if isinstance(value, str) and TERM_DATE.fullmatch(value) and edtf_bounds(value) is not None:
        return value, []
    hint = f"; write it in quotes: '{value}'" if type(value) is int and TERM_DATE.fullmatch(str(value)) else ""
    message = f"key `{key}` in {what} must be a real date written YYYY-MM-DD, YYYY-MM or YYYY (like 2021-01-26), found {describe(value)}{hint}"
    return None, [error(path, node.key_line(key), message)]


def _term(start: str | None, end: str | None) -> tuple[datetime.date, datetime.date]:
    """The days a term surely covers: from the latest day `start` allows to the earliest `end` allows, open ends unbounded."""
    first = edtf_bounds(start)[1] if start else datetime.date.min
    last = edtf_bounds(end)[0] if end else datetime.date.max
    return first, last


def _check_overlaps(roles: list[Role], path: str, what: str) -> list[Problem]:
    """One person cannot hold the same title twice at once: two terms of one title that surely share a day are an error."""
    problems = []
    for earlier, later in itertools.combinations(roles, 2):
        if _fold(earlier.title) != _fold(later.title):
            continue
        first = max(_term(earlier.start, earlier.end)[0], _term(later.start, later.end)[0])
        last = min(_term(earlier.start, earlier.end)[1], _term(later.start, later.end)[1])
        if first < last:
            message = f"role '{later.title}' of {what} overlaps the term of the same title on line {earlier.location.line};"
            problems.append(error(path, later.location.line, message + " merge the two, or correct `from` and `to`"))
    return problems


def _parse_topic(node: YamlMap, path: str, what: str, ident: str | None) -> tuple[Topic | None, list[Problem]]:
    """One entry of topics.yml."""
    name, name_problems = get_str(node, "name", path, what)
    keywords, keyword_problems = get_str_list(node, "keywords", path, what)
    _, description_problems = get_str(node, "description", path, what)
    problems = [*check_keys(node, path, what, *TOPIC_KEYS), *name_problems, *keyword_problems, *description_problems]
    if keywords == ():
        message = f"key `keywords` in {what} is empty; list at least one phrase that signals the topic"
        problems.append(error(path, node.key_line("keywords"), message))
    if problems or ident is None or name is None or not keywords:
        return None, problems
    return Topic(ident, name, keywords, node.location), problems


def _parse_source(node: YamlMap, path: str, what: str, ident: str | None) -> tuple[Source | None, list[Problem]]:
    """One entry of sources.yml."""
    name, name_problems = get_str(node, "name", path, what)
    kind, kind_problems = get_choice(node, "kind", path, what, SOURCE_KINDS)
    country, country_problems = _get_country(node, path, what)
    home, home_problems = get_format(node, "home", path, what, URL, "an http(s) URL like https://tass.com")
    markers, marker_problems = _get_markers(node, path, what)
    offices, office_problems = get_str_list(node, "offices", path, what)
    problems = [
        *check_keys(node, path, what, *SOURCE_KEYS),
        *name_problems,
        *kind_problems,
        *country_problems,
        *home_problems,
        *marker_problems,
        *office_problems,
    ]
    if problems or ident is None or name is None or kind is None:
        return None, problems
    return Source(ident, name, kind, country or "", home or "", markers, node.location, offices or ()), problems


def _get_country(node: YamlMap, path: str, what: str) -> tuple[str | None, list[Problem]]:
    """An ISO 3166-1 alpha-2 code, with the right spelling suggested for near misses."""
    if "country" not in node:
        return None, []
    value = node["country"]
    if isinstance(value, str) and value in COUNTRIES:
        return value, []
    guess = _COUNTRY_SLIPS.get(value.upper(), value.upper()) if isinstance(value, str) else ""
    hint = f"; did you mean `{guess}`?" if guess in COUNTRIES else ""
    message = f"key `country` in {what} must be an ISO 3166-1 alpha-2 code like RU or GB, found {describe(value)}{hint}"
    return None, [error(path, node.key_line("country"), message)]


def _get_markers(node: YamlMap, path: str, what: str) -> tuple[tuple[SourceMarker, ...], list[Problem]]:
    """The `markers` of a source as regular expressions: `text` escaped, `pattern` compiled to check it."""
    items, problems = get_mappings(node, "markers", path, what)
    markers: list[SourceMarker] = []
    for index, item in items:
        line = item.location.line
        marker_what = f"marker {index + 1} of {what}"
        text, text_problems = get_str(item, "text", path, marker_what)
        pattern, pattern_problems = get_str(item, "pattern", path, marker_what)
        role, role_problems = get_choice(item, "role", path, marker_what, MARKER_ROLES)
        found = [*check_keys(item, path, marker_what, *MARKER_KEYS), *text_problems, *pattern_problems, *role_problems]
        if "text" in item and "pattern" in item:
            found.append(error(path, line, f"{marker_what} has both `text` and `pattern`; keep one"))
        elif "text" not in item and "pattern" not in item:
            found.append(error(path, line, f"{marker_what} needs `text` (literal) or `pattern` (regular expression)"))
        if pattern is not None:
            found += _check_pattern(pattern, path, item.key_line("pattern"), marker_what)
        problems += found
        if not found:
            markers.append(SourceMarker(re.escape(text) if text is not None else pattern, role or "origin"))
    return tuple(markers), problems


def _check_pattern(pattern: str, path: str, line: int, what: str) -> list[Problem]:
    """A marker's regular expression must compile, mean the same to RE2 as to Python, and not match empty text."""
    if len(pattern) > MAX_PATTERN:
        # Checked first: Python's own compiler is not linear in the pattern's length.
        return [error(path, line, f"key `pattern` in {what} {check_marker_pattern(pattern)}")]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Possible nested set", printed to stderr otherwise
            re.compile(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        return [error(path, line, f"key `pattern` in {what} is not a valid regular expression: {exc}")]
    unsupported = check_marker_pattern(pattern)
    if unsupported:
        return [error(path, line, f"key `pattern` in {what} {unsupported}")]
    if marker_regexp(pattern).search("") is not None:
        return [error(path, line, f"key `pattern` in {what} matches empty text, so it would match every seed")]
    return []


def _limit_patterns(sources: list[tuple[Source, YamlMap]]) -> tuple[list[tuple[Source, YamlMap]], list[Problem]]:
    """The sources with their first MAX_PATTERNS pattern markers (in file order) kept, and a problem if any is not."""
    total = sum("pattern" in item for _, node in sources for item in node.get("markers") or ())
    kept: list[tuple[Source, YamlMap]] = []
    problems: list[Problem] = []
    count = 0
    for source, node in sources:
        markers = []
        for index, marker in enumerate(source.markers):
            count += "pattern" in node["markers"][index]
            if "text" in node["markers"][index] or count <= MAX_PATTERNS:
                markers.append(marker)
            elif not problems:
                message = f"the sources have {total} pattern markers, over the limit of {MAX_PATTERNS}, and this is the first left out:"
                message += " each is tried on every line of every seed; write literal markers as `text`"
                problems.append(error(source.location.path, node["markers"].item_line(index), message))
        kept.append((replace(source, markers=tuple(markers)), node))
    return kept, problems


def _fold(text: str) -> str:
    """Text as the extractor matches it (regardless of case and accents), with spacing normalised too."""
    return " ".join(fold(text).split())


def _spelled(text: str) -> str:
    """Text quoted with its code points, which show what a lone accent or space does not."""
    return f"{text!r} ({' '.join(f'U+{ord(c):04X}' for c in text)})"


def _check_names(people: list[tuple[Person, YamlMap]]) -> list[Problem]:
    """Every name and alias must have a letter or digit and point to one person; repeats within a person are only noise."""
    problems: list[Problem] = []
    owners: dict[str, tuple[str, str, str, int]] = {}  # folded text -> (person id, "name" | "alias", text, line)
    for person, node in people:
        path = person.location.path
        variants = [("name", person.name, node.key_line("name"))]
        variants += [("alias", alias, node["aliases"].item_line(i)) for i, alias in enumerate(person.aliases)]
        for kind, text, line in variants:
            if not matchable(text):
                message = f"{kind} {_spelled(text)} of person '{person.id}' has no letter or digit once case and accents are set aside,"
                problems.append(error(path, line, message + " so it would match in every article; remove it or write the name out"))
                continue
            if _fold(text) not in owners:
                owners[_fold(text)] = (person.id, kind, text, line)
                continue
            other_id, other_kind, other_text, other_line = owners[_fold(text)]
            if other_id == person.id:
                # Spellings with and without diacritics are kept on purpose: readers search both.
                if " ".join(text.casefold().split()) == " ".join(other_text.casefold().split()):
                    message = f"alias '{text}' of person '{person.id}' repeats its {other_kind} '{other_text}' (line {other_line})"
                    problems.append(warning(path, line, message))
            else:
                article = "the name" if other_kind == "name" else "an alias"
                message = f"{kind} '{text}' of person '{person.id}' is also {article} of person '{other_id}' (line {other_line})"
                problems.append(error(path, line, message))
    return problems


def _check_keywords(topics: list[tuple[Topic, YamlMap]]) -> list[Problem]:
    """A keyword must have a letter or digit; one shared by two topics tags every match with both: allowed, but worth a look."""
    problems: list[Problem] = []
    owners: dict[str, tuple[str, int]] = {}
    for topic, node in topics:
        for index, keyword in enumerate(topic.keywords):
            line = node["keywords"].item_line(index)
            if not matchable(keyword):
                message = f"keyword {_spelled(keyword)} of topic '{topic.id}' has no letter or digit once case and accents are set aside,"
                problems.append(error(topic.location.path, line, message + " so it would match in every article; remove it or write the phrase out"))
                continue
            other_id, other_line = owners.setdefault(_fold(keyword), (topic.id, line))
            if other_id != topic.id:
                message = f"keyword '{keyword}' of topic '{topic.id}' is also a keyword of topic '{other_id}'"
                message += f" (line {other_line})"
                problems.append(warning(topic.location.path, line, message))
    return problems


def _check_markers(sources: list[tuple[Source, YamlMap]]) -> list[Problem]:
    """Two markers with the same text would name two outlets for one seed."""
    problems: list[Problem] = []
    owners: dict[str, tuple[str, int]] = {}
    for source, node in sources:
        for index, marker in enumerate(source.markers):
            line = node["markers"].item_line(index)
            if marker.pattern not in owners:
                owners[marker.pattern] = (source.id, line)
                continue
            other_id, other_line = owners[marker.pattern]
            message = f"marker {index + 1} of source '{source.id}' repeats the marker of source '{other_id}'"
            message += f" (line {other_line})"
            problems.append(error(source.location.path, line, message))
    return problems


def _check_offices(sources: list[tuple[Source, YamlMap]], people: list[tuple[Person, YamlMap]]) -> list[Problem]:
    """An office is a role title some person holds, and one outlet publishes it: two would make a page's outlet a guess."""
    titles = {role.title for person, _ in people for role in person.roles}
    problems: list[Problem] = []
    owners: dict[str, tuple[str, int]] = {}
    for source, node in sources:
        for index, office in enumerate(source.offices):
            line = node["offices"].item_line(index)
            if office in owners:
                other_id, other_line = owners[office]
                message = f"office '{office}' of source '{source.id}' is an office of source '{other_id}' too (line {other_line}); keep it in one"
                problems.append(error(source.location.path, line, message))
                continue
            owners[office] = (source.id, line)
            if office not in titles:
                message = f"office '{office}' of source '{source.id}' is the title of no role in people.yml{did_you_mean(office, titles)}"
                problems.append(warning(source.location.path, line, message))
    return problems
