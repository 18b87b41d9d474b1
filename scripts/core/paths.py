"""Where things are in this repository, and how a path is shown in messages.

The tools read SPECS_DIR, RECORDINGS_DIR and GENERATOR_DIR through this module (`paths.SPECS_DIR`)
at each use, so a test can point them all at a copy (tests/support/repo_copy.py).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECS_DIR = ROOT / "specs"
RECORDINGS_DIR = ROOT / "tests" / "recordings"
CHANGELOG_DIR = ROOT / "changelogs"
# The generator configs, templates and package metadata the build stage reads.
GENERATOR_DIR = ROOT / "scripts" / "build" / "generator"


def display(path: Path) -> str:
    """path relative to the repository when it is inside it, else as given."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# The pinned uv the Makefile installs (UV_VERSION); its build backend builds the SDKs.
UV = ROOT / ".build" / "uv" / "bin" / "uv"
DIST_DIR = ROOT / "dist"
