"""Tests for archive/yamlio.py: line numbers, refusals, messages, and no exception for any input."""

from __future__ import annotations

import difflib
import math
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import yamlio
from archive.model import Problem
from archive.yamlio import (
    MAX_BYTES,
    MAX_DEPTH,
    YamlList,
    YamlMap,
    check_keys,
    closest,
    decode_yaml_bytes,
    did_you_mean,
    get_bool,
    get_choice,
    get_int,
    get_list,
    get_map,
    get_slug,
    get_str,
    get_str_list,
    parse_yaml,
    read_yaml_files,
)

FIXTURES = Path(__file__).parent / "fixtures" / "yaml" / "parse"
BAD, _ = read_yaml_files(FIXTURES, "parse")  # each lists the exact problems it must give in `# expect: ` lines


def load(data: bytes, path: str) -> tuple[object | None, tuple[Problem, ...]]:
    """Decode then parse, as a caller would."""
    text, problems = decode_yaml_bytes(data, path)
    return (None, problems) if text is None else parse_yaml(text, path)


def formatted(problems: tuple[Problem, ...] | list[Problem]) -> list[str]:
    return [problem.format() for problem in problems]


def node(text: str) -> YamlMap:
    data, problems = parse_yaml(text, "f.yml")
    assert problems == () and isinstance(data, YamlMap)
    return data


def test_fixtures_are_present() -> None:
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", sorted(BAD))
def test_bad_fixture_gives_exactly_the_expected_problems(path: str) -> None:
    expected = [line[len(b"# expect: "):].decode() for line in BAD[path].splitlines() if line.startswith(b"# expect: ")]
    assert expected, f"{path} declares no `# expect:` lines"
    data, problems = load(BAD[path], path)
    assert data is None
    assert formatted(problems) == expected


def test_lines_of_mappings_keys_and_items() -> None:
    data = node("# comment\npeople:\n  - id: a\n    name: A\n\n  - id: b\n    aliases: [x,\n      y]\n")
    assert data.location.line == 2 and data.key_line("people") == 2
    people = data["people"]
    assert isinstance(people, YamlList) and people.location.line == 3
    assert [people.item_line(0), people.item_line(1)] == [3, 6]
    second = people[1]
    assert isinstance(second, YamlMap) and second.location.line == 6
    assert second.key_line("aliases") == 7 and second.key_line("missing") == 6
    assert [second["aliases"].item_line(0), second["aliases"].item_line(1)] == [7, 8]
    assert data == {"people": [{"id": "a", "name": "A"}, {"id": "b", "aliases": ["x", "y"]}]}


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_survive_any_newline_convention(newline: str) -> None:
    text = newline.join(["a: 1", "b:", "  - x", "a: 2", ""])
    assert formatted(parse_yaml(text, "f.yml")[1]) == ["f.yml:4: error: duplicate key `a`, first defined on line 1"]


def test_line_separators_inside_text_do_not_shift_lines() -> None:
    # PyYAML counts U+2028 as a line break; GitHub and editors do not.
    assert formatted(parse_yaml("a: 'x\u2028y'\na: 2\n", "f.yml")[1]) == [
        "f.yml:2: error: duplicate key `a`, first defined on line 1"
    ]


def test_scalars_follow_yaml_1_2_core_schema() -> None:
    data = node(
        "date: 2026-02-06\nedtf: 2026-02~\ncountry: NO\nword: yes\ntime: 1:20\n"
        "int: 42\nneg: -7\nhex: 0x1F\noct: 0o17\nfloat: 1.5\nexp: 1e3\ninf: -.inf\n"
        "yes_bool: true\nno_bool: FALSE\nnull1: ~\nnull2:\nquoted: '42'\nstr_tag: !!str 12\n"
        "int_tag: !!int '7'\nfloat_tag: !!float 1\nmap: !!map {a: 1}\nseq: !!seq [1]\n"
    )
    assert data == {
        "date": "2026-02-06", "edtf": "2026-02~", "country": "NO", "word": "yes", "time": "1:20",
        "int": 42, "neg": -7, "hex": 31, "oct": 15, "float": 1.5, "exp": 1000.0, "inf": -math.inf,
        "yes_bool": True, "no_bool": False, "null1": None, "null2": None, "quoted": "42", "str_tag": "12",
        "int_tag": 7, "float_tag": 1.0, "map": {"a": 1}, "seq": [1],
    }
    assert type(data["float_tag"]) is float and type(data["yes_bool"]) is bool


