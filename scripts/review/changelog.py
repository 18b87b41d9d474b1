"""Write each SDK's changelog entry from the spec review: the entry of the version being made.

    python -m scripts.review.changelog [--base REF]      (make changelog BASE=REF)

Refuses (exit 1, nothing written) while `make diff` against the same base says ✗: an entry
for a version that does not acknowledge its changes would be wrong. Otherwise, for each spec
that changed or whose info.version moved, the entry of its info.version, when that version is
above the last release (scripts.review.history), is rewritten from every change since that release:
changes made after the entry was first written join it, and an entry for a version that was
never released (a phantom left by an earlier under-bump, `3.2.0` before `4.0.0`) is folded
into it. What was written by hand in those entries (paragraphs, notes, migration advice) is
kept; the lists under `### Breaking`, `### Added and compatible` and `### Documentation` are
the generated part. Entries follow the file's style: one blank line between blocks, lines
wrapped at 100 columns. `make generate` copies changelogs/<spec>.md into the package as
CHANGELOG.md, so generated/ stays exactly what the inputs produce.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from scripts.core import specs
from scripts.core.paths import CHANGELOG_DIR, display
from scripts.core.semver import parse_version
from scripts.review import history, spec_diff
from scripts.review import report as diff

# An entry's heading: `## VERSION (DATE)`, or `## VERSION` in entries older than make changelog.
ENTRY_HEADING = re.compile(r"## (?P<version>\S+)(?: .*)?")

HEADINGS = {
    spec_diff.Level.BREAKING: "Breaking",
    spec_diff.Level.COMPATIBLE: "Added and compatible",
    spec_diff.Level.DOCS: "Documentation",
}


WIDTH = 100  # the hand-written entries wrap at about this
FIRST, NONE = "First version.", "No contract changes."


def _bullet(text: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent="- ", subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )


def entry(report: diff.SpecReport, today: datetime.date, prose: str = "") -> str:
    """version's entry: prose (kept from the file), then the changes by level; blocks one blank line apart."""
    blocks = [f"## {report.head_version} ({today.isoformat()})"]
    if prose.strip():
        blocks.append(prose.strip("\n"))
    elif report.state == "added":
        blocks.append(FIRST)
    for level, heading in HEADINGS.items():
        changes = [c for c in report.changes if c.level is level]
        if changes:
            bullets = [line for c in changes for line in _bullet(f"`{c.operation}`: {c.message} (`{c.pointer}`)")]
            blocks += [f"### {heading}", "\n".join(bullets)]
    if not report.changes and not prose.strip() and report.state != "added":
        blocks.append(NONE)
    return "\n\n".join(blocks) + "\n"


def prose_of(body: str) -> str:
    """An entry's hand-written part: its body without the generated lists and one-line notes."""
    kept: list[str] = []
    generated = False
    for line in body.splitlines():
        if line.startswith("### "):
            generated = line[4:].strip() in HEADINGS.values()
        if not generated and line.strip() not in (FIRST, NONE):
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def entries(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before the first entry, and each entry as (version, its text from the heading on)."""
    parts = re.split(r"(?m)^(?=## )", text)
    preamble, found = parts[0], []
    for part in parts[1:]:
        version = heading_version(part.splitlines()[0]) or ""
        found.append((version, part))
    return preamble, found


def _above(version: str, release: str | None) -> bool:
    if release is None:
        return False
    try:
        return parse_version(version) > parse_version(release)
    except ValueError:
        return False


def heading_version(line: str) -> str | None:
    """The version an entry's heading line names; None for any other line."""
    match = ENTRY_HEADING.fullmatch(line)
    return match["version"] if match else None


def entry_body(text: str, version: str) -> str | None:
    """The lines under version's heading, up to the next entry, trimmed; None when it has no entry."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if heading_version(line) == version]
    if not starts:
        return None
    body = []
    for line in lines[starts[0] + 1 :]:
        if line.startswith("## "):
            break
        body.append(line)
    return "\n".join(body).strip("\n")


def add_entry(path: Path, title: str, text: str, version: str) -> bool:
    """Insert text before the newest entry; False when version already has one."""
    current = path.read_text(encoding="utf-8") if path.exists() else f"# {title}\n\n"
    if entry_body(current, version) is not None:
        return False
    path.write_text(rewrite(current, version, None, lambda _prose: text)[0], encoding="utf-8")
    return True


def rewrite(current: str, version: str, release: str | None, write: Callable[[str], str]) -> tuple[str, list[str]]:
    """current with version's entry written by write(the prose kept), in place of version's entry and
    of every entry above release (unreleased); the versions dropped, which were never released."""
    preamble, found = entries(current)
    replaced = [(v, text) for v, text in found if v == version or _above(v, release)]
    prose = [prose_of(text.split("\n", 1)[1] if "\n" in text else "") for v, text in replaced if v == version]
    prose += [prose_of(text.split("\n", 1)[1] if "\n" in text else "") for v, text in replaced if v != version]
    kept = [text.strip("\n") for v, text in found if (v, text) not in replaced]
    new = write("\n\n".join(p for p in prose if p)).strip("\n")
    blocks = [preamble.strip("\n"), new, *kept]
    return "\n\n".join(b for b in blocks if b) + "\n", [v for v, _ in replaced if v != version]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="", help="git ref to compare with (default: as make diff)")
    args = parser.parse_args(argv)
    try:
        commit, _label = diff.resolve_base(args.base or None)
        reports = diff.compare_specs(commit)
        diff.compare_sdks(commit, reports)
        refused = [r for r in reports if r.problem]
        for report in refused:
            print(
                f"make changelog: specs/{report.name}.yaml: {report.problem} (make diff); nothing written",
                file=sys.stderr,
            )
        if refused:
            return 1
        today = datetime.datetime.now(datetime.UTC).date()
        head_documents = diff.head_specs()
        for report in reports:
            if report.head_version is None or (report.head_version == report.base_version and not report.changes):
                continue
            print(write_changelog(report, head_documents[report.name], commit, today))
    except diff.DiffError as error:
        print(f"make changelog: {error}", file=sys.stderr)
        return 2
    except specs.SpecError as error:  # already one located line per problem
        print(error, file=sys.stderr)
        return 2
    return 0


def write_changelog(report: diff.SpecReport, head: dict[str, Any], commit: str, today: datetime.date) -> str:
    """Rewrite the spec's unreleased entry from every change since its last release; what was done, one line."""
    version = str(report.head_version)
    path = CHANGELOG_DIR / f"{report.name}.md"
    shown = display(path)
    release = history.last_release(report.name, diff.project_of(report.name, commit), version)
    if release is not None and release.version == version:
        return f"{shown}: {version} is released ({release.how}): its entry stays as it is"
    since = release.document(report.name) if release is not None else None
    changes = spec_diff.compare(report.name, since, head) if since is not None else report.changes
    full = diff.SpecReport(report.name, release.version if release else report.base_version, version, changes)
    current = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else (f"# Changelog: the SDK built from specs/{report.name}.yaml\n")
    )
    updated, dropped = rewrite(current, version, release.version if release else None, lambda p: entry(full, today, p))
    if updated == current:
        return f"{shown}: {version} is up to date"
    path.write_text(updated, encoding="utf-8")
    since_text = f" since {release.version}" if release else ""
    folded = f"; folded in {', '.join(dropped)}, never released" if dropped else ""
    return f"{shown}: wrote {version} from {len(changes)} change(s){since_text}{folded}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
