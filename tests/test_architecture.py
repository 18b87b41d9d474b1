"""The stages contract in pyproject.toml ([tool.importlinter]) holds, and it would catch a break."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.core.paths import ROOT

LINT_IMPORTS = ROOT / ".venv" / "bin" / "lint-imports"


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_every_contract_is_kept() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # core is the bottom stage: importing the live run from it runs back up.
        ("scripts/core/paths.py", "from scripts.live import run", "Stages: an import never runs back up"),
        # the live report importing the run that imports it: a circle between siblings.
        ("scripts/live/results.py", "from scripts.live import report", "No circle between the modules"),
        ("scripts/review/rules.py", "from tests.support import raw_server", "The tools never import the tests"),
    ],
)
def test_an_import_that_breaks_a_contract_fails(tmp_path: Path, module: str, line: str, broken: str) -> None:
    for part in ("scripts", "tests"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("recordings", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / module).open("a", encoding="utf-8") as file:
        file.write(f"\n{line}  # noqa\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert f"{broken}" in result.stdout and "BROKEN" in result.stdout


def test_make_help_lists_every_target_from_its_own_line() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY: (.*)$", makefile, re.M)
    assert phony is not None
    listed = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    shown = {line.split()[1] for line in listed.splitlines()}
    assert shown == set(phony.group(1).split()) - {"help"}