def test_nan_is_a_float() -> None:
    assert math.isnan(node("x: .NaN\n")["x"])


def test_empty_and_comment_only_files_give_none_without_problems() -> None:
    assert parse_yaml("", "f.yml") == (None, ())
    assert parse_yaml("# only a comment\n", "f.yml") == (None, ())
    assert parse_yaml("---\n...\n", "f.yml") == (None, ())


def test_byte_order_mark_is_accepted() -> None:
    text, problems = decode_yaml_bytes(b"\xef\xbb\xbfa: 1\n", "f.yml")
    assert problems == () and parse_yaml(text, "f.yml") == ({"a": 1}, ())


def test_utf16_file_is_refused_with_a_line() -> None:
    assert formatted(decode_yaml_bytes("a: 1\n".encode("utf-16"), "f.yml")[1]) == [
        "f.yml:1: error: file is not valid UTF-8: byte 0xff in column 1; save it as UTF-8"
    ]


def test_text_after_an_explicit_document_end_is_refused() -> None:
    assert formatted(parse_yaml("a: 1\n...\nb: 2\n", "f.yml")[1]) == [
        "f.yml:3: error: invalid YAML: expected `---`, but found the start of a mapping;"
        " a file holds one YAML document: remove the `...` line"
    ]


def test_oversized_input_is_refused_before_parsing() -> None:
    big = "a: '" + "x" * MAX_BYTES + "'\n"
    message = f"f.yml: error: file is {len(big)} bytes, over the limit of {MAX_BYTES} bytes; split it into smaller files"
    assert formatted(parse_yaml(big, "f.yml")[1]) == [message]
    assert formatted(decode_yaml_bytes(big.encode(), "f.yml")[1]) == [message]


def test_number_too_long_for_python_is_a_problem_not_a_crash() -> None:
    assert formatted(parse_yaml("n: " + "9" * 5000 + "\n", "f.yml")[1]) == [
        "f.yml:1: error: number '" + "9" * 57 + "...' is too long; put it in quotes if it is text"
    ]


def test_nesting_limit_is_exact() -> None:
    assert parse_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, "f.yml")[1] == ()
    assert formatted(parse_yaml("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "f.yml")[1]) == [
        f"f.yml:1: error: data is nested more than {MAX_DEPTH} levels deep"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200_000 + "]" * 200_000,
        "{a: " * 100_000 + "1" + "}" * 100_000,
        "".join(f"{'  ' * i}k{i}:\n" for i in range(500)),
        "- " * 100_000 + "x\n",
        "[" * 300_000,
    ],
    ids=["flow-lists", "flow-maps", "block-maps", "block-lists", "unclosed"],
)
def test_deep_nesting_gives_a_problem_not_a_recursion_error(text: str) -> None:
    data, problems = parse_yaml(text, "f.yml")
    assert data is None and problems and all(problem.location.line >= 1 for problem in problems)


def test_generated_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 50) + "]" for i in range(1, 30)]
    data, problems = parse_yaml("\n".join(lines), "bomb.yml")
    assert data is None
    assert len(problems) == 30  # one per line, however many aliases it holds
    assert problems[0].format() == (
        "bomb.yml:1: error: anchors and aliases are not allowed in annotation files (found `&a0`); write the value out"
    )


def test_merge_key_is_just_an_unknown_string_key() -> None:
    assert node("<<: {a: 1}\n") == {"<<": {"a": 1}}


