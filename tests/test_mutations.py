"""Every real annotation file, broken the ways contributors break them, gives a clear error on the right line."""

from __future__ import annotations

import re
import shutil

import pytest

from build_archive import main

from conftest import ANNOTATIONS, SEEDS, TODAY

FILES = sorted(str(p.relative_to(ANNOTATIONS)) for p in ANNOTATIONS.rglob("*.yml"))
KEY_LINE = re.compile(r"^(\s*(?:- )?)([a-z_]{4,}):(?=\s|$)")
ID_LINE = re.compile(r"^(\s*(?:- )?)id: (\S+)")
QUOTE_LINE = re.compile(r'^(\s*)quote: "(.*)"$')
NESTED_LINE = re.compile(r"^( {4,})([a-z_]+):")
TOP_LEVEL_KEY = re.compile(r"^([a-z_]+):")
REFERENCE_LINE = re.compile(r"^(\s*(?:- )?)(source|republisher|speaker|article): \S+")


def first(lines: list[str], pattern: re.Pattern[str]) -> int | None:
    """Index of the first line matching pattern, outside comments."""
    return next((i for i, line in enumerate(lines) if pattern.match(line)), None)


def typo_in_key(lines: list[str]) -> tuple[int, str] | None:
    index = first(lines, KEY_LINE)
    if index is None:
        return None
    prefix, key = KEY_LINE.match(lines[index]).groups()
    typo = key[0] + key[2] + key[1] + key[3:]
    lines[index] = lines[index].replace(f"{prefix}{key}:", f"{prefix}{typo}:", 1)
    return index + 1, f"unknown key `{typo}`"


def bad_id(lines: list[str]) -> tuple[int, str] | None:
    index = first(lines, ID_LINE)
    if index is not None:
        prefix, _ = ID_LINE.match(lines[index]).groups()
        lines[index] = f"{prefix}id: Not_A Slug"
        return index + 1, "invalid id `Not_A Slug`"
    index = first(lines, REFERENCE_LINE)  # files named by their id: break a reference instead
    if index is None:
        return None
    prefix, key = REFERENCE_LINE.match(lines[index]).groups()
    lines[index] = f"{prefix}{key}: no-such-id"
    return index + 1, "unknown"


def one_word_changed_in_a_quote(lines: list[str]) -> tuple[int, str] | None:
    index = first(lines, QUOTE_LINE)
    if index is None:
        return None
    indent, quote = QUOTE_LINE.match(lines[index]).groups()
    words = quote.split(" ")
    words[len(words) // 2] = "banana"
    lines[index] = f'{indent}quote: "{" ".join(words)}"'
    return index + 1, "quote not found in article"


def bad_indentation(lines: list[str]) -> tuple[int, str] | None:
    index = first(lines, NESTED_LINE)
    if index is not None:
        lines[index] = lines[index][3:]  # pull a nested key out of its mapping
        return index + 1, ""
    keys = [i for i, line in enumerate(lines) if TOP_LEVEL_KEY.match(line)]
    if len(keys) < 2:
        return None
    lines[keys[1]] = " " + lines[keys[1]]  # push a top-level key one space in
    return keys[1] + 1, ""


def tab_indentation(lines: list[str]) -> tuple[int, str] | None:
    index = first(lines, NESTED_LINE)
    if index is None:
        index = next((i for i, line in enumerate(lines) if TOP_LEVEL_KEY.match(line)), None)
    if index is None:
        return None
    lines[index] = "\t" + lines[index].lstrip(" ")
    return index + 1, "indent with spaces, not tabs"


SPEAKER_LINE = re.compile(r"^(\s*)speaker: \S+")


def unknown_speaker(lines: list[str]) -> tuple[int, str] | None:
    index = first(lines, SPEAKER_LINE)
    if index is None:
        return None
    lines[index] = f"{SPEAKER_LINE.match(lines[index]).group(1)}speaker: sergey-lavrof"
    return index + 1, "unknown person 'sergey-lavrof'"


MUTATIONS = [typo_in_key, bad_id, one_word_changed_in_a_quote, bad_indentation, tab_indentation, unknown_speaker]
# Only the mutations that apply to a file: a quote can only be broken where there are quotes.
CASES = [
    (f, m) for f in FILES for m in MUTATIONS
    if m((ANNOTATIONS / f).read_text(encoding="utf-8").split("\n")) is not None
]


@pytest.mark.parametrize(("name", "mutate"), CASES, ids=[f"{f}-{m.__name__}" for f, m in CASES])
def test_broken_annotation_file_gives_a_clear_error(tmp_path, capsys, name, mutate):
    annotations = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, annotations)
    path = annotations / name
    lines = path.read_text(encoding="utf-8").split("\n")
    line, expected = mutate(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    code = main(["check", "--seeds", str(SEEDS), "--annotations", str(annotations), "--today", TODAY.isoformat()])
    err = capsys.readouterr().err.replace(str(tmp_path) + "/", "")
    assert code == 1, err
    assert "Traceback" not in err and "internal error" not in err
    errors = [e for e in err.splitlines() if f"annotations/{name}:" in e and ": error: " in e]
    # The error is on the broken line, or (for YAML syntax) on the line that opens what it broke.
    lines_named = {int(e.split(":")[1]) for e in errors}
    assert any(abs(n - line) <= 1 for n in lines_named), err
    if mutate is unknown_speaker:
        assert line in lines_named, err  # a reference is reported on its own line, not its statement's
    assert expected in err, err
