"""What .github/workflows/release.yml asks of a release tag, `<project>-v<version>`.

    python -m scripts.ship.release verify TAG    the tag names a generated package at its current version
    python -m scripts.ship.release notes TAG     that version's changelog entry (the GitHub release notes)
    python -m scripts.ship.release files TAG [--dist DIR]   the tag's wheel and sdist in dist/ (after make dist)
    python -m scripts.ship.release pythons [--lines] [--with-unsupported]
                                            the supported Pythons (scripts/build/generator/package.toml)

`verify` checks that the version is the spec's info.version, the version in
generated/<project>/pyproject.toml, and has an entry in changelogs/<spec>.md, and that the
changelog lists no version that was never released: none above this one, none between the
previous release (the newest `<project>-v*` tag below it; without one, the version before it
in the spec's history) and this one. Every problem is one line naming the file or place at
fault; exit 1.

`pythons` runs before any set-up (the workflows derive their Python matrix from it on the
runner's own python3), so this module imports the standard library alone at its top; the
commands that read specs and changelogs import the project's modules when they run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.build import package_metadata
from scripts.core.paths import DIST_DIR, display
from scripts.core.semver import SEMVER

if TYPE_CHECKING:
    from scripts.core.targets import Target

TAG_EXAMPLE = "useapi-client-v3.1.0"
# <project>-v<version>, the version the same MAJOR.MINOR.PATCH as info.version.
TAG_PATTERN = re.compile(rf"(?P<project>\S+)-v(?P<version>{SEMVER.pattern})")


class ReleaseError(Exception):
    """What stops a command: one line per problem, each naming its file or place."""


@dataclass(frozen=True)
class Tag:
    project: str
    version: str

    @property
    def text(self) -> str:
        return f"{self.project}-v{self.version}"


def parse_tag(text: str) -> Tag:
    match = TAG_PATTERN.fullmatch(text)
    if not match:
        raise ReleaseError(f"tag {text!r} is not <project>-v<MAJOR.MINOR.PATCH>, e.g. {TAG_EXAMPLE}")
    return Tag(match["project"], match["version"])


def target(tag: Tag) -> Target:
    """The SDK package the tag names, from scripts/core/targets.py."""
    from scripts.core import specs
    from scripts.core.targets import BuildError, targets

    try:
        found = targets()
    except (BuildError, specs.SpecError) as error:
        raise ReleaseError(str(error)) from None
    for candidate in found:
        if candidate.project_name == tag.project:
            return candidate
    known = ", ".join(sorted(t.project_name for t in found))
    raise ReleaseError(f"tag {tag.text!r}: {tag.project} is not a generated package (generated/: {known})")


def spec_problems(version: str, spec_path: Path) -> list[str]:
    from scripts.core import specs

    try:
        spec = specs.load(spec_path)
    except specs.SpecError as error:
        return [str(error)]
    info = spec.document.get("info")
    current = info.get("version") if isinstance(info, dict) else None
    where = spec.where(("info", "version"))
    if current is None:
        return [f"{where}: no info.version"]
    if str(current) != version:
        return [f"{where}: info.version is {current}, the tag says {version}"]
    return []


def pyproject_problems(version: str, pyproject: Path) -> list[str]:
    shown = display(pyproject)
    try:
        with pyproject.open("rb") as file:
            project = tomllib.load(file).get("project")
    except FileNotFoundError:
        return [f"{shown}: missing (make generate writes it)"]
    except tomllib.TOMLDecodeError as error:
        return [f"{shown}: not valid TOML: {error}"]
    current = project.get("version") if isinstance(project, dict) else None
    if current is None:
        return [f"{shown}: no project.version"]
    if current != version:
        return [f"{shown}: project.version is {current}, the tag says {version}"]
    return []


def notes_for(version: str, changelog: Path) -> str:
    """version's changelog entry, without its heading; ReleaseError naming the file when it has none."""
    from scripts.review import changelog as changelogs

    shown = display(changelog)
    try:
        text = changelog.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReleaseError(f"{shown}: missing") from None
    body = changelogs.entry_body(text, version)
    if body is None:
        raise ReleaseError(f"{shown}: no entry for {version} (a `## {version} (date)` heading; make changelog)")
    if not body.strip():
        raise ReleaseError(f"{shown}: the entry for {version} is empty")
    return body