def test_check_keys_reports_missing_and_unknown_keys_with_suggestions() -> None:
    data = node("id: s1\nspeeker: x\nzzz: 1\n")
    problems = check_keys(data, "f.yml", "statement 's1'", ("id", "speaker", "quote"), ("note",))
    assert formatted(problems) == [
        "f.yml:1: error: statement 's1' is missing required key `speaker`",
        "f.yml:1: error: statement 's1' is missing required key `quote`",
        "f.yml:2: error: unknown key `speeker` in statement 's1'; did you mean `speaker`? Valid keys: id, speaker, quote, note",
        "f.yml:3: error: unknown key `zzz` in statement 's1'. Valid keys: id, speaker, quote, note",
    ]


def test_check_keys_accepts_a_complete_mapping() -> None:
    assert check_keys(node("id: a\nname: b\n"), "f.yml", "person 'a'", ("id", "name"), ("role",)) == []


def test_closest_ignores_case_and_orders_best_first() -> None:
    assert closest("Wire", ["wire", "ministry"]) == ["wire"]
    assert closest("sergey-lavrof", ["maria-zakharova", "sergey-lavrov", "sergei-lavrov"]) == ["sergey-lavrov", "sergei-lavrov"]
    assert closest("zzz", ["wire", "ministry"]) == []
    assert did_you_mean("orign", ["origin", "republisher"]) == "; did you mean `origin`?"
    assert did_you_mean("sergey-lavrof", ["sergei-lavrov", "sergey-lavrov"]) == "; did you mean `sergey-lavrov` or `sergei-lavrov`?"
    assert did_you_mean("zzz", ["abc"]) == ""


def test_typed_getters_return_values_and_name_key_type_and_finding() -> None:
    data = node("s: text\nn: 3\nb: true\nm: {a: 1}\nl: [x, y]\nbad: [1]\nempty: ''\nnothing:\nflag: 'yes'\nbig: 1.5\n")
    what = "person 'a'"
    assert get_str(data, "s", "f.yml", what) == ("text", [])
    assert get_str(data, "absent", "f.yml", what) == (None, [])
    assert get_int(data, "n", "f.yml", what) == (3, [])
    assert get_bool(data, "b", "f.yml", what) == (True, [])
    assert get_map(data, "m", "f.yml", what) == ({"a": 1}, [])
    assert get_list(data, "l", "f.yml", what) == (["x", "y"], [])
    assert get_str_list(data, "l", "f.yml", what) == (("x", "y"), [])
    cases = {
        (get_str, "bad"): "f.yml:6: error: key `bad` in person 'a' must be a non-empty string, found a list",
        (get_str, "empty"): "f.yml:7: error: key `empty` in person 'a' must be a non-empty string, found an empty string",
        (get_str, "nothing"): "f.yml:8: error: key `nothing` in person 'a' must be a non-empty string, found an empty value",
        (get_int, "b"): "f.yml:3: error: key `b` in person 'a' must be an integer, found a boolean (true)",
        (get_int, "big"): "f.yml:10: error: key `big` in person 'a' must be an integer, found a number (1.5)",
        (get_bool, "flag"): "f.yml:9: error: key `flag` in person 'a' must be true or false, found a string ('yes')",
        (get_map, "l"): "f.yml:5: error: key `l` in person 'a' must be a mapping, found a list",
        (get_list, "m"): "f.yml:4: error: key `m` in person 'a' must be a list, found a mapping",
        (get_str_list, "s"): "f.yml:1: error: key `s` in person 'a' must be a list of strings, found a string ('text')",
        (get_str_list, "bad"): "f.yml:6: error: item 1 of `bad` in person 'a' must be a non-empty string, found an integer (1)",
    }
    for (getter, key), message in cases.items():
        value, problems = getter(data, key, "f.yml", what)
        assert value is None and formatted(problems) == [message]


def test_str_list_items_are_reported_at_their_own_lines() -> None:
    data = node("aliases:\n  - Lavrov\n  - ''\n  - Lavrov\n")
    assert formatted(get_str_list(data, "aliases", "f.yml", "person 'a'")[1]) == [
        "f.yml:3: error: item 2 of `aliases` in person 'a' must be a non-empty string, found an empty string",
        "f.yml:4: error: `aliases` in person 'a' lists 'Lavrov' twice (items 1 and 3)",
    ]


