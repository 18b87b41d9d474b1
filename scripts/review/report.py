"""The spec review report: what a branch changes in the contract and in the SDKs.

    python -m scripts.review.report [--base REF]      (make diff BASE=REF)

    python -m scripts.review.report --since-release   (make test) each spec against its last release

Compares the working tree with a base commit: by default the merge-base of HEAD with the
upstream branch `origin/main`, else with `main` (scripts.review.history; it refuses to compare HEAD
with itself). Prints a Markdown report on stdout:
  - per spec, every change grouped by operation and classified by scripts.review.spec_diff;
  - whether info.version acknowledges them: a breaking change needs a major bump, a
    compatible addition a minor one (docs-only changes need none), counted from the last
    release when the base's version is itself unreleased (later changes join it);
  - per SDK package, the public API compared with griffe (scripts.review.sdk_diff), and a
    diffstat of generated/; when generated/ is out of date with specs/, the report says so.

`--since-release` compares each spec with its last release instead and prints one line per
spec: `make test` runs it, so a contract change without its bump fails on every push.

Exit status: 0 when every change is acknowledged; 1 when a breaking change or an addition
lacks its version bump, or a spec was removed; 2 when the base is not a commit or a spec
cannot be read (one `file:line:col: #/pointer: message` line per problem). The base is read
with `git show`/`git archive`; the working tree is not touched.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.core import specs
from scripts.core.paths import GENERATOR_DIR, ROOT
from scripts.core.semver import parse_version
from scripts.core.text import markdown_cell as cell
from scripts.review import history, sdk_diff, spec_diff, versioning
from scripts.review.history import DiffError, git, git_bytes, resolve_base

__all__ = ["DiffError", "SpecReport", "compare_specs", "git", "git_bytes", "resolve_base", "run"]


@dataclass
class SpecReport:
    name: str
    base_version: Any = None  # None: the spec is new
    head_version: Any = None  # None: the spec was removed
    changes: list[spec_diff.Change] = field(default_factory=list)
    problem: str | None = None  # what info.version fails to acknowledge
    release: history.Release | None = None  # the last release, when head_version is above it

    @property
    def acknowledged_from(self) -> Any:
        """The version the bump is counted from: the base's, or the last release when the base is unreleased."""
        return self.release.version if self.release is not None else self.base_version

    @property
    def state(self) -> str:
        if self.base_version is None:
            return "added"
        return "removed" if self.head_version is None else "changed"


def base_specs(commit: str) -> dict[str, dict[str, Any]]:
    """The base commit's specs, checked like the working tree's (a SpecError names `file@commit`)."""
    documents = {}
    for path in git("ls-tree", "--name-only", commit, "specs/").split():
        if path.endswith(".yaml"):
            raw = git_bytes("show", f"{commit}:{path}")
            spec = specs.check(ROOT / path, validate=False, raw=raw, shown=f"{path}@{commit[:12]}")
            documents[Path(path).stem] = spec.document
    return documents


def head_specs() -> dict[str, dict[str, Any]]:
    """The working tree's specs, through every check but the (slow) OpenAPI validator."""
    return {path.stem: specs.check(path, validate=False).document for path in specs.spec_paths()}