def release_problems(version: str, spec_path: Path, pyproject: Path, changelog: Path) -> list[str]:
    """Every reason version cannot be released from these files, one line each."""
    problems = spec_problems(version, spec_path) + pyproject_problems(version, pyproject)
    try:
        notes_for(version, changelog)
    except ReleaseError as error:
        problems.append(str(error))
    return problems


def previous_release(project: str, spec_name: str, version: str) -> str | None:
    """The release before version: the newest tag below it, else the version before it in the spec's history."""
    from scripts.core.semver import parse_version
    from scripts.review import history

    current = parse_version(version)
    below = [v for v in history.tagged_releases(project) if v < current]
    if below:
        return ".".join(map(str, max(below)))
    release = history.last_release(spec_name, None, version)
    return release.version if release is not None else None


def phantom_problems(version: str, previous: str | None, changelog: Path) -> list[str]:
    """A line for each changelog version that was never released: above version, or between previous and it."""
    from scripts.core.semver import parse_version
    from scripts.review import changelog as changelogs

    try:
        text = changelog.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []  # notes_for says so
    current = parse_version(version)
    floor = parse_version(previous) if previous else None
    problems = []
    for listed, _text in changelogs.entries(text)[1]:
        try:
            seen = parse_version(listed)
        except ValueError:
            continue
        if seen > current or (floor is not None and floor < seen < current):
            after = f"the release before {version} is {previous}" if previous else f"{version} is being released"
            problems.append(
                f"{display(changelog)}: lists {listed}, which was never released ({after}): "
                f"fold its entry into {version}'s (make changelog does)"
            )
    return problems


def verify(tag_text: str) -> list[str]:
    tag = parse_tag(tag_text)
    found = target(tag)
    problems = release_problems(tag.version, found.spec_path, found.output_dir / "pyproject.toml", found.changelog)
    previous = previous_release(tag.project, found.name, tag.version)
    return problems + phantom_problems(tag.version, previous, found.changelog)


def distribution_name(project: str) -> str:
    """The project name as wheel and sdist file names spell it (PEP 427, PEP 625)."""
    return re.sub(r"[-_.]+", "_", project).lower()


def package_files(tag: Tag, dist: Path) -> list[Path]:
    """The tag's wheel and sdist in dist, and nothing of another project or version."""
    stem = f"{distribution_name(tag.project)}-{tag.version}"
    wheels = sorted(dist.glob(f"{stem}-*.whl"))
    sdist = dist / f"{stem}.tar.gz"
    problems = []
    if not wheels:
        problems.append(f"{display(dist)}/: no {stem}-*.whl (make dist builds it)")
    elif len(wheels) > 1:
        problems.append(f"{display(dist)}/: more than one {stem} wheel: {', '.join(path.name for path in wheels)}")
    if not sdist.is_file():
        problems.append(f"{display(sdist)}: missing (make dist builds it)")
    if problems:
        raise ReleaseError("\n".join(problems))
    return [*wheels, sdist]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, summary in (
        ("verify", "check that the tag can be released"),
        ("notes", "print the version's changelog entry"),
        ("files", "print the tag's wheel and sdist in dist/, one a line"),
    ):
        command = commands.add_parser(name, help=summary)
        command.add_argument("tag", help=f"<project>-v<version>, e.g. {TAG_EXAMPLE}")
    command.add_argument("--dist", type=Path, default=DIST_DIR, help="where make dist wrote them (default: dist/)")
    pythons = commands.add_parser("pythons", help="print the supported Pythons as a JSON list")
    pythons.add_argument("--lines", action="store_true", help="one version a line instead")
    pythons.add_argument(
        "--with-unsupported", action="store_true", help="and the version below them, which make test-dist refuses"
    )
    args = parser.parse_args(argv)

    if args.command == "pythons":
        meta = package_metadata.metadata()
        versions = [*meta.pythons, *([meta.python_below] if args.with_unsupported else [])]
        print("\n".join(versions) if args.lines else json.dumps(versions))
        return 0
    try:
        if args.command == "verify":
            problems = verify(args.tag)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                return 1
            print(f"{args.tag}: releasable")
        elif args.command == "notes":
            tag = parse_tag(args.tag)
            print(notes_for(tag.version, target(tag).changelog))
        else:
            tag = parse_tag(args.tag)
            target(tag)
            for path in package_files(tag, args.dist):
                print(display(path))
    except ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