def test_get_slug_suggests_a_slug() -> None:
    data = node("id: Sergey Lavrov\nok: new-start-2\nbad: Сергей\n")
    assert get_slug(data, "ok", "f.yml", "topic #1") == ("new-start-2", [])
    assert formatted(get_slug(data, "id", "f.yml", "person #1")[1]) == [
        "f.yml:1: error: invalid id `Sergey Lavrov` in person #1: use lowercase letters, digits and single hyphens, like `sergey-lavrov`"
    ]
    assert formatted(get_slug(data, "bad", "f.yml", "person #1")[1]) == [
        "f.yml:3: error: invalid bad `Сергей` in person #1: use lowercase letters, digits and single hyphens"
    ]


def test_get_choice_suggests_the_closest_choice() -> None:
    data = node("kind: wires\nrole: origin\n")
    assert get_choice(data, "role", "f.yml", "marker 1", ("origin", "republisher")) == ("origin", [])
    assert formatted(get_choice(data, "kind", "f.yml", "source 'tass'", ("wire", "other"))[1]) == [
        "f.yml:1: error: unknown kind `wires` in source 'tass'; did you mean `wire`? Valid values: wire, other"
    ]


def test_read_yaml_files_finds_yml_and_yaml_recursively_and_sorts(tmp_path: Path) -> None:
    (tmp_path / "events" / "2026").mkdir(parents=True)
    (tmp_path / "people.yml").write_bytes(b"people: []\n")
    (tmp_path / "b.yaml").write_bytes(b"x: 1\n")
    (tmp_path / "events" / "2026" / "talks.yml").write_bytes(b"y: 2\n")
    (tmp_path / "README.md").write_bytes(b"# not yaml\n")
    (tmp_path / "notes.yml.bak").write_bytes(b"z: 3\n")
    (tmp_path / "dir.yml").mkdir()
    files, problems = read_yaml_files(tmp_path, "annotations")
    assert list(files) == ["annotations/b.yaml", "annotations/events/2026/talks.yml", "annotations/people.yml"]
    assert files["annotations/people.yml"] == b"people: []\n"
    assert problems == ()
    assert list(read_yaml_files(tmp_path / "events", "")[0]) == ["2026/talks.yml"]
    assert read_yaml_files(tmp_path / "missing", "annotations") == ({}, ())


def test_read_yaml_files_never_follows_a_link_nor_reads_a_special_file(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "events").mkdir(parents=True)
    (outside / "secret.yml").write_text("token: do-not-publish\n")
    (outside / "events" / "x.yml").write_text("title: x\n")
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    (annotations / "people.yml").symlink_to(outside / "secret.yml")
    (annotations / "events").symlink_to(outside / "events", target_is_directory=True)
    (annotations / "passwd.yml").symlink_to("/etc/passwd")
    os.mkfifo(annotations / "pipe.yml")  # reading a FIFO would block the build forever
    files, problems = read_yaml_files(annotations, "annotations")
    assert files == {}
    assert formatted(problems) == [
        "annotations/events: error: is a symbolic link; the build reads only regular files, never what a link points to: annotation files are UTF-8 YAML text files in the annotations folder",
        "annotations/passwd.yml: error: is a symbolic link; the build reads only regular files, never what a link points to: annotation files are UTF-8 YAML text files in the annotations folder",
        "annotations/people.yml: error: is a symbolic link; the build reads only regular files, never what a link points to: annotation files are UTF-8 YAML text files in the annotations folder",
        "annotations/pipe.yml: error: is not a regular file: annotation files are UTF-8 YAML text files in the annotations folder",
    ]


