"""CONTRIBUTING.md's layout names every module of scripts/ and tests/, so it cannot fall behind."""

from __future__ import annotations

import re

import pytest

from scripts.core.paths import ROOT

LAYOUT = re.search(r"## Layout\n\n```\n(.*?)```", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)
MODULES = sorted(
    path.relative_to(ROOT)
    for folder in ("scripts", "tests")
    for path in (ROOT / folder).glob("*.py")
    if path.name != "__init__.py"
)


def test_the_layout_section_exists() -> None:
    assert LAYOUT is not None, "CONTRIBUTING.md lost its '## Layout' code block"


@pytest.mark.parametrize("module", MODULES, ids=str)
def test_the_layout_names_every_module(module: object) -> None:
    assert LAYOUT is not None
    name = str(module).rsplit("/", 1)[-1]
    assert re.search(rf"(^|[\s,]){re.escape(name)}([\s,]|$)", LAYOUT.group(1), re.M), (
        f"{module} is not in CONTRIBUTING.md's Layout: say in one line what it is for"
    )