def extract(commit: str, folder: str, into: Path) -> None:
    """Write folder as it is at commit under into/, through git archive (nothing else touched)."""
    if not git("ls-tree", "--name-only", commit, folder).strip():
        return
    archive = subprocess.run(["git", "archive", commit, folder], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def generator_config(name: str, commit: str) -> dict[str, Any]:
    """The generator config for a spec: the working tree's, else the base's (spec removed)."""
    path = GENERATOR_DIR / f"{name}.yaml"
    if path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        text = git("show", f"{commit}:scripts/build/generator/{name}.yaml", check=False)
    import yaml  # the project's own config file, not a spec

    config = yaml.safe_load(text) if text else None
    return config if isinstance(config, dict) else {}


# --- comparison ----------------------------------------------------------------------------


def project_of(name: str, commit: str) -> str | None:
    project = generator_config(name, commit).get("project_name_override")
    return project if isinstance(project, str) else None


def unreleased_base(name: str, base_version: Any, commit: str) -> history.Release | None:
    """The last release, when the base's version is above it (unreleased); else None."""
    release = history.last_release(name, project_of(name, commit), base_version, start=commit)
    if release is None or release.version == str(base_version):
        return None
    try:
        above = parse_version(base_version) > parse_version(release.version)
    except ValueError:
        return None
    return release if above else None


def compare_specs(commit: str) -> list[SpecReport]:
    before, after = base_specs(commit), head_specs()
    reports = []
    for name in sorted(before.keys() | after.keys()):
        base, head = before.get(name), after.get(name)
        report = SpecReport(
            name,
            base_version=None if base is None else (base.get("info") or {}).get("version"),
            head_version=None if head is None else (head.get("info") or {}).get("version"),
        )
        if base is None:
            # Against nothing every server and scheme would read as "changed": list what it brings.
            brought = ("operation-added", "component-schema-added")
            report.changes = [c for c in spec_diff.compare(name, {}, head or {}) if c.rule in brought]
        elif head is None:
            report.problem = "the spec was removed: its SDK package is gone; no version bump can acknowledge that"
        else:
            report.changes = spec_diff.compare(name, base, head)
            report.release = unreleased_base(name, report.base_version, commit)
            report.problem = versioning.check_version(report.acknowledged_from, report.head_version, report.changes)
        reports.append(report)
    return reports


def compare_sdks(commit: str, reports: list[SpecReport]) -> list[sdk_diff.PackageDiff]:
    diffs = []
    with tempfile.TemporaryDirectory(prefix="sdk-base-") as workdir:
        extract(commit, "generated", Path(workdir))
        for report in reports:
            config = generator_config(report.name, commit)
            project, package = config.get("project_name_override"), config.get("package_name_override")
            if not project or not package:
                continue
            base_dir, head_dir = Path(workdir) / "generated" / project, ROOT / "generated" / project
            diffs.append(
                sdk_diff.compare(
                    project, package, base_dir if base_dir.exists() else None, head_dir if head_dir.exists() else None
                )
            )
            sdk = diffs[-1]
            # The SDK is what users import: a griffe breakage needs a major bump even when
            # no spec rule caught it (a generator or template change, say).
            if sdk.state == "changed" and sdk.breakages and report.state == "changed" and report.problem is None:
                try:
                    bump = versioning.actual_bump(report.acknowledged_from, report.head_version)
                except ValueError:
                    bump = versioning.Bump.MAJOR
                if bump is not versioning.Bump.MAJOR:
                    major = versioning.next_version(report.acknowledged_from, versioning.Bump.MAJOR)
                    report.problem = (
                        f"the SDK API breaks ({len(sdk.breakages)} griffe finding(s)): that needs a major bump, "
                        f"set info.version to {major}"
                    )
    return diffs


# --- report --------------------------------------------------------------------------------


def stale_generated(names: Sequence[str]) -> str | None:
    """What `python -m scripts.build.generate --check NAMES` says when their SDKs are out of date, else None.

    Run as a command, not imported: the review does not build SDKs (the layers contract). Only the
    named specs are built: the others and the golden records are `make test`'s to check.
    """
    bin_dir = str(Path(sys.executable).parent)  # ruff, which the generator's post hooks run, is beside it
    environment = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build.generate", "--check", *names],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    if result.returncode == 0:
        return None
    stale = [line for line in result.stdout.splitlines() if " is out of date with " in line]
    return "; ".join(stale) or (result.stderr.strip().splitlines() or ["the generator failed"])[-1]


def render(
    base_label: str,
    commit: str,
    reports: list[SpecReport],
    sdks: list[sdk_diff.PackageDiff],
    diffstat: str,
    stale: str | None = None,
) -> str:
    head = git("rev-parse", "--short", "HEAD", check=False).strip() or "(no commit)"
    out = ["# Spec review", ""]
    out.append(f"Base: {base_label} (`{commit[:12]}`); head: the working tree at `{head}`.")
    out.append("")
    failed = [r for r in reports if r.problem]
    if failed:
        out.append(f"**Not acknowledged: {len(failed)} spec(s) need attention (see below).**")
    else:
        out.append("**Every change is acknowledged by its spec's info.version.**")
    out += ["", "| spec | info.version | breaking | compatible | docs | verdict |", "|---|---|---|---|---|---|"]
    for r in reports:
        counts = {level: sum(c.level is level for c in r.changes) for level in spec_diff.Level}
        version = cell(f"{r.base_version or '(new)'} → {r.head_version or '(removed)'}")
        verdict = f"✗ {r.problem}" if r.problem else "✓"
        out.append(
            f"| {r.name} | {version} | {counts[spec_diff.Level.BREAKING]} | "
            f"{counts[spec_diff.Level.COMPATIBLE]} | {counts[spec_diff.Level.DOCS]} | {cell(verdict)} |"
        )
    for r in reports:
        state = "unchanged" if r.state == "changed" and not r.changes else r.state
        out += ["", f"## {r.name}: `specs/{r.name}.yaml` ({state})", ""]
        if r.state == "changed":
            bump = versioning.required_bump(r.changes)
            needed = {
                versioning.Bump.MAJOR: "a major bump (breaking changes)",
                versioning.Bump.MINOR: "a minor bump (compatible additions)",
            }.get(bump, "no bump (a patch bump is welcome for docs)" if r.changes else "nothing")
            out.append(cell(f"info.version {r.base_version} → {r.head_version}; the changes need {needed}."))
            if r.release is not None and r.changes:
                out += [
                    "",
                    cell(
                        f"{r.base_version} is unreleased (the last release is {r.release.version}, {r.release.how}): "
                        f"the bump is counted from {r.release.version}, and these changes join {r.head_version}."
                    ),
                ]
            if r.problem:
                out += ["", f"**Missing: {cell(r.problem)}.**"]
        elif r.problem:
            out.append(f"**{r.problem}.**")
        else:
            out.append(f"New spec at version {r.head_version}: a new SDK package.")
        if not r.changes:
            out += ["", "No contract changes." if r.state == "changed" else ""]
            continue
        for group, changes in spec_diff.by_operation(r.changes):
            out += ["", f"### {'Document' if group == spec_diff.DOCUMENT else f'`{group}`'}", ""]
            out += ["| level | rule | change | where |", "|---|---|---|---|"]
            for c in changes:
                level = f"**{c.level.value}**" if c.breaking else c.level.value
                out.append(f"| {level} | `{c.rule}` | {cell(c.message)} | `{cell(c.pointer)}` |")
    out += ["", "## SDK API (griffe)", ""]
    if stale:
        out += [
            f"**generated/ is out of date with specs/ ({cell(stale)}): run `make generate`, then `make diff` "
            "again. What follows compares the committed generated/, not what the specs produce.**",
            "",
        ]
    if not sdks:
        out.append("No SDK packages.")
    for sdk in sdks:
        behind = stale is not None and f"generated/{sdk.project} " in stale
        shown = ("stale, unchanged" if behind else "unchanged") if sdk.empty else sdk.state
        out.append(f"### {sdk.project} (`{sdk.package}`): {shown}")
        out.append("")
        if sdk.empty:
            out += ["Public API unchanged (generated/ is stale: see above)." if behind else "Public API unchanged.", ""]
            continue
        for title, items in (
            ("Breaking (griffe)", sdk.breakages),
            ("Signatures and types changed", sdk.retyped),
            ("Added", sdk.added),
        ):
            if items:
                out += [f"{title}:", ""] + [f"- {item}" for item in items] + [""]
    out += ["## Generated files", ""]
    out += ["```text", diffstat.rstrip() or "generated/ is unchanged", "```", ""]
    return "\n".join(out)


def run(base: str | None) -> tuple[str, int]:
    commit, label = resolve_base(base)
    reports = compare_specs(commit)
    sdks = compare_sdks(commit, reports)
    diffstat = git("diff", "--stat=100", commit, "--", "generated/")
    # Only a spec change can leave generated/ behind here (make test checks the rest): build just those.
    touched = [r.name for r in reports if (r.changes or r.state != "changed") and r.head_version is not None]
    stale = stale_generated(touched) if touched else None
    status = 1 if any(r.problem for r in reports) else 0
    return render(label, commit, reports, sdks, diffstat, stale), status


def since_release() -> tuple[list[str], int]:
    """Each spec against its last release: one line each; status 1 when a version fails to acknowledge."""
    lines, status = [], 0
    for name, head in sorted(head_specs().items()):
        version = (head.get("info") or {}).get("version")
        release = history.last_release(name, project_of(name, "HEAD"), version)
        base = release.document(name) if release is not None else None
        if release is None or base is None:
            lines.append(f"specs/{name}.yaml: {version}, no earlier release: nothing to acknowledge")
            continue
        changes = spec_diff.compare(name, base, head)
        problem = versioning.check_version(release.version, version, changes)
        if problem:
            status = 1
            lines.append(
                f"specs/{name}.yaml: {problem} (since the last release, {release.version} at {release.how}; make diff)"
            )
        else:
            lines.append(
                f"specs/{name}.yaml: {version} acknowledges its {len(changes)} change(s) since {release.version}"
            )
    return lines, status


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="", help="git ref to compare with (default: merge-base with origin/main)")
    parser.add_argument("--since-release", action="store_true", help="check each spec against its last release")
    args = parser.parse_args(argv)
    try:
        if args.since_release:
            lines, status = since_release()
            print("\n".join(lines), file=sys.stderr if status else sys.stdout)
            return status
        report, status = run(args.base or None)
    except DiffError as error:
        print(f"make diff: {error}", file=sys.stderr)
        return 2
    except specs.SpecError as error:  # already one located line per problem
        print(error, file=sys.stderr)
        return 2
    print(report)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
