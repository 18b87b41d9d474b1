"""CONTRIBUTING.md's layout names every folder of scripts/ and tests/, so it cannot fall behind,
and every stage of scripts/ says in its docstring what it is for."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from scripts.core.paths import ROOT
from scripts.core.targets import GOLDEN_DIR

LAYOUT = re.search(r"## Layout\n.*?```\n(.*?)```", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)
PACKAGES = sorted(
    init.parent.relative_to(ROOT)
    for folder in ("scripts", "tests")
    for init in (ROOT / folder).rglob("__init__.py")
    if init.parent != ROOT / folder and not init.is_relative_to(GOLDEN_DIR)  # a generated package
)


def test_the_layout_section_exists() -> None:
    assert LAYOUT is not None, "CONTRIBUTING.md lost its '## Layout' code block"


@pytest.mark.parametrize("package", PACKAGES, ids=str)
def test_the_layout_names_every_folder(package: Path) -> None:
    assert LAYOUT is not None
    assert re.search(rf"(^|\s){re.escape(package.name)}/", LAYOUT.group(1), re.M), (
        f"{package}/ is not in CONTRIBUTING.md's Layout: say in one line what it is for"
    )


@pytest.mark.parametrize("package", [p for p in PACKAGES if p.parts[0] == "scripts"], ids=str)
def test_every_stage_says_what_it_is_for(package: Path) -> None:
    docstring = ast.get_docstring(ast.parse((ROOT / package / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 12, f"{package}/__init__.py: a one-paragraph docstring"
