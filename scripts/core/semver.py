"""`info.version`, a package version and a release tag's version are semver MAJOR.MINOR.PATCH."""

from __future__ import annotations

import re
from typing import Any

SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


def parse_version(text: Any) -> tuple[int, int, int]:
    """(major, minor, patch); ValueError unless text is a string MAJOR.MINOR.PATCH."""
    match = SEMVER.fullmatch(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"info.version {text!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch
