"""The spec review report: what a branch changes in the contract and in the SDKs.

    python -m scripts.review.report [--base REF]      (make diff BASE=REF)

Compares the working tree with a base commit: by default the merge-base of HEAD with `main`
(or with `origin/main` when there is no local `main`). Prints a Markdown report on stdout:
  - per spec, every change grouped by operation and classified by scripts.review.spec_diff;
  - whether info.version acknowledges them: a breaking change needs a major bump, a
    compatible addition a minor one (docs-only changes need none);
  - per SDK package, the public API compared with griffe (scripts.review.sdk_diff), and a
    diffstat of generated/.

Exit status: 0 when every change is acknowledged; 1 when a breaking change or an addition
lacks its version bump, or a spec was removed; 2 when the base is not a commit or a spec
cannot be read (one `file:line:col: #/pointer: message` line per problem). The base is read
with `git show`/`git archive`; the working tree is not touched.
"""

from __future__ import annotations

import argparse
import io
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
from scripts.core.text import markdown_cell as cell
from scripts.review import sdk_diff, spec_diff, versioning

ROOT = ROOT
DEFAULT_BRANCHES = ("main", "origin/main")


class DiffError(Exception):
    """The report cannot be made: unknown base, unreadable spec."""


@dataclass
class SpecReport:
    name: str
    base_version: Any = None  # None: the spec is new
    head_version: Any = None  # None: the spec was removed
    changes: list[spec_diff.Change] = field(default_factory=list)
    problem: str | None = None  # what info.version fails to acknowledge

    @property
    def state(self) -> str:
        if self.base_version is None:
            return "added"
        return "removed" if self.head_version is None else "changed"


# --- git -----------------------------------------------------------------------------------


def git_bytes(*args: str, check: bool = True) -> bytes:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=False)
    if check and result.returncode != 0:
        raise DiffError(f"git {' '.join(args)} failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def git(*args: str, check: bool = True) -> str:
    return git_bytes(*args, check=check).decode("utf-8", errors="replace")


def resolve_base(ref: str | None) -> tuple[str, str]:
    """(commit, how it was chosen) for --base, or the merge-base with main."""
    if ref:
        commit = git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).strip()
        if not commit:
            raise DiffError(f"BASE={ref!r} is not a commit in this repository (fetch it, or check the name)")
        return commit, f"`{ref}`"
    for branch in DEFAULT_BRANCHES:
        commit = git("merge-base", "HEAD", branch, check=False).strip()
        if commit:
            return commit, f"merge-base of HEAD and `{branch}`"
    raise DiffError("no `main` or `origin/main` to diff against: pass BASE=<git ref>")


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
            report.problem = versioning.check_version(report.base_version, report.head_version, report.changes)
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
                    bump = versioning.actual_bump(report.base_version, report.head_version)
                except ValueError:
                    bump = versioning.Bump.MAJOR
                if bump is not versioning.Bump.MAJOR:
                    report.problem = (
                        f"the SDK API breaks ({len(sdk.breakages)} griffe finding(s)): that needs a major bump, "
                        f"set info.version to {versioning.next_version(report.base_version, versioning.Bump.MAJOR)}"
                    )
    return diffs


# --- report --------------------------------------------------------------------------------


def render(
    base_label: str, commit: str, reports: list[SpecReport], sdks: list[sdk_diff.PackageDiff], diffstat: str
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
    if not sdks:
        out.append("No SDK packages.")
    for sdk in sdks:
        out.append(f"### {sdk.project} (`{sdk.package}`): {'unchanged' if sdk.empty else sdk.state}")
        out.append("")
        if sdk.empty:
            out += ["Public API unchanged.", ""]
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
    status = 1 if any(r.problem for r in reports) else 0
    return render(label, commit, reports, sdks, diffstat), status


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="", help="git ref to compare with (default: merge-base with main)")
    args = parser.parse_args(argv)
    try:
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
