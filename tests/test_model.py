"""Problems as contributors and CI see them."""

from __future__ import annotations

from archive.model import error


def test_a_file_name_cannot_start_another_workflow_command() -> None:
    problem = error("annotations/a,line=1::x\n::error file=y.yml", 3, "bad\n::warning::z")
    assert problem.github() == "::error file=annotations/a%2Cline=1%3A%3Ax%0A%3A%3Aerror file=y.yml,line=3::bad%0A::warning::z"
