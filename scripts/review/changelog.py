"""Write each SDK's changelog entry from the spec review, when its spec's info.version changed.

    python -m scripts.review.changelog [--base REF]      (make changelog BASE=REF)

For every spec whose info.version differs from the base (the same base as `make diff`), adds
a `## VERSION (DATE)` entry to changelogs/<spec>.md listing the changes by level, unless that
version already has an entry. `make generate` copies changelogs/<spec>.md into the package
as CHANGELOG.md, so generated/ stays exactly what the inputs produce.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts.core import specs
from scripts.core.paths import CHANGELOG_DIR, display
from scripts.review import report as diff
from scripts.review import spec_diff

# An entry's heading: `## VERSION (DATE)`, or `## VERSION` in entries older than make changelog.
ENTRY_HEADING = re.compile(r"## (?P<version>\S+)(?: .*)?")

HEADINGS = {
    spec_diff.Level.BREAKING: "Breaking",
    spec_diff.Level.COMPATIBLE: "Added and compatible",
    spec_diff.Level.DOCS: "Documentation",
}


def entry(report: diff.SpecReport, today: datetime.date) -> str:
    lines = [f"## {report.head_version} ({today.isoformat()})", ""]
    if report.state == "added":
        lines += ["First version.", ""]
    for level, heading in HEADINGS.items():
        changes = [c for c in report.changes if c.level is level]
        if changes:
            lines += [f"### {heading}", ""]
            lines += [f"- `{c.operation}`: {c.message} (`{c.pointer}`)" for c in changes]
            lines.append("")
    if not report.changes:
        lines += ["No contract changes.", ""]
    return "\n".join(lines) + "\n"


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
    head, marker, rest = current.partition("\n## ")
    updated = f"{head.rstrip()}\n\n{text}\n## {rest}" if marker else f"{current.rstrip()}\n\n{text}"
    path.write_text(updated, encoding="utf-8")
    return True


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="", help="git ref to compare with (default: merge-base with main)")
    args = parser.parse_args(argv)
    try:
        commit, _label = diff.resolve_base(args.base or None)
        reports = diff.compare_specs(commit)
    except diff.DiffError as error:
        print(f"make changelog: {error}", file=sys.stderr)
        return 2
    except specs.SpecError as error:  # already one located line per problem
        print(error, file=sys.stderr)
        return 2
    today = datetime.datetime.now(datetime.UTC).date()
    for report in reports:
        if report.head_version is None or report.head_version == report.base_version:
            continue
        path = CHANGELOG_DIR / f"{report.name}.md"
        title = f"Changelog: the SDK built from specs/{report.name}.yaml"
        if add_entry(path, title, entry(report, today), str(report.head_version)):
            print(f"{display(path)}: added {report.head_version}")
        else:
            print(f"{display(path)}: {report.head_version} already has an entry")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
