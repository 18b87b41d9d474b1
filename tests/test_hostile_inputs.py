"""Every hostile input of scripts/fixtures/hostile.py, through every entry point, ends in one located line.

In process, each entry point's `main` (the function its make target runs) gets the hostile
spec or recording in place of the real one, and must return non-zero after printing one line,
`file:line:col: #/pointer: message`, and no traceback. Then the make targets themselves run
once each, in a copy of the repository, to show that they stop at that same line.
How long each takes is a benchmark's business: `make bench-hostile`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.build import generate, smoke
from scripts.core import paths, specs
from scripts.fixtures import hostile
from scripts.fixtures.hostile import Hostile
from scripts.replay import serve as mock
from scripts.review import changelog, report

Entry = Callable[[pytest.MonkeyPatch, Path], int]


def _plant(case: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copy the specs (or recordings) folder with the hostile file in place; the scripts read the copy."""
    if case.file.is_relative_to(paths.RECORDINGS_DIR):
        copy, original = tmp_path / "recordings", paths.RECORDINGS_DIR
        monkeypatch.setattr(paths, "RECORDINGS_DIR", copy)
    else:
        copy, original = tmp_path / "specs", paths.SPECS_DIR
        monkeypatch.setattr(paths, "SPECS_DIR", copy)
    shutil.copytree(original, copy)
    target = copy / case.file.relative_to(original)
    target.write_bytes(case.build(case.file.read_text(encoding="utf-8")))
    return target


def _no_server(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the replay server must not start on a broken input")


def _lint(monkeypatch: pytest.MonkeyPatch, planted: Path) -> int:  # what `make lint` runs before Redocly
    return specs.main([str(planted)])


def _generate(monkeypatch: pytest.MonkeyPatch, planted: Path) -> int:
    return generate.main([])


def _check_generated(monkeypatch: pytest.MonkeyPatch, planted: Path) -> int:
    return generate.main(["--check"])


def _diff(monkeypatch: pytest.MonkeyPatch, planted: Path) -> int:
    return report.main(["--base", "HEAD"])


def _changelog(monkeypatch: pytest.MonkeyPatch, planted: Path) -> int:
    return changelog.main(["--base", "HEAD"])


def _mock(monkeypatch: pytest.MonkeyPatch, planted: Path) -> int:
    monkeypatch.setattr(sys, "argv", ["scripts.replay.serve", "--port", "0"])
    monkeypatch.setattr(mock, "_server", _no_server)
    return mock.main()


def _smoke(monkeypatch: pytest.MonkeyPatch, planted: Path) -> int:
    monkeypatch.setattr(mock, "serving", _no_server)
    return smoke.main()


SPEC_ENTRIES: dict[str, Entry] = {
    "lint": _lint,
    "generate": _generate,
    "check-generated": _check_generated,
    "diff": _diff,
    "changelog": _changelog,
    "mock": _mock,
    "smoke": _smoke,
}
RECORDING_ENTRIES = ("mock", "smoke")


def _assert_one_located_line(stderr: str, file: str, case: Hostile) -> None:
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    assert re.fullmatch(re.escape(file) + ":" + case.expected + ".*", lines[0]), lines[0]


# Every spec input through every entry point; every recording input through the two that read recordings.
RUNS = [(case, name) for case in hostile.SPEC_INPUTS for name in SPEC_ENTRIES] + [
    (case, name) for case in hostile.RECORDING_INPUTS for name in RECORDING_ENTRIES
]


@pytest.mark.parametrize(("case", "entry_name"), RUNS, ids=[f"{case.name}-{name}" for case, name in RUNS])
def test_a_hostile_input_gives_one_located_line(
    case: Hostile, entry_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = _plant(case, tmp_path, monkeypatch)
    assert SPEC_ENTRIES[entry_name](monkeypatch, planted) != 0
    _assert_one_located_line(capsys.readouterr().err, paths.display(planted), case)


@pytest.mark.parametrize("case", hostile.SPEC_INPUTS, ids=lambda c: c.name)
def test_a_hostile_base_spec_gives_one_located_line(
    case: Hostile, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """make diff reads the base's specs from git, as warily as the working tree's."""
    real_git = report.git_bytes
    hostile_bytes = case.build(case.file.read_text(encoding="utf-8"))

    def git_bytes(*args: str, check: bool = True) -> bytes:
        if args[0] == "show" and args[1].endswith(":specs/imaginepro.yaml"):
            return hostile_bytes
        return real_git(*args, check=check)

    monkeypatch.setattr(report, "git_bytes", git_bytes)
    assert report.main(["--base", "HEAD"]) == 2
    commit = report.git("rev-parse", "HEAD").strip()[:12]
    _assert_one_located_line(capsys.readouterr().err, f"specs/imaginepro.yaml@{commit}", case)


# --- the make targets themselves ---------------------------------------------------------------

ALIAS_BOMB = next(c for c in hostile.SPEC_INPUTS if c.name == "alias bomb")
STATUS_TRUE = next(c for c in hostile.RECORDING_INPUTS if c.name == "status: true")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository, committed, so that make diff has a base."""
    root = hostile.sandbox(tmp_path_factory.mktemp("hostile") / "repo")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run([*git, "init", "--quiet", "--initial-branch=main"], cwd=root, check=True)
    subprocess.run([*git, "add", "--all"], cwd=root, check=True)
    subprocess.run([*git, "commit", "--quiet", "--message", "base"], cwd=root, check=True)
    return root


def _make(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """make as a user runs it; -o: the environment counts as installed (this checkout's Python)."""
    command = ["make", "-o", ".build/venv.stamp", "-o", ".build/node.stamp", f"PYTHON={sys.executable}", *arguments]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, timeout=60)


def _own_lines(stderr: str) -> str:
    """stderr without make's own `make: *** [...] Error N` line."""
    return "\n".join(line for line in stderr.splitlines() if not line.startswith("make"))


@pytest.mark.parametrize(
    ("arguments", "case"),
    [
        (("lint",), ALIAS_BOMB),
        (("generate",), ALIAS_BOMB),
        (("check-generated",), ALIAS_BOMB),
        (("diff", "BASE=main"), ALIAS_BOMB),
        (("mock", "PORT=0"), ALIAS_BOMB),
        (("mock", "PORT=0"), STATUS_TRUE),
    ],
    ids=["lint", "generate", "check-generated", "diff", "mock-spec", "mock-recording"],
)
def test_a_make_target_stops_at_the_located_line(repository: Path, arguments: tuple[str, ...], case: Hostile) -> None:
    planted = hostile.plant(case, repository)
    try:
        result = _make(repository, *arguments)
    finally:
        subprocess.run(["git", "checkout", "--quiet", "--", "."], cwd=repository, check=True)
    assert result.returncode == 2, result.stdout + result.stderr  # make's own status for a failed recipe
    _assert_one_located_line(_own_lines(result.stderr), str(planted.relative_to(repository)), case)


def test_the_smoke_run_stops_at_the_located_line(repository: Path) -> None:
    planted = hostile.plant(STATUS_TRUE, repository)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "scripts.build.smoke"], cwd=repository, capture_output=True, text=True, timeout=60
        )
    finally:
        subprocess.run(["git", "checkout", "--quiet", "--", "."], cwd=repository, check=True)
    assert result.returncode == 1
    _assert_one_located_line(result.stderr, str(planted.relative_to(repository)), STATUS_TRUE)