def test_read_yaml_files_caps_each_file_and_all_of_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_TOTAL_BYTES", 10)
    (tmp_path / "a.yml").write_bytes(b"a: 123\n")  # 7 bytes
    (tmp_path / "b.yml").write_bytes(b"b: 123\n")  # 14 in all: over the cap
    (tmp_path / "big.yml").write_bytes(b"x" * (MAX_BYTES + 1))
    files, problems = read_yaml_files(tmp_path, "")
    assert list(files) == ["a.yml"]
    assert formatted(problems) == [
        "b.yml: error: not read: the annotation files together pass the limit of 10 bytes",
        f"big.yml: error: file is {MAX_BYTES + 1} bytes, over the limit of {MAX_BYTES} bytes; split it into smaller files",
    ]


def test_file_names_in_messages_are_printable(tmp_path: Path) -> None:
    (tmp_path / "bad\nname.yml").symlink_to("/etc/passwd")
    (tmp_path / os.fsdecode(b"\xff.yml")).symlink_to("/etc/passwd")
    _, problems = read_yaml_files(tmp_path, "annotations")
    assert [p.location.path for p in problems] == ["annotations/bad\\nname.yml", "annotations/\\xff.yml"]


def check_result(result: tuple[object | None, tuple[Problem, ...]]) -> None:
    """The contract every input must meet: data only without problems, problems sorted and located."""
    data, problems = result
    assert isinstance(problems, tuple)
    assert data is None or not problems
    assert list(problems) == sorted(problems, key=Problem.sort_key)
    for problem in problems:
        assert problem.severity == "error" and problem.message and problem.location.line >= 0


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_a_result_not_an_exception(text: str) -> None:
    check_result(parse_yaml(text, "f.yml"))


YAML_ALPHABET = st.sampled_from(list("abc019 -:?[]{},#&*!|>'\"%@`\t\n\r\\~.") + ["\u00e9", "\u2028", "\x00", "\ufeff"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_ALPHABET, max_size=80).map("".join))
def test_yaml_like_text_gives_a_result_not_an_exception(text: str) -> None:
    check_result(parse_yaml(text, "f.yml"))


@settings(max_examples=300)
@given(st.binary())
def test_any_bytes_give_a_result_not_an_exception(data: bytes) -> None:
    check_result(load(data, "f.yml"))


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text().map(lambda text: "s" + text),  # the prefix keeps YAML 1.1 and 1.2 agreeing that it is a string
)
KEYS = st.text(max_size=10).map(lambda text: "k" + text)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)),
    max_leaves=30,
)


def walk(data: object, text_lines: int) -> None:
    """Every collection knows a line inside the file, and so does every key and item."""
    if isinstance(data, YamlMap):
        assert 1 <= data.location.line <= text_lines
        for key, value in data.items():
            assert data.location.line <= data.key_line(key) <= text_lines
            walk(value, text_lines)
    elif isinstance(data, YamlList):
        assert 1 <= data.location.line <= text_lines
        for index, value in enumerate(data):
            assert data.location.line <= data.item_line(index) <= text_lines
            walk(value, text_lines)
    else:
        assert data is None or isinstance(data, (str, int, float, bool))


# No deadline: the pure-Python YAML loader takes ~2.5 s a MB, and a loaded machine made one example pass 200 ms.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TREES, st.booleans())
def test_dumped_data_reads_back_equal_with_lines(tree: object, flow: bool) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow)  # ASCII output: PyYAML mis-emits raw U+0085
    data, problems = parse_yaml(text, "f.yml")
    assert problems == ()
    assert data == tree
    walk(data, text.count("\n") + 1)



IDS = st.text(alphabet="abcdefgh0123456789_-", min_size=1, max_size=12)


@settings(max_examples=300)
@given(IDS, st.lists(IDS, max_size=30))
def test_closest_suggests_what_difflib_alone_would(name: str, choices: list[str]) -> None:
    """The rapidfuzz pass only skips what difflib would not suggest."""
    by_fold: dict[str, str] = {}
    for choice in choices:
        by_fold.setdefault(choice.casefold(), choice)
    alone = [by_fold[m] for m in difflib.get_close_matches(name.casefold(), list(by_fold), n=3, cutoff=0.6)]
    assert closest(name, choices) == alone
