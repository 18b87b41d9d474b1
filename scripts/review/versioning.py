"""The version policy: `info.version` is semver, and how far it must move for a set of changes.

`info.version` is the SDK package's version, so the bump is how a spec change is acknowledged:
a breaking change needs a major bump, a compatible one at least a minor bump, docs alone none
(a patch bump is welcome). A version that went backwards acknowledges nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Protocol

from scripts.core.semver import parse_version
from scripts.review.rules import Level


class Bump(enum.IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3


class Leveled(Protocol):
    @property
    def level(self) -> Level: ...


def required_bump(changes: Iterable[Leveled]) -> Bump:
    levels = {change.level for change in changes}
    if Level.BREAKING in levels:
        return Bump.MAJOR
    if Level.COMPATIBLE in levels:
        return Bump.MINOR
    return Bump.NONE  # docs alone: a patch bump is welcome, not required


def actual_bump(base_version: Any, head_version: Any) -> Bump:
    """How far info.version moved; ValueError when it is not semver or went backwards."""
    old, new = parse_version(base_version), parse_version(head_version)
    if new < old:
        raise ValueError(f"info.version went backwards: {base_version} → {head_version}")
    if new[0] > old[0]:
        return Bump.MAJOR
    if new[1] > old[1]:
        return Bump.MINOR
    if new[2] > old[2]:
        return Bump.PATCH
    return Bump.NONE


def next_version(version: Any, bump: Bump) -> str:
    major, minor, patch = parse_version(version)
    if bump is Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump is Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def check_version(base_version: Any, head_version: Any, changes: Iterable[Leveled]) -> str | None:
    """None when info.version acknowledges the changes, else what is missing."""
    needed = required_bump(changes)
    try:
        done = actual_bump(base_version, head_version)
    except ValueError as error:
        return str(error)
    if done >= needed:
        return None
    reason = "breaking changes need" if needed is Bump.MAJOR else "compatible additions need"
    return (
        f"{reason} a {needed.name.lower()} bump: info.version is {head_version}, "
        f"set it to {next_version(base_version, needed)} (or higher)"
    )
