"""info.version acknowledges a spec's changes: a major bump for a break, a minor one for an addition."""

from __future__ import annotations

import pytest

from scripts.core import semver
from scripts.review import versioning
from scripts.review.rules import Level
from scripts.review.spec_diff import Change

B, C, D = Level.BREAKING, Level.COMPATIBLE, Level.DOCS


def _change(level: Level) -> Change:
    return Change("things", "GET /thing (getThing)", "x", level, "#/", "x")


@pytest.mark.parametrize(
    ("levels", "base", "head", "missing"),
    [
        ([B], "1.0.0", "1.0.0", "breaking changes need a major bump: info.version is 1.0.0, set it to 2.0.0"),
        ([B, C], "1.2.3", "1.3.0", "breaking changes need a major bump: info.version is 1.3.0, set it to 2.0.0"),
        ([B], "1.2.3", "2.0.0", None),
        ([C], "1.2.3", "1.2.4", "compatible additions need a minor bump: info.version is 1.2.4, set it to 1.3.0"),
        ([C, D], "1.2.3", "1.3.0", None),
        ([C], "1.2.3", "2.0.0", None),
        ([D], "1.2.3", "1.2.3", None),
        ([D], "1.2.3", "1.2.4", None),
        ([], "1.2.3", "1.2.3", None),
        ([], "1.2.3", "1.2.2", "info.version went backwards: 1.2.3 → 1.2.2"),
        ([D], "1.2.3", "1.3", "info.version '1.3' is not MAJOR.MINOR.PATCH"),
    ],
)
def test_version_acknowledges_changes(levels: list[Level], base: str, head: str, missing: str | None) -> None:
    problem = versioning.check_version(base, head, [_change(level) for level in levels])
    if missing is None:
        assert problem is None
    else:
        assert problem is not None and problem.startswith(missing)


@pytest.mark.parametrize("version", ["banana", "1.0", "01.2.3", "1.0.0\n", '1.0.0"', 1, 1.0, None])
def test_only_major_minor_patch_is_a_version(version: object) -> None:
    with pytest.raises(ValueError, match=r"is not MAJOR\.MINOR\.PATCH"):
        semver.parse_version(version)
