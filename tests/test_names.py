"""File names that become ids: the rule, the suggested rename, and where annotations apply it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.annotations import parse_annotations
from archive.names import MAX_ID_LENGTH, id_problem, printable, suggest_id

EVENT = "title: Talks\ndate: '2026-02-06'\narticles:\n  - article: a\n    role: report\n"
STATEMENTS = "statements:\n  - id: s\n    article: a\n    quote: q\n    speaker: p\n"


@pytest.mark.parametrize("name", ["000_958310810f9c2547", "2026-02-06-press-conference", "a", "a" * MAX_ID_LENGTH])
def test_ids_the_archive_uses_are_valid(name: str) -> None:
    assert id_problem(name) is None


@pytest.mark.parametrize("name", ["", "Index", "a b", "a__b", "-a", "a-", "a.b", "a`b", "a(b", "a\nb", "é", "index", "a" * (MAX_ID_LENGTH + 1)])
def test_names_that_are_not_safe_ids_are_refused(name: str) -> None:
    assert id_problem(name) is not None


@given(st.text(max_size=300))
def test_the_suggested_rename_is_always_valid(name: str) -> None:
    assert id_problem(suggest_id(name)) is None


@given(st.text(max_size=50))
def test_printable_names_are_one_line_and_encodable(name: str) -> None:
    shown = printable(name)
    assert "\n" not in shown and "\r" not in shown
    shown.encode("utf-8")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("annotations/statements/a`<img src=x onerror=alert(1)>`b.yml",
         "file name cannot be an id: it may hold only lowercase letters and digits, joined by single `_` or `-`; rename it to a-img-src-x-onerror-alert-1-b.yml"),
        ("annotations/articles/Bad Name.yaml",
         "file name cannot be an id: it may hold only lowercase letters and digits, joined by single `_` or `-`; rename it to bad-name.yaml"),
        ("annotations/events/index.yml", "invalid id `index` in the file name: `index` is reserved for the site's own list pages"),
        (f"annotations/events/{'e' * 81}.yml", "invalid id `eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee...` in the file name: it is 81 characters long, over 80"),
    ],
)
def test_annotation_file_names_follow_the_id_rule(path: str, message: str) -> None:
    text = EVENT if "/events/" in path else STATEMENTS if "/statements/" in path else "title: T\n"
    _, problems = parse_annotations({path: text})
    assert [(p.location.path, p.location.line, p.message) for p in problems if "file name" in p.message] == [(path, 0, message)]


def test_a_statement_id_may_not_be_reserved() -> None:
    _, problems = parse_annotations({"annotations/statements/s.yml": STATEMENTS.replace("id: s", "id: index")})
    assert [p.message for p in problems] == ["invalid id `index` in statement #1: `index` is reserved for the site's own list pages"]

